package th.go.integritydesk.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A complaint as a complainant submits it ({@code POST /api/complaints}) or an intake officer records it, referrals
 * included ({@code POST /api/staff/complaints}), DESIGN.md.
 */
@Schema(description = "A corruption or misconduct complaint")
public record ComplaintSubmission(
    @Schema(description = "How the complaint came in. REFERRAL_NACC, REFERRAL_PACC and REFERRAL_OTHER only through "
        + "POST /api/staff/complaints (group intake); the public form refuses them")
    @NotNull Channel channel,
    @NotNull Category category,
    @NotBlank @Size(max = 200) String subject,
    @NotBlank @Size(max = 10000) String description,
    @NotNull @Valid Accused accused,
    @PastOrPresent LocalDate incidentDate,
    @Size(max = 300) String location,
    @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal amountInvolved,
    @Valid Complainant complainant,
    Boolean consentToContact,
    @Pattern(regexp = "^[A-Za-z0-9-]{1,50}$") String volunteerCode,
    @Size(max = 100) String referenceNumber,
    @Schema(description = "Only on a referral from NACC recorded by intake (POST /api/staff/complaints): NACC has "
        + "already found disciplinary fault. The public form refuses the field")
    Boolean naccFindingOfFault) {

  /** The official complained about. */
  public record Accused(
      @Size(max = 200) String name,
      @Size(max = 200) String position,
      @NotBlank @Size(max = 200) String unit,
      @NotNull Rank rank,
      @Schema(description = "Whole years since the official left office; empty while in office")
      @Min(0) @Max(100) Integer yearsSinceLeftOffice) {}

  /** Who complains: optional; without a contact the complaint is anonymous. Stored apart from the complaint. */
  public record Complainant(
      @Size(max = 200) String name,
      @Email @Size(max = 200) String email,
      @Pattern(regexp = "^[0-9+() -]{6,30}$") String phone,
      @Size(max = 500) String address) {

    public boolean hasContact() {
      return notBlank(email) || notBlank(phone) || notBlank(address);
    }

    public boolean isEmpty() {
      return !notBlank(name) && !hasContact();
    }
  }

  static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}

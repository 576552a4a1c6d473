package th.go.integritydesk.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.multipart.MultipartFile;

/**
 * The complaint form of the public page as the browser posts it: every field as the text typed, so a bad value comes
 * back in its field with the error next to it. {@link #toSubmission} turns it into the API's
 * {@link ComplaintSubmission}, which is then validated exactly as the JSON API validates it.
 */
public class ComplaintForm {

  /** Channels a complainant may choose on the public form; referrals are staff intake only (DESIGN.md). */
  static final List<Channel> PUBLIC_CHANNELS = List.of(Channel.WEB, Channel.VOLUNTEER_NETWORK);

  public static class Accused {
    private String name;
    private String position;
    private String unit;
    private String rank;
    private String yearsSinceLeftOffice;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPosition() { return position; }
    public void setPosition(String position) { this.position = position; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public String getRank() { return rank; }
    public void setRank(String rank) { this.rank = rank; }
    public String getYearsSinceLeftOffice() { return yearsSinceLeftOffice; }
    public void setYearsSinceLeftOffice(String years) { this.yearsSinceLeftOffice = years; }
  }

  public static class Complainant {
    private String name;
    private String email;
    private String phone;
    private String address;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
  }

  private String channel = Channel.WEB.name();
  private String category;
  private String subject;
  private String description;
  private String incidentDate;
  private String amountInvolved;
  private String location;
  private Accused accused = new Accused();
  private String identity = "anonymous";
  private Complainant complainant = new Complainant();
  private boolean consentToContact;
  private String volunteerCode;
  private String idempotencyKey = UUID.randomUUID().toString();
  private List<MultipartFile> evidence;

  /**
   * The submission this form stands for; a value that cannot be read (a date, a number, a choice not offered) is
   * put into {@code errors} under its field, with the message key the API uses for the same mistake.
   */
  ComplaintSubmission toSubmission(Map<String, String> errors) {
    Channel ch = choice(Channel.class, channel, "channel", errors);
    if (ch != null && !PUBLIC_CHANNELS.contains(ch)) {
      errors.put("channel", "complaint.channelNotPublic");
      ch = null;
    }
    Category cat = choice(Category.class, category, "category", errors);
    Rank rk = choice(Rank.class, accused.rank, "accused.rank", errors);
    LocalDate date = null;
    if (present(incidentDate)) {
      try {
        date = LocalDate.parse(incidentDate.strip());
      } catch (DateTimeParseException e) {
        errors.put("incidentDate", "json.type.LocalDate");
      }
    }
    BigDecimal amount = null;
    if (present(amountInvolved)) {
      try {
        amount = new BigDecimal(amountInvolved.strip().replace(",", ""));
      } catch (NumberFormatException e) {
        errors.put("amountInvolved", "json.type.BigDecimal");
      }
    }
    Integer years = null;
    if (present(accused.yearsSinceLeftOffice)) {
      try {
        years = Integer.valueOf(accused.yearsSinceLeftOffice.strip());
      } catch (NumberFormatException e) {
        errors.put("accused.yearsSinceLeftOffice", "json.type.Integer");
      }
    }
    ComplaintSubmission.Complainant who = isNamed() ? new ComplaintSubmission.Complainant(
        blankToNull(complainant.name), blankToNull(complainant.email), blankToNull(complainant.phone),
        blankToNull(complainant.address)) : null;
    return new ComplaintSubmission(ch, cat, subject, description,
        new ComplaintSubmission.Accused(blankToNull(accused.name), blankToNull(accused.position), accused.unit, rk, years),
        date, blankToNull(location), amount, who, isNamed() && consentToContact,
        ch == Channel.VOLUNTEER_NETWORK ? blankToNull(volunteerCode) : null, null, null);
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, Map<String, String> errors) {
    if (!present(value)) {
      return null; // Bean Validation reports the missing choice (NotNull), as for the API
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      errors.put(field, "form.choice");
      return null;
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static String blankToNull(String s) {
    return present(s) ? s.strip() : null;
  }

  /** The files actually chosen (a file input left empty still sends an empty part). */
  List<MultipartFile> chosenFiles() {
    return evidence == null ? List.of() : evidence.stream()
        .filter(f -> f != null && !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())))
        .toList();
  }

  public boolean isNamed() { return "named".equals(identity); }

  public String getChannel() { return channel; }
  public void setChannel(String channel) { this.channel = channel; }
  public String getCategory() { return category; }
  public void setCategory(String category) { this.category = category; }
  public String getSubject() { return subject; }
  public void setSubject(String subject) { this.subject = subject; }
  public String getDescription() { return description; }
  public void setDescription(String description) { this.description = description; }
  public String getIncidentDate() { return incidentDate; }
  public void setIncidentDate(String incidentDate) { this.incidentDate = incidentDate; }
  public String getAmountInvolved() { return amountInvolved; }
  public void setAmountInvolved(String amountInvolved) { this.amountInvolved = amountInvolved; }
  public String getLocation() { return location; }
  public void setLocation(String location) { this.location = location; }
  public Accused getAccused() { return accused; }
  public void setAccused(Accused accused) { this.accused = accused; }
  public String getIdentity() { return identity; }
  public void setIdentity(String identity) { this.identity = identity; }
  public Complainant getComplainant() { return complainant; }
  public void setComplainant(Complainant complainant) { this.complainant = complainant; }
  public boolean isConsentToContact() { return consentToContact; }
  public void setConsentToContact(boolean consentToContact) { this.consentToContact = consentToContact; }
  public String getVolunteerCode() { return volunteerCode; }
  public void setVolunteerCode(String volunteerCode) { this.volunteerCode = volunteerCode; }
  public String getIdempotencyKey() { return idempotencyKey; }
  public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
  public List<MultipartFile> getEvidence() { return evidence; }
  public void setEvidence(List<MultipartFile> evidence) { this.evidence = evidence; }
}

package th.go.integritydesk.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.intake.ComplainantIdentities;
import th.go.integritydesk.storage.Custodians;
import th.go.integritydesk.web.StaffUser;

/**
 * The audited reveal of a complainant's identity (the "custodian" role of whistleblowing platforms): only the intake
 * unit, only with a reason, never to a member of the accused's unit (as for an unknown case), and every reveal is on a
 * report that supervisors read.
 */
@RestController
@RequestMapping("/api/staff")
@Tag(name = "Complainant identity", description = "Audited reveal, intake unit only")
@SecurityRequirement(name = "basic")
public class IdentityRevealController {

  public record RevealRequest(@NotBlank @Size(min = 10, max = 1000) String reason) {}

  private final ComplainantIdentities identities;
  private final NeedToKnow needToKnow;
  private final CustodianPassphrases passphrases;

  public IdentityRevealController(ComplainantIdentities identities, NeedToKnow needToKnow,
                                  CustodianPassphrases passphrases) {
    this.identities = identities;
    this.needToKnow = needToKnow;
    this.passphrases = passphrases;
  }

  @Operation(summary = "Reveal who complained (recorded: who, when, why); the custodian's passphrase in the header"
      + " X-Custodian-Passphrase (400 without, 403 wrong, 429 after five wrong in 15 minutes; each refusal recorded)")
  @PostMapping("/complaints/{trackingNumber}/identity")
  public ComplainantIdentities.Identity reveal(StaffUser user, @PathVariable String trackingNumber,
      @org.springframework.web.bind.annotation.RequestHeader(name = Custodians.PASSPHRASE_HEADER, required = false)
      String passphrase, @Valid @RequestBody RevealRequest request) {
    user.requireAnyOf(Groups.INTAKE);
    Custodians.Unlocked unlocked = passphrases.unlock(user, trackingNumber, NeedToKnow.What.IDENTITY, passphrase);
    needToKnow.openAsCustodian(user, trackingNumber, NeedToKnow.What.IDENTITY);
    return identities.reveal(trackingNumber, user.id(), request.reason(), unlocked)
        .orElse(new ComplainantIdentities.Identity(null, null, null, null));
  }

  @Operation(summary = "Every reveal of a complainant's identity, newest first, 100 a page (?page=); the count of all in"
      + " X-Total-Count. A supervisor sees a case they may not read (one against their own unit) without its number and"
      + " reason")
  @GetMapping("/identity-reveals")
  public org.springframework.http.ResponseEntity<List<ComplainantIdentities.Reveal>> reveals(StaffUser user,
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") String page) {
    user.requireAnyOf(Groups.SUPERVISOR, Groups.ADMIN);
    int number;
    try {
      number = Integer.parseInt(page.strip());
    } catch (NumberFormatException e) {
      throw new th.go.integritydesk.web.InvalidInputException("page", "page.number", "100000");
    }
    if (number < 0 || number > 100_000) {
      throw new th.go.integritydesk.web.InvalidInputException("page", "page.number", "100000");
    }
    List<ComplainantIdentities.Reveal> reveals = identities.reveals(number);
    if (user.groups().contains(Groups.SUPERVISOR) && !user.groups().contains(Groups.ADMIN)) {
      java.util.Set<String> readable = needToKnow.readable(user,
          reveals.stream().map(ComplainantIdentities.Reveal::trackingNumber).toList());
      reveals = reveals.stream().map(r -> readable.contains(r.trackingNumber()) ? r
          : new ComplainantIdentities.Reveal(null, r.revealedTo(), null, r.revealedAt())).toList();
    }
    return org.springframework.http.ResponseEntity.ok()
        .header("X-Total-Count", String.valueOf(identities.revealCount()))
        .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store").body(reveals);
  }
}

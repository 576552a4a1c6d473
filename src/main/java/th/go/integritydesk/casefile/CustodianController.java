package th.go.integritydesk.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.storage.Custodians;
import th.go.integritydesk.web.CaseNotFound;
import th.go.integritydesk.web.InvalidInputException;
import th.go.integritydesk.web.StaffUser;

/**
 * Who the identity custodians are (docs/adr/0018-identity-custodians.md): a custodian enrols another member of
 * {@code intake} with their own passphrase, or an administrator does with the printed recovery key (the first one, or
 * when none is left); each changes their own passphrase; an administrator removes one who leaves the role.
 */
@RestController
@RequestMapping("/api/staff/custodians")
@Tag(name = "Identity custodians", description = "Who can open the complainants' identities")
@SecurityRequirement(name = "basic")
public class CustodianController {

  public record Enrolment(String userId, String passphrase) {}

  public record NewPassphrase(String passphrase) {}

  private final Custodians custodians;
  private final IdentityService identity;

  public CustodianController(Custodians custodians, IdentityService identity) {
    this.custodians = custodians;
    this.identity = identity;
  }

  @Operation(summary = "The custodians (who enrolled them, when) and whether the caller is one")
  @GetMapping
  public Map<String, Object> list(StaffUser user) {
    user.requireAnyOf(Groups.INTAKE, Groups.SUPERVISOR, Groups.ADMIN);
    return Map.of("custodians", custodians.holders(), "youAreOne", custodians.enrolled(user.id()));
  }

  @Operation(summary = "Enrol a member of intake as a custodian {\"userId\", \"passphrase\"}: by a custodian with their"
      + " passphrase (X-Custodian-Passphrase), or by an administrator with the recovery key (X-Custodian-Recovery-Key)")
  @PostMapping
  public ResponseEntity<Map<String, Object>> enrol(StaffUser user,
      @RequestHeader(name = Custodians.PASSPHRASE_HEADER, required = false) String passphrase,
      @RequestHeader(name = Custodians.RECOVERY_HEADER, required = false) String recoveryKey,
      @RequestBody(required = false) Enrolment request) {
    Custodians.Unlocked unlocked = unlock(user, passphrase, recoveryKey);
    String userId = request == null || request.userId() == null ? null : request.userId().strip();
    if (userId == null || userId.isEmpty()) {
      throw new InvalidInputException("userId", "custodian.userId");
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.INTAKE).count() == 0) {
      throw new InvalidInputException("userId", "custodian.notIntake");
    }
    custodians.enroll(unlocked, user.id(), userId, request.passphrase());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("userId", userId, "enrolledBy", user.id()));
  }

  @Operation(summary = "Rotate the custodians' key, after a custodian left (docs/adr/0018-identity-custodians.md,"
      + " Rotation): a new key pair, sealed to every remaining custodian's own key pair and to a new recovery key (written"
      + " to a new file, named in the answer, to print); what was sealed before still opens, and no wrap of the old key"
      + " is kept. By an administrator with the current recovery key (X-Custodian-Recovery-Key): whoever keeps the"
      + " paper is there to print the new one. 409 when it was rotated meanwhile")
  @PostMapping("/rotation")
  public ResponseEntity<Custodians.Rotation> rotate(StaffUser user,
      @RequestHeader(name = Custodians.RECOVERY_HEADER, required = false) String recoveryKey) {
    user.requireAnyOf(Groups.ADMIN);
    Custodians.Unlocked unlocked = custodians.unlockWithRecovery(recoveryKey);
    return ResponseEntity.status(HttpStatus.CREATED).body(custodians.rotate(unlocked, user.id()));
  }

  /** An administrator with the recovery key, or a custodian (a member of intake) with their passphrase. */
  private Custodians.Unlocked unlock(StaffUser user, String passphrase, String recoveryKey) {
    if (recoveryKey != null && !recoveryKey.isBlank()) {
      user.requireAnyOf(Groups.ADMIN);
      return custodians.unlockWithRecovery(recoveryKey);
    }
    user.requireAnyOf(Groups.INTAKE);
    return custodians.unlock(user.id(), passphrase);
  }

  @Operation(summary = "Change one's own passphrase {\"passphrase\"}, with the current one in X-Custodian-Passphrase")
  @PutMapping("/me/passphrase")
  public ResponseEntity<Void> change(StaffUser user,
      @RequestHeader(name = Custodians.PASSPHRASE_HEADER, required = false) String passphrase,
      @RequestBody(required = false) NewPassphrase request) {
    user.requireAnyOf(Groups.INTAKE);
    Custodians.Unlocked unlocked = custodians.unlock(user.id(), passphrase);
    custodians.change(unlocked, user.id(), request == null ? null : request.passphrase());
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Remove a custodian who left the role (administrator)")
  @DeleteMapping("/{userId}")
  public ResponseEntity<Void> remove(StaffUser user, @PathVariable String userId) {
    user.requireAnyOf(Groups.ADMIN);
    if (!custodians.remove(userId.strip())) {
      throw new CaseNotFound();
    }
    return ResponseEntity.noContent().build();
  }
}

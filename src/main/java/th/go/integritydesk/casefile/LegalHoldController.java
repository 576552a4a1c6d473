package th.go.integritydesk.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.web.StaffUser;

/** Legal holds on a case (docs/adr/0017-retention.md): set and lifted by a supervisor who may read it, with a reason. */
@RestController
@RequestMapping("/api/staff/complaints/{trackingNumber}/legal-hold")
@Tag(name = "Retention", description = "Legal holds: a case kept whole past its retention")
@SecurityRequirement(name = "basic")
public class LegalHoldController {

  public record HoldRequest(@NotBlank @Size(min = 10, max = 1000) String reason) {}

  public record Holds(boolean held, List<LegalHolds.Hold> holds) {}

  private final LegalHolds holds;
  private final NeedToKnow needToKnow;

  public LegalHoldController(LegalHolds holds, NeedToKnow needToKnow) {
    this.holds = holds;
    this.needToKnow = needToKnow;
  }

  @Operation(summary = "Whether the case is on legal hold, and every hold it had (who, when, why)")
  @GetMapping
  public Holds list(StaffUser user, @PathVariable String trackingNumber) {
    user.requireAnyOf(Groups.SUPERVISOR);
    needToKnow.open(user, trackingNumber, NeedToKnow.What.LEGAL_HOLD, null);
    List<LegalHolds.Hold> all = holds.of(trackingNumber.strip());
    return new Holds(all.stream().anyMatch(h -> h.liftedAt() == null), all);
  }

  @Operation(summary = "Put the case on legal hold: kept whole past its retention until the hold is lifted (409 when"
      + " already held or already removed)")
  @PostMapping
  public ResponseEntity<LegalHolds.Hold> set(StaffUser user, @PathVariable String trackingNumber,
                                             @Valid @RequestBody HoldRequest request) {
    user.requireAnyOf(Groups.SUPERVISOR);
    needToKnow.open(user, trackingNumber, NeedToKnow.What.LEGAL_HOLD, null);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(holds.set(trackingNumber.strip(), user.id(), request.reason()));
  }

  @Operation(summary = "Lift the case's legal hold (409 when it has none)")
  @PostMapping("/lift")
  public LegalHolds.Hold lift(StaffUser user, @PathVariable String trackingNumber,
                              @Valid @RequestBody HoldRequest request) {
    user.requireAnyOf(Groups.SUPERVISOR);
    needToKnow.open(user, trackingNumber, NeedToKnow.What.LEGAL_HOLD, null);
    return holds.lift(trackingNumber.strip(), user.id(), request.reason());
  }
}

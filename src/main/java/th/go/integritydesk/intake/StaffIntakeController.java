package th.go.integritydesk.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.web.InvalidInputException;
import th.go.integritydesk.web.StaffUser;

/** Staff intake: referrals and paper complaints recorded by {@code intake}, with who recorded them. */
@RestController
@RequestMapping("/api/staff/complaints")
@Tag(name = "Staff", description = "Case files for officers (HTTP Basic with a Camunda user, or the webapp session)")
@SecurityRequirement(name = "basic")
public class StaffIntakeController {

  private final IntakeService intake;

  public StaffIntakeController(IntakeService intake) {
    this.intake = intake;
  }

  @Operation(summary = "Record a complaint as intake (group intake): every channel, referrals and NACC findings included")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ComplaintIntakeController.ReceiptView> record(
      StaffUser user,
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody ComplaintSubmission complaint) {
    user.requireAnyOf(Groups.INTAKE);
    if (idempotencyKey != null && !idempotencyKey.matches("^[\\x21-\\x7e]{1,200}$")) {
      throw new InvalidInputException("Idempotency-Key", "idempotencyKey.invalid");
    }
    IntakeService.Receipt receipt = intake.submit(complaint, List.of(), idempotencyKey, user.id());
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Location", "/api/staff/complaints/" + receipt.trackingNumber())
        .header("Cache-Control", "no-store")
        .body(new ComplaintIntakeController.ReceiptView(receipt.trackingNumber(), receipt.receiptCode(),
            receipt.anonymous(), receipt.files()));
  }
}

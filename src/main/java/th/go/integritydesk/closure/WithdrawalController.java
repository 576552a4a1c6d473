package th.go.integritydesk.closure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.intake.Complaints;
import th.go.integritydesk.process.ComplaintLifecycle;
import th.go.integritydesk.web.CaseNotFound;
import th.go.integritydesk.web.CaseStateConflict;
import th.go.integritydesk.web.InvalidInputException;
import th.go.integritydesk.web.StaffUser;

/**
 * Intake records the complainant's letter asking to withdraw: the application correlates {@code ComplaintWithdrawn}
 * with the letter's reason, and the screening officer then decides whether the case goes on ex officio.
 */
@RestController
@RequestMapping("/api/staff/complaints")
@Tag(name = "Staff")
@SecurityRequirement(name = "basic")
public class WithdrawalController {

  /** The complainant's withdrawal letter, as intake records it. */
  public record WithdrawalLetter(
      @Schema(description = "the reason the complainant's letter gives (at most 4000 characters)", requiredMode = Schema.RequiredMode.REQUIRED)
      String reason) {}

  private static final Logger AUDIT = LoggerFactory.getLogger("integrity-desk.audit");
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final Complaints complaints;

  public WithdrawalController(RuntimeService runtime, TaskService tasks, Complaints complaints) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.complaints = complaints;
  }

  @Operation(summary = "Record a complainant's withdrawal letter (group intake); screening then decides")
  @PostMapping("/{trackingNumber}/withdrawal")
  public Map<String, Object> withdraw(StaffUser user, @PathVariable String trackingNumber,
                                      @RequestBody WithdrawalLetter letter) {
    user.requireAnyOf(Groups.INTAKE);
    if (!complaints.exists(trackingNumber)) {
      throw new CaseNotFound();
    }
    String reason = letter == null || letter.reason() == null ? null : letter.reason().strip();
    if (reason == null || reason.isEmpty() || reason.length() > 4000) {
      throw new InvalidInputException("reason", "withdrawal.reasonRequired");
    }
    ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY).active().singleResult();
    if (lifecycle == null || tasks.createTaskQuery().processInstanceId(lifecycle.getId())
        .taskDefinitionKey(ComplaintLifecycle.Elements.DECIDE_ON_WITHDRAWAL).count() > 0) {
      throw new CaseStateConflict("case.notOpenForWithdrawal");
    }
    runtime.createMessageCorrelation(ComplaintLifecycle.Messages.COMPLAINT_WITHDRAWN)
        .processInstanceId(lifecycle.getId())
        .setVariable(ComplaintLifecycle.Variables.WITHDRAWAL_REASON, reason)
        .correlate();
    AUDIT.info("Withdrawal letter recorded on case {} by {}", trackingNumber, user.id());
    return Map.of("trackingNumber", trackingNumber, "recorded", ComplaintLifecycle.Messages.COMPLAINT_WITHDRAWN,
        "recordedBy", user.id());
  }
}

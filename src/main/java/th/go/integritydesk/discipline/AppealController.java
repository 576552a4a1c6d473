package th.go.integritydesk.discipline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.intake.Complaints;
import th.go.integritydesk.process.DisciplinaryAction;
import th.go.integritydesk.web.CaseNotFound;
import th.go.integritydesk.web.CaseStateConflict;
import th.go.integritydesk.web.StaffUser;

/**
 * The disciplinary authority records that the accused appealed to MSPC (ก.พ.ค.): the application correlates
 * {@code AppealFiled} itself, only while the case waits in its appeal window, so the authority needs no right to
 * change process instances.
 */
@RestController
@RequestMapping("/api/staff/complaints")
@Tag(name = "Staff")
@SecurityRequirement(name = "basic")
public class AppealController {

  private static final Logger AUDIT = LoggerFactory.getLogger("integrity-desk.audit");
  private final RuntimeService runtime;
  private final Complaints complaints;

  public AppealController(RuntimeService runtime, Complaints complaints) {
    this.runtime = runtime;
    this.complaints = complaints;
  }

  @Operation(summary = "Record an appeal filed with MSPC (group disciplinary-authority; only in the appeal window)")
  @PostMapping("/{trackingNumber}/appeal")
  public Map<String, Object> appeal(StaffUser user, @PathVariable String trackingNumber) {
    user.requireAnyOf(Groups.DISCIPLINARY_AUTHORITY);
    if (!complaints.exists(trackingNumber)) {
      throw new CaseNotFound();
    }
    List<Execution> waiting = runtime.createExecutionQuery().processInstanceBusinessKey(trackingNumber)
        .processDefinitionKey(DisciplinaryAction.PROCESS_KEY)
        .messageEventSubscriptionName(DisciplinaryAction.Messages.APPEAL_FILED).list();
    if (waiting.size() != 1) {
      throw new CaseStateConflict("case.notInAppealWindow");
    }
    runtime.messageEventReceived(DisciplinaryAction.Messages.APPEAL_FILED, waiting.get(0).getId());
    AUDIT.info("Appeal to MSPC recorded on case {} by {}", trackingNumber, user.id());
    return Map.of("trackingNumber", trackingNumber, "recorded", DisciplinaryAction.Messages.APPEAL_FILED,
        "recordedBy", user.id());
  }
}

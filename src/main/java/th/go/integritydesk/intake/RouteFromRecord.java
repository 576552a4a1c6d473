package th.go.integritydesk.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.identity.CaseDuties;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.ComplaintLifecycle;

/**
 * Before a gateway that routes a case: the variables its conditions read are overwritten from the application's
 * record (the NACC finding from the {@code complaint} table, the findings from the recorded fact-finding report), so
 * a variable slipped into an earlier task completion cannot send the case down another path.
 */
@Component("routeFromRecord")
public class RouteFromRecord implements ExecutionListener {

  private final Complaints complaints;
  private final CaseDuties duties;

  public RouteFromRecord(Complaints complaints, CaseDuties duties) {
    this.complaints = complaints;
    this.duties = duties;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String trackingNumber = CaseKey.of(execution);
    execution.setVariable(ComplaintLifecycle.Variables.NACC_FINDING_OF_FAULT,
        complaints.routing(trackingNumber).naccFindingOfFault());
    duties.latestDetail(trackingNumber, CaseDuties.Duty.FACT_FINDING)
        .ifPresent(findings -> execution.setVariable(ComplaintLifecycle.Variables.FINDINGS, findings));
  }
}

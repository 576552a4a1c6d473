package th.go.integritydesk.closure;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import th.go.integritydesk.identity.CaseDuties;
import th.go.integritydesk.intake.Complaints;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.Vars;

/** Closure: works out the outcome from the decisions taken and records it with the closing date. */
@Component("closeCase")
public class CloseCase implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(CloseCase.class);
  private final Complaints complaints;
  private final CaseDuties duties;

  public CloseCase(Complaints complaints, CaseDuties duties) {
    this.complaints = complaints;
    this.duties = duties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String trackingNumber = CaseKey.of(execution);
    CaseOutcome outcome = CaseOutcome.of(new CaseOutcome.Decisions(
        Boolean.TRUE.equals(execution.getVariable(WITHDRAWN)),
        Vars.text(execution, SCREENING_DECISION),
        complaints.routing(trackingNumber).naccFindingOfFault(),
        // cases that started before case_duty existed carry their findings only as a variable
        duties.latestDetail(trackingNumber, CaseDuties.Duty.FACT_FINDING).orElse(Vars.text(execution, FINDINGS)),
        Vars.flag(execution, OFFENCE_PROVEN),
        Vars.text(execution, PENALTY),
        Vars.flag(execution, APPEAL_UPHELD),
        Vars.text(execution, FINAL_PENALTY)));
    execution.setVariable(OUTCOME, outcome.name());
    complaints.close(trackingNumber, outcome.name());
    LOG.info("Complaint {} closed: {}", trackingNumber, outcome);
  }
}

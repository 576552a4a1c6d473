package th.go.integritydesk.investigation;

import static th.go.integritydesk.process.FactFinding.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.identity.SegregationOfDuties;
import th.go.integritydesk.intake.Complaints;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.TaskInput;

/** The supervisor's choice of investigator: a member of {@code investigator}, not from the accused's unit. */
@Component("investigatorAssignmentCheck")
public class InvestigatorAssignmentCheck implements TaskListener {

  private final SegregationOfDuties duties;
  private final Complaints complaints;

  public InvestigatorAssignmentCheck(SegregationOfDuties duties, Complaints complaints) {
    this.duties = duties;
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateTask task) {
    String investigator = TaskInput.of(task).requiredText(INVESTIGATOR, 64);
    duties.checkInvestigator(INVESTIGATOR, investigator, complaints.routing(CaseKey.of(task)).accusedUnit(),
        CaseKey.of(task));
  }
}

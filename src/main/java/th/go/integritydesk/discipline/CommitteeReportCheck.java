package th.go.integritydesk.discipline;

import static th.go.integritydesk.process.DisciplinaryAction.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.identity.CaseDuties;
import th.go.integritydesk.identity.SegregationOfDuties;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.TaskInput;

/** The committee's report says whether the offence is proven and why; who submitted it is recorded. */
@Component("committeeReportCheck")
public class CommitteeReportCheck implements TaskListener {

  private final SegregationOfDuties segregation;
  private final CaseDuties duties;

  public CommitteeReportCheck(SegregationOfDuties segregation, CaseDuties duties) {
    this.segregation = segregation;
    this.duties = duties;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInput in = TaskInput.of(task);
    boolean proven = in.flag(OFFENCE_PROVEN);
    task.setVariable(OFFENCE_PROVEN, proven);
    in.requiredText(INVESTIGATION_REPORT, 10000);
    duties.record(CaseKey.of(task), CaseDuties.Duty.DISCIPLINARY_INVESTIGATION, segregation.actingUser(task),
        Boolean.toString(proven), task.getId());
  }
}

package th.go.integritydesk.investigation;

import static th.go.integritydesk.process.FactFinding.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.identity.CaseDuties;
import th.go.integritydesk.identity.SegregationOfDuties;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.TaskInput;

/** A fact-finding report names its conclusion and says why; who wrote it is recorded for segregation of duties. */
@Component("findingsCheck")
public class FindingsCheck implements TaskListener {

  private final SegregationOfDuties segregation;
  private final CaseDuties duties;

  public FindingsCheck(SegregationOfDuties segregation, CaseDuties duties) {
    this.segregation = segregation;
    this.duties = duties;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInput in = TaskInput.of(task);
    Findings findings = in.requiredEnum(FINDINGS, Findings.class);
    in.requiredText(FINDINGS_SUMMARY, 4000);
    duties.record(CaseKey.of(task), CaseDuties.Duty.FACT_FINDING, segregation.actingUser(task), findings.name(),
        task.getId());
  }
}

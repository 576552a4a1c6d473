package th.go.integritydesk.screening;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import th.go.integritydesk.intake.Complaints;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.Vars;

/** Links a duplicate to the case that already handles the same facts. */
@Component("mergeIntoCase")
public class MergeIntoCase implements JavaDelegate {

  private final Complaints complaints;

  public MergeIntoCase(Complaints complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.recordMerge(CaseKey.of(execution), Vars.text(execution, DUPLICATE_OF));
  }
}

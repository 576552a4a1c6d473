package th.go.integritydesk.investigation;

import static th.go.integritydesk.investigation.FactFinding.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.TaskInput;

/** A fact-finding report names its conclusion and says why. */
@Component("findingsCheck")
public class FindingsCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInput in = TaskInput.of(task);
    in.requiredEnum(FINDINGS, Findings.class);
    in.requiredText(FINDINGS_SUMMARY, 4000);
  }
}

package th.go.integritydesk.discipline;

import static th.go.integritydesk.discipline.DisciplinaryAction.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.TaskInput;

/** The committee's report says whether the offence is proven and why. */
@Component("committeeReportCheck")
public class CommitteeReportCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInput in = TaskInput.of(task);
    task.setVariable(OFFENCE_PROVEN, in.flag(OFFENCE_PROVEN));
    in.requiredText(INVESTIGATION_REPORT, 10000);
  }
}

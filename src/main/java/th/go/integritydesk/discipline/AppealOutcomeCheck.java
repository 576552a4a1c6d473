package th.go.integritydesk.discipline;

import static th.go.integritydesk.process.DisciplinaryAction.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.TaskInput;

/** The appeal's outcome records whether MSPC upheld it and the penalty that finally applies. */
@Component("appealOutcomeCheck")
public class AppealOutcomeCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInput in = TaskInput.of(task);
    task.setVariable(APPEAL_UPHELD, in.flag(APPEAL_UPHELD));
    in.requiredEnum(FINAL_PENALTY, Penalty.class);
  }
}

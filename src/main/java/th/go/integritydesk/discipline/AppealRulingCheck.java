package th.go.integritydesk.discipline;

import static th.go.integritydesk.process.DisciplinaryAction.Variables.RULING_ORDER_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.TaskInput;

/** Carrying out MSPC's ruling is recorded with the new order. */
@Component("appealRulingCheck")
public class AppealRulingCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInput.of(task).requiredText(RULING_ORDER_NUMBER, 100);
  }
}

package th.go.integritydesk.discipline;

import static th.go.integritydesk.process.DisciplinaryAction.Variables.NACC_LETTER_NUMBER;
import static th.go.integritydesk.process.DisciplinaryAction.Variables.NACC_ORDER_SENT_ON;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.TaskInput;

/** Sending the order to NACC is recorded with the letter's number and date. */
@Component("naccOrderCheck")
public class NaccOrderCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInput in = TaskInput.of(task);
    in.requiredText(NACC_LETTER_NUMBER, 100);
    in.requiredText(NACC_ORDER_SENT_ON, 30);
  }
}

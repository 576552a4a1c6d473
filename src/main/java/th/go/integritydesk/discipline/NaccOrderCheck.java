package th.go.integritydesk.discipline;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.TaskInput;

/** Sending the order to NACC is recorded with the letter's number and date. */
@Component("naccOrderCheck")
public class NaccOrderCheck implements TaskListener {

  static final String LETTER_NUMBER = "naccLetterNumber";
  static final String SENT_ON = "naccOrderSentOn";

  @Override
  public void notify(DelegateTask task) {
    TaskInput in = TaskInput.of(task);
    in.requiredText(LETTER_NUMBER, 100);
    in.requiredText(SENT_ON, 30);
  }
}

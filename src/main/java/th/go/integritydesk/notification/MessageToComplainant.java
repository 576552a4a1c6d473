package th.go.integritydesk.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.ComplaintLifecycle;
import th.go.integritydesk.process.TaskInput;

/**
 * An officer writes to the complainant from a task form ({@code messageToComplainant}); the complainant reads it on
 * the status page. The text goes into the case's messages, not on into the process.
 */
@Component("writeToComplainant")
public class MessageToComplainant implements TaskListener {

  public static final String VARIABLE = "messageToComplainant";
  private final ComplainantMessages messages;

  public MessageToComplainant(ComplainantMessages messages) {
    this.messages = messages;
  }

  @Override
  public void notify(DelegateTask task) {
    String text = TaskInput.of(task).text(VARIABLE);
    if (text != null) {
      if (text.length() > 2000) {
        throw TaskInput.invalid(VARIABLE, "ยาวเกิน 2000 ตัวอักษร", "is longer than 2000 characters");
      }
      messages.post(CaseKey.of(task),
          ComplainantMessages.Kind.OFFICER, text, text);
    }
    task.getExecution().removeVariable(VARIABLE);
  }
}

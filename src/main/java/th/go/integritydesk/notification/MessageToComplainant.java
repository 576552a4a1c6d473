package th.go.integritydesk.notification;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.MESSAGE_TO_COMPLAINANT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.TaskInput;

/**
 * An officer writes to the complainant from a task form ({@code messageToComplainant}); the complainant reads it on
 * the status page. The text goes into the case's messages, not on into the process.
 */
@Component("writeToComplainant")
public class MessageToComplainant implements TaskListener {

  private final ComplainantMessages messages;

  public MessageToComplainant(ComplainantMessages messages) {
    this.messages = messages;
  }

  @Override
  public void notify(DelegateTask task) {
    String text = TaskInput.of(task).text(MESSAGE_TO_COMPLAINANT);
    if (text != null) {
      if (text.length() > 2000) {
        throw TaskInput.invalid(MESSAGE_TO_COMPLAINANT, "refusal.tooLong", "2000");
      }
      messages.post(CaseKey.of(task),
          ComplainantMessages.Kind.OFFICER, text, text);
    }
    task.getExecution().removeVariable(MESSAGE_TO_COMPLAINANT);
  }
}

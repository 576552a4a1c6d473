package th.go.integritydesk.closure;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.notification.ComplainantMessages.Kind;

/** Tells the complainant how the case ended, without exposing the accused's penalty or anyone else. */
@Component("notifyOutcome")
public class NotifyOutcome implements JavaDelegate {

  private final ComplainantMessages messages;

  public NotifyOutcome(ComplainantMessages messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String trackingNumber = (String) execution.getVariable(TRACKING_NUMBER);
    CaseOutcome outcome = CaseOutcome.valueOf((String) execution.getVariable(OUTCOME));
    messages.post(trackingNumber, Kind.OUTCOME,
        "เรื่องร้องเรียนเลขที่ " + trackingNumber + " ดำเนินการเสร็จสิ้นแล้ว ผล: " + outcome.thai(),
        "Complaint " + trackingNumber + " is closed. Outcome: " + outcome.english());
  }
}

package th.go.integritydesk.intake;


import th.go.integritydesk.process.Bilingual;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import th.go.integritydesk.notification.ComplainantMail;
import th.go.integritydesk.notification.ComplainantMessages.Kind;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.process.CaseKey;

/** Tells the complainant the case was received, on the status page (and later by mail where an address was given). */
@Component("acknowledgeReceipt")
public class AcknowledgeReceipt implements JavaDelegate {

  private final ComplainantMessages messages;
  private final ComplainantMail mail;

  public AcknowledgeReceipt(ComplainantMessages messages, ComplainantMail mail) {
    this.messages = messages;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String trackingNumber = CaseKey.of(execution);
    String thai = Bilingual.thai("complainant.acknowledged", trackingNumber);
    String english = Bilingual.english("complainant.acknowledged", trackingNumber);
    messages.post(trackingNumber, Kind.ACKNOWLEDGEMENT, thai, english);
    mail.send(trackingNumber, "acknowledgement", "1", thai, english);
    execution.setVariable(th.go.integritydesk.process.ComplaintLifecycle.Variables.ACKNOWLEDGED_AT,
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
  }
}

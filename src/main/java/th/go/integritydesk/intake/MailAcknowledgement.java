package th.go.integritydesk.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import th.go.integritydesk.notification.ComplainantMail;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.ComplaintLifecycle;

/**
 * Mails the acknowledgement to a complainant who left an address and agreed to be contacted: the same words as the
 * status page. Asynchronous with retries, beside the case (screening does not wait for it); a mail server that stays
 * down becomes an incident, and the acknowledgement deadline escalates to a supervisor.
 */
@Component("mailAcknowledgement")
public class MailAcknowledgement implements JavaDelegate {

  private final ComplainantMail mail;

  public MailAcknowledgement(ComplainantMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String trackingNumber = CaseKey.of(execution);
    mail.send(trackingNumber, "acknowledgement", "1", AcknowledgeReceipt.thai(trackingNumber),
        AcknowledgeReceipt.english(trackingNumber));
    execution.setVariable(ComplaintLifecycle.Variables.ACKNOWLEDGED_AT,
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
  }
}

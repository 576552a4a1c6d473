package th.go.integritydesk.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import th.go.integritydesk.notification.ComplainantMail;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.notification.ComplainantMessages.Kind;
import th.go.integritydesk.process.Bilingual;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.ComplaintLifecycle;

/**
 * Tells the complainant the case was received, on the status page, in the transaction that takes the complaint in
 * (the page is this application's own table: nothing outside can fail here). A complainant who can be reached only
 * there is acknowledged from that moment; one who left an address and agreed to be contacted is acknowledged when the
 * mail has gone out ({@link MailAcknowledgement}, a step of its own with retries), and the acknowledgement deadline
 * watches that.
 */
@Component("acknowledgeReceipt")
public class AcknowledgeReceipt implements JavaDelegate {

  private final ComplainantMessages messages;
  private final ComplainantMail mail;
  private final PaperChannel paper;

  public AcknowledgeReceipt(ComplainantMessages messages, ComplainantMail mail, PaperChannel paper) {
    this.messages = messages;
    this.mail = mail;
    this.paper = paper;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String trackingNumber = CaseKey.of(execution);
    messages.post(trackingNumber, Kind.ACKNOWLEDGEMENT, thai(trackingNumber), english(trackingNumber));
    boolean byMail = mail.canBeMailed(trackingNumber);
    // transient: it decides the gateway right after this step, in this transaction, and is never stored (whether a
    // complainant can be mailed is the record's, not the case's)
    execution.setVariable(ComplaintLifecycle.Variables.ACKNOWLEDGE_BY_MAIL,
        org.camunda.bpm.engine.variable.Variables.booleanValue(byMail, true));
    // the paper channel: no usable e-mail but a postal address, so intake prints and posts a letter (ADR 0015)
    paper.decide(execution, ComplaintLifecycle.Variables.ACKNOWLEDGE_BY_POST);
    if (!byMail) {
      execution.setVariable(ComplaintLifecycle.Variables.ACKNOWLEDGED_AT,
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
    }
  }

  static String thai(String trackingNumber) {
    return Bilingual.thai("complainant.acknowledged", trackingNumber);
  }

  static String english(String trackingNumber) {
    return Bilingual.english("complainant.acknowledged", trackingNumber);
  }
}

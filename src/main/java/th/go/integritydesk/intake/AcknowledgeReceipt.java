package th.go.integritydesk.intake;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.TRACKING_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.notification.ComplainantMessages.Kind;

/** Tells the complainant the case was received, on the status page (and later by mail where an address was given). */
@Component("acknowledgeReceipt")
public class AcknowledgeReceipt implements JavaDelegate {

  private final ComplainantMessages messages;

  public AcknowledgeReceipt(ComplainantMessages messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String trackingNumber = (String) execution.getVariable(TRACKING_NUMBER);
    messages.post(trackingNumber, Kind.ACKNOWLEDGEMENT,
        "ศูนย์ปฏิบัติการต่อต้านการทุจริตได้รับเรื่องร้องเรียนเลขที่ " + trackingNumber + " แล้ว และจะแจ้งความคืบหน้าให้ทราบ",
        "The Anti-Corruption Operation Center has received complaint " + trackingNumber
            + " and will tell you how it proceeds.");
  }
}

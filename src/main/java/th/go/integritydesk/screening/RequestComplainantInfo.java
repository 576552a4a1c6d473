package th.go.integritydesk.screening;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.notification.ComplainantMessages.Kind;

/** Puts the officer's question to the complainant, who answers through the status page (ComplainantInfoReceived). */
@Component("requestComplainantInfo")
public class RequestComplainantInfo implements JavaDelegate {

  private final ComplainantMessages messages;

  public RequestComplainantInfo(ComplainantMessages messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String question = (String) execution.getVariable(INFO_REQUEST);
    messages.post((String) execution.getVariable(TRACKING_NUMBER), Kind.INFO_REQUEST,
        "เจ้าหน้าที่ขอข้อมูลเพิ่มเติม: " + question, "The officer asks for more facts: " + question);
    execution.setVariable(INFO_REQUEST_EXPIRED, false);
  }
}

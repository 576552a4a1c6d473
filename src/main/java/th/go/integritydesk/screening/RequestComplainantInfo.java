package th.go.integritydesk.screening;

import th.go.integritydesk.process.Bilingual;
import static th.go.integritydesk.process.ComplaintLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import th.go.integritydesk.notification.ComplainantMail;
import th.go.integritydesk.notification.ComplainantMessages.Kind;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.Vars;

/** Puts the officer's question to the complainant, who answers through the status page (ComplainantInfoReceived). */
@Component("requestComplainantInfo")
public class RequestComplainantInfo implements JavaDelegate {

  private final ComplainantMessages messages;
  private final ComplainantMail mail;
  private final th.go.integritydesk.intake.PaperChannel paper;

  public RequestComplainantInfo(ComplainantMessages messages, ComplainantMail mail,
                                th.go.integritydesk.intake.PaperChannel paper) {
    this.messages = messages;
    this.mail = mail;
    this.paper = paper;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String question = Vars.text(execution, INFO_REQUEST);
    String trackingNumber = CaseKey.of(execution);
    String thai = Bilingual.thai("complainant.infoRequest", question);
    String english = Bilingual.english("complainant.infoRequest", question);
    messages.post(trackingNumber, Kind.INFO_REQUEST, thai, english);
    // one mail per request: the activity instance identifies this request among later ones
    mail.send(trackingNumber, "info-request", execution.getActivityInstanceId(), thai, english);
    execution.setVariable(INFO_REQUEST_EXPIRED, false);
    execution.setVariable(INFO_REQUESTED_AT, org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
    // a complainant without e-mail learns of the request by letter (intake posts it)
    paper.decide(execution, LETTER_BY_POST);
  }
}

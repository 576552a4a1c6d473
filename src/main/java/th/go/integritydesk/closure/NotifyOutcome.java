package th.go.integritydesk.closure;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.Bilingual;
import th.go.integritydesk.notification.ComplainantMail;
import th.go.integritydesk.notification.ComplainantMessages.Kind;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.Vars;

/** Tells the complainant how the case ended, without exposing the accused's penalty or anyone else. */
@Component("notifyOutcome")
public class NotifyOutcome implements JavaDelegate {

  private final ComplainantMessages messages;
  private final ComplainantMail mail;
  private final th.go.integritydesk.intake.PaperChannel paper;

  public NotifyOutcome(ComplainantMessages messages, ComplainantMail mail, th.go.integritydesk.intake.PaperChannel paper) {
    this.messages = messages;
    this.mail = mail;
    this.paper = paper;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String trackingNumber = CaseKey.of(execution);
    CaseOutcome outcome = CaseOutcome.valueOf(Vars.text(execution, OUTCOME));
    String thai = Bilingual.thai("complainant.closed", trackingNumber, Bilingual.thai(outcome.noticeKey()));
    String english = Bilingual.english("complainant.closed", trackingNumber, Bilingual.english(outcome.noticeKey()));
    messages.post(trackingNumber, Kind.OUTCOME, thai, english);
    mail.send(trackingNumber, "outcome", "1", thai, english);
    // a complainant without e-mail learns the outcome by letter (intake posts it)
    paper.decide(execution, LETTER_BY_POST);
  }
}

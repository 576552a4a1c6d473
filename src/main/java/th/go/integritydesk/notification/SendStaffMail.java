package th.go.integritydesk.notification;

import th.go.integritydesk.process.Bilingual;
import static th.go.integritydesk.process.StaffNotification.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.ThaiDates;
import th.go.integritydesk.process.Vars;

/** The send step of staff-notification: one mail to one officer, once per Message-ID. */
@Component("sendStaffMail")
public class SendStaffMail implements JavaDelegate {

  private final IdentityService identity;
  private final Mailer mailer;

  public SendStaffMail(IdentityService identity, Mailer mailer) {
    this.identity = identity;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    User officer = identity.createUserQuery().userId(Vars.text(execution, RECIPIENT)).singleResult();
    if (officer == null || officer.getEmail() == null) {
      return; // the account is gone or has no address: nobody to tell
    }
    String trackingNumber = execution.getProcessBusinessKey();
    Date due = Vars.date(execution, DUE);
    String taskName = Vars.text(execution, TASK_NAME);
    String link = Vars.text(execution, TASKLIST_URL) + "#/?task=" + Vars.text(execution, TASK_ID);
    String thai = Vars.text(execution, HEADLINE_TH);
    String english = Vars.text(execution, HEADLINE_EN);
    String body = Bilingual.thai("mail.staff.body", thai, taskName, trackingNumber,
            due == null ? "-" : ThaiDates.thai(due.toInstant()), link)
        + "\n\n----\n\n" + Bilingual.english("mail.staff.body", english, taskName, trackingNumber,
            due == null ? "-" : ThaiDates.english(due.toInstant()), link);
    mailer.send(new Mailer.Mail(Vars.text(execution, MESSAGE_ID), officer.getEmail(),
        thai + " / " + english + ": " + trackingNumber, body));
  }
}

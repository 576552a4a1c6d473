package th.go.integritydesk.notification;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.ComplaintLifecycle;

/** The send step of staff-notification: one mail to one officer, once per Message-ID. */
@Component("sendStaffMail")
public class SendStaffMail implements JavaDelegate {

  public static final String PROCESS_KEY = "staff-notification";
  static final String MESSAGE_ID = "messageId";
  static final String RECIPIENT = "recipient";
  static final String TASK_ID = "taskId";
  static final String TASK_NAME = "taskName";
  static final String DUE = "taskDue";
  static final String HEADLINE_TH = "headlineThai";
  static final String HEADLINE_EN = "headlineEnglish";
  static final String TASKLIST_URL = "tasklistUrl";

  private final IdentityService identity;
  private final Mailer mailer;

  public SendStaffMail(IdentityService identity, Mailer mailer) {
    this.identity = identity;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    User officer = identity.createUserQuery().userId((String) execution.getVariable(RECIPIENT)).singleResult();
    if (officer == null || officer.getEmail() == null) {
      return; // the account is gone or has no address: nobody to tell
    }
    String trackingNumber = execution.getProcessBusinessKey();
    Date due = (Date) execution.getVariable(DUE);
    String taskName = (String) execution.getVariable(TASK_NAME);
    String link = execution.getVariable(TASKLIST_URL) + "#/?task=" + execution.getVariable(TASK_ID);
    String thai = (String) execution.getVariable(HEADLINE_TH);
    String english = (String) execution.getVariable(HEADLINE_EN);
    String body = thai + ": " + taskName + "\nเลขรับเรื่อง " + trackingNumber + " ครบกำหนด "
        + (due == null ? "-" : ThaiDates.thai(due.toInstant())) + "\nเปิดงาน: " + link
        + "\n\n----\n\n" + english + ": " + taskName + "\nCase " + trackingNumber + ", due "
        + (due == null ? "-" : ThaiDates.english(due.toInstant())) + "\nOpen the task: " + link;
    mailer.send(new Mailer.Mail((String) execution.getVariable(MESSAGE_ID), officer.getEmail(),
        thai + " / " + english + ": " + trackingNumber, body));
  }
}

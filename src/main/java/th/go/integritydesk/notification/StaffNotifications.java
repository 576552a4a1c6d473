package th.go.integritydesk.notification;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.ComplaintLifecycle;

/**
 * E-mail to officers, every few minutes: a new assignment (to the assignee), a deadline escalation (to the
 * supervisors), and a reminder some days before a task's due date (to its assignee, or to its candidate group). Each
 * mail goes once (Message-ID per task and purpose); a mail the server refused is tried again on the next round.
 */
@Component
@ConfigurationProperties(prefix = "integrity-desk.reminders")
public class StaffNotifications {

  private static final Logger LOG = LoggerFactory.getLogger(StaffNotifications.class);
  private static final int PAGE = 500;

  private final TaskService tasks;
  private final IdentityService identity;
  private final Mailer mailer;
  private boolean enabled = true;
  private Duration before = Duration.ofDays(3);
  private String tasklistUrl = "http://localhost:8080/camunda/app/tasklist/default/";

  public StaffNotifications(TaskService tasks, IdentityService identity, Mailer mailer) {
    this.tasks = tasks;
    this.identity = identity;
    this.mailer = mailer;
  }

  @Scheduled(fixedDelayString = "${integrity-desk.reminders.check-every:PT10M}", initialDelayString = "PT1M")
  public void scheduled() {
    if (enabled) {
      run();
    }
  }

  /** One round; returns the number of mails sent. */
  public int run() {
    if (!mailer.isEnabled()) {
      return 0;
    }
    int sent = 0;
    Date now = ClockUtil.getCurrentTime();
    for (Task task : all(tasks.createTaskQuery().active().taskAssigned())) {
      sent += mail(task, "assignment." + task.getAssignee(), Set.of(task.getAssignee()),
          "มอบหมายงานให้ท่าน", "A task was assigned to you");
    }
    for (Task task : all(tasks.createTaskQuery().active().taskDefinitionKeyLike("escalate-%"))) {
      sent += mail(task, "escalation", recipients(task), "งานเกินกำหนด ต้องติดตาม", "A deadline was missed and needs your follow-up");
    }
    Date soon = new Date(now.getTime() + before.toMillis());
    for (Task task : all(tasks.createTaskQuery().active().dueAfter(now).dueBefore(soon))) {
      sent += mail(task, "reminder", recipients(task), "ใกล้ครบกำหนด", "Due soon");
    }
    return sent;
  }

  private List<Task> all(org.camunda.bpm.engine.task.TaskQuery query) {
    return query.orderByTaskId().asc().listPage(0, PAGE);
  }

  private Set<String> recipients(Task task) {
    Set<String> users = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
      return users;
    }
    tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .forEach(link -> {
          if (link.getUserId() != null) {
            users.add(link.getUserId());
          } else if (link.getGroupId() != null) {
            identity.createUserQuery().memberOfGroup(link.getGroupId()).listPage(0, PAGE).forEach(u -> users.add(u.getId()));
          }
        });
    return users;
  }

  private int mail(Task task, String purpose, Set<String> userIds, String thai, String english) {
    String trackingNumber = (String) tasks.getVariable(task.getId(), ComplaintLifecycle.Variables.TRACKING_NUMBER);
    String due = task.getDueDate() == null ? "-" : ThaiDates.thai(task.getDueDate().toInstant());
    String dueEnglish = task.getDueDate() == null ? "-" : ThaiDates.english(task.getDueDate().toInstant());
    int sent = 0;
    for (String userId : userIds) {
      User user = identity.createUserQuery().userId(userId).singleResult();
      if (user == null || user.getEmail() == null) {
        continue;
      }
      String body = thai + ": " + task.getName() + "\nเลขรับเรื่อง " + trackingNumber + " ครบกำหนด " + due
          + "\nเปิดงาน: " + tasklistUrl + "#/?task=" + task.getId()
          + "\n\n----\n\n" + english + ": " + task.getName() + "\nCase " + trackingNumber + ", due " + dueEnglish
          + "\nOpen the task: " + tasklistUrl + "#/?task=" + task.getId();
      String id = (purpose + "." + task.getId() + "." + userId).replaceAll("[^A-Za-z0-9.-]", "-") + "@integrity-desk";
      try {
        if (mailer.send(new Mailer.Mail(id, user.getEmail(), thai + " / " + english + ": " + trackingNumber, body))) {
          sent++;
        }
      } catch (RuntimeException e) {
        LOG.warn("Mail {} to {} not sent, tried again next round: {}", purpose, userId, e.getMessage());
      }
    }
    return sent;
  }

  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
  public Duration getBefore() { return before; }
  public void setBefore(Duration before) { this.before = before; }
  public String getTasklistUrl() { return tasklistUrl; }
  public void setTasklistUrl(String tasklistUrl) { this.tasklistUrl = tasklistUrl; }
}

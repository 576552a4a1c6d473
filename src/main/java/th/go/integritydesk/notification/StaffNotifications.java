package th.go.integritydesk.notification;

import th.go.integritydesk.process.Bilingual;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.ComplaintLifecycle;
import th.go.integritydesk.process.StaffNotification;

/**
 * E-mail to officers, looked for every few minutes: a new assignment (to the assignee), a deadline escalation (to the
 * supervisors), and a reminder some days before a task's due date (to its assignee, or to its candidate group). Each
 * mail is queued once (Message-ID per task, purpose and officer) as a staff-notification process.
 */
@Component
@ConfigurationProperties(prefix = "integrity-desk.reminders")
public class StaffNotifications {

  private int pageSize = 500;

  private final TaskService tasks;
  private final IdentityService identity;
  private final Mailer mailer;
  private final org.camunda.bpm.engine.RuntimeService runtime;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
  private final org.springframework.transaction.support.TransactionTemplate ownTransaction;
  private boolean enabled = true;
  private Duration before = Duration.ofDays(3);
  private String tasklistUrl = "http://localhost:8080/camunda/app/tasklist/default/";

  public StaffNotifications(TaskService tasks, IdentityService identity, Mailer mailer,
                            org.camunda.bpm.engine.RuntimeService runtime, org.springframework.jdbc.core.simple.JdbcClient jdbc,
                            org.springframework.transaction.PlatformTransactionManager transactions) {
    this.tasks = tasks;
    this.identity = identity;
    this.mailer = mailer;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
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
          "mail.staff.assignment");
    }
    for (Task task : all(tasks.createTaskQuery().active().taskDefinitionKeyLike("escalate-%"))) {
      sent += mail(task, "escalation", recipients(task), "mail.staff.escalation");
    }
    Date soon = new Date(now.getTime() + before.toMillis());
    for (Task task : all(tasks.createTaskQuery().active().dueAfter(now).dueBefore(soon))) {
      sent += mail(task, "reminder", recipients(task), "mail.staff.reminder");
    }
    return sent;
  }

  /** Every task the query finds, page by page (the engine bounds one query's results). */
  private List<Task> all(org.camunda.bpm.engine.task.TaskQuery query) {
    List<Task> found = new java.util.ArrayList<>();
    query.orderByTaskId().asc();
    for (int first = 0; ; first += pageSize) {
      List<Task> page = query.listPage(first, pageSize);
      found.addAll(page);
      if (page.size() < pageSize) {
        return found;
      }
    }
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
            users.addAll(groupMembers(identity, link.getGroupId(), pageSize));
          }
        });
    return users;
  }

  /**
   * The members of a group, every page. A group the identity provider cannot find has none: the directory's provider
   * (profile ldap) would otherwise answer {@code memberOfGroup} by searching from the directory's root, i.e. with the
   * members of every group, and a task offered to a group missing from the directory would be mailed to everyone.
   */
  public static Set<String> groupMembers(IdentityService identity, String groupId, int pageSize) {
    Set<String> users = new LinkedHashSet<>();
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      return users;
    }
    var members = identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc();
    for (int first = 0; ; first += pageSize) {
      var page = members.listPage(first, pageSize);
      page.forEach(u -> users.add(u.getId()));
      if (page.size() < pageSize) {
        return users;
      }
    }
  }

  /**
   * Queues one mail per recipient as a staff-notification process (its send step is retried by the engine and
   * becomes an incident in Cockpit when the retries run out); a mail already queued is not queued again.
   */
  private int mail(Task task, String purpose, Set<String> userIds, String headline) {
    String thai = Bilingual.thai(headline);
    String english = Bilingual.english(headline);
    int queued = 0;
    for (String userId : userIds) {
      String messageId = (purpose + "." + task.getId() + "." + userId).replaceAll("[^A-Za-z0-9.-]", "-") + "@integrity-desk";
      Boolean started = ownTransaction.execute(status -> {
        int inserted = jdbc.sql("INSERT INTO staff_notification (message_id, queued_at) SELECT ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM staff_notification WHERE message_id = ?)")
            .params(messageId, th.go.integritydesk.process.EngineClock.now(), messageId).update();
        if (inserted == 0) {
          return false;
        }
        java.util.Map<String, Object> vars = new java.util.HashMap<>();
        vars.put(StaffNotification.Variables.MESSAGE_ID, messageId);
        vars.put(StaffNotification.Variables.RECIPIENT, userId);
        vars.put(StaffNotification.Variables.TASK_ID, task.getId());
        vars.put(StaffNotification.Variables.TASK_NAME, task.getName());
        vars.put(StaffNotification.Variables.DUE, task.getDueDate());
        vars.put(StaffNotification.Variables.HEADLINE_TH, thai);
        vars.put(StaffNotification.Variables.HEADLINE_EN, english);
        vars.put(StaffNotification.Variables.TASKLIST_URL, tasklistUrl);
        String trackingNumber = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
            .singleResult().getBusinessKey();
        vars.put(ComplaintLifecycle.Variables.TRACKING_NUMBER, trackingNumber);
        runtime.startProcessInstanceByKey(StaffNotification.PROCESS_KEY, trackingNumber, vars);
        return true;
      });
      if (Boolean.TRUE.equals(started)) {
        queued++;
      }
    }
    return queued;
  }

  /** Rows fetched per engine query (below the engine's queryMaxResultsLimit); every page is read. */
  public int getPageSize() { return pageSize; }
  public void setPageSize(int pageSize) { this.pageSize = pageSize; }
  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
  public Duration getBefore() { return before; }
  public void setBefore(Duration before) { this.before = before; }
  public String getTasklistUrl() { return tasklistUrl; }
  public void setTasklistUrl(String tasklistUrl) { this.tasklistUrl = tasklistUrl; }
}

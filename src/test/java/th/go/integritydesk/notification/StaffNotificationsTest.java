package th.go.integritydesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.integritydesk.process.ProcessTest;
import th.go.integritydesk.process.ProcessTestSupport;
import th.go.integritydesk.process.StaffNotification;

/** Officers are mailed their assignments, escalations and reminders, once each; Tasklist filters show their work. */
@ProcessTest
class StaffNotificationsTest extends ProcessTestSupport {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, "localhost", ServerSetup.PROTOCOL_SMTP));

  @Autowired StaffNotifications notifications;
  @Autowired FilterService filters;
  @Autowired org.camunda.bpm.engine.ManagementService management;

  /** One round of the scheduler, then the queued staff-notification send steps, as the job executor would run them. */
  private void notifyStaff() {
    notifications.run();
    management.createJobQuery().processDefinitionKey(StaffNotification.PROCESS_KEY).executable().list()
        .forEach(job -> management.executeJob(job.getId()));
  }

  private List<String> recipientsOf(String subjectPart) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(subjectPart))
        .map(StaffNotificationsTest::to).toList();
  }

  @Test
  void remindersBeforeTheDeadlineGoToTheCandidateGroupOnce() {
    ProcessInstance pi = receive(complaint());
    Date due = task(pi).getDueDate();
    ClockUtil.setCurrentTime(new Date(due.getTime() - Duration.ofDays(2).toMillis()));
    notifyStaff();
    String trackingNumber = (String) runtime.getVariable(pi.getId(), "trackingNumber");
    assertThat(recipientsOf("Due soon: " + trackingNumber)).containsExactly("screener@integrity-desk.invalid");
    notifyStaff();
    assertThat(recipientsOf("Due soon: " + trackingNumber)).hasSize(1);
  }

  @Test
  void noReminderLongBeforeTheDeadline() {
    ProcessInstance pi = receive(complaint());
    notifyStaff();
    String trackingNumber = (String) runtime.getVariable(pi.getId(), "trackingNumber");
    assertThat(recipientsOf("Due soon: " + trackingNumber)).isEmpty();
  }

  @Test
  void escalationsGoToTheSupervisorsAndAssignmentsToTheAssignee() {
    ProcessInstance pi = receive(complaint());
    String trackingNumber = (String) runtime.getVariable(pi.getId(), "trackingNumber");
    execute(job("screening-deadline", pi));
    completeAs("screener", task("screen-complaint", pi), vars("screeningDecision", "ACCEPT"));
    ProcessInstance facts = calledProcessInstance("fact-finding", pi);
    completeAs("supervisor", task("assign-investigator", facts), vars("investigator", "investigator"));
    notifyStaff();
    assertThat(recipientsOf("needs your follow-up: " + trackingNumber)).containsExactly("supervisor@integrity-desk.invalid");
    assertThat(recipientsOf("assigned to you: " + trackingNumber)).contains("investigator@integrity-desk.invalid");
    MimeMessage assignment = Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> to(m).equals("investigator@integrity-desk.invalid")).findFirst().orElseThrow();
    assertThat(body(assignment)).contains("สืบสวนข้อเท็จจริง").contains("Conduct fact-finding").contains("#/?task=")
        .contains("มอบหมายงานให้ท่าน: ").contains("เลขรับเรื่อง " + trackingNumber + " ครบกำหนด ").contains("เปิดงาน: ")
        .contains("A task was assigned to you: ").contains("Case " + trackingNumber + ", due ").contains("Open the task: ");
  }

  @Test
  void everyTaskAndEveryCandidateIsMailedBeyondOnePageOfResults() {
    int pageSize = notifications.getPageSize();
    notifications.setPageSize(2);
    try {
      List<String> trackingNumbers = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ProcessInstance pi = receive(complaint());
        trackingNumbers.add((String) runtime.getVariable(pi.getId(), "trackingNumber"));
        execute(job("screening-deadline", pi));
      }
      for (int i = 0; i < 3; i++) {
        String id = "extrasupervisor" + i;
        var user = identity.newUser(id);
        user.setEmail(id + "@integrity-desk.invalid");
        identity.saveUser(user);
        identity.createMembership(id, "supervisor");
      }
      notifyStaff();
      for (String trackingNumber : trackingNumbers) {
        assertThat(recipientsOf("needs your follow-up: " + trackingNumber)).as(trackingNumber)
            .containsExactlyInAnyOrder("supervisor@integrity-desk.invalid", "extrasupervisor0@integrity-desk.invalid",
                "extrasupervisor1@integrity-desk.invalid", "extrasupervisor2@integrity-desk.invalid");
      }
    } finally {
      notifications.setPageSize(pageSize);
      for (int i = 0; i < 3; i++) {
        identity.deleteUser("extrasupervisor" + i);
      }
    }
  }

  @Test
  void aStaffMailTheServerRefusesIsRetriedAndBecomesAnIncidentWhenRetriesRunOut() {
    ProcessInstance pi = receive(complaint());
    execute(job("screening-deadline", pi));
    smtp.stop();
    notifications.run();
    String trackingNumber = (String) runtime.getVariable(pi.getId(), "trackingNumber");
    var queued = runtime.createProcessInstanceQuery().processDefinitionKey(StaffNotification.PROCESS_KEY)
        .processInstanceBusinessKey(trackingNumber).singleResult();
    var send = management.createJobQuery().processInstanceId(queued.getId()).singleResult();
    Date firstTry = new Date(System.currentTimeMillis() / 1000 * 1000);
    ClockUtil.setCurrentTime(firstTry);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> management.executeJob(send.getId()))
        .hasStackTraceContaining("did not accept mail");
    attempts.put(send.getId(), 1);
    assertThat(management.createJobQuery().jobId(send.getId()).singleResult().getDuedate())
        .as("retried after the configured PT7M").isEqualTo(new Date(firstTry.getTime() + Duration.ofMinutes(7).toMillis()));
    for (int attempt = 1; attempt < 10
        && management.createJobQuery().jobId(send.getId()).singleResult().getRetries() > 0; attempt++) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> management.executeJob(send.getId()))
          .hasStackTraceContaining("did not accept mail");
      attempts.merge(send.getId(), 1, Integer::sum);
    }
    assertThat(management.createJobQuery().jobId(send.getId()).singleResult().getRetries())
        .as("integrity-desk.jobs.outbound-retry-cycle=R3/PT7M").isZero();
    assertThat(attemptsUntilIncident(send.getId())).isEqualTo(3);
    assertThat(runtime.createIncidentQuery().processInstanceId(send.getProcessInstanceId()).singleResult()
        .getActivityId()).isEqualTo("send-staff-mail");
    notifications.run();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(StaffNotification.PROCESS_KEY)
        .processInstanceBusinessKey(trackingNumber).count()).as("queued once, not again").isOne();
    smtp.start();
  }

  @Test
  void tasklistFiltersShowEachOfficerTheirOwnWorkByDeadlineAndStage() {
    ProcessInstance pi = receive(complaint());
    Task screening = task(pi);
    identity.setAuthentication("screener", List.of("screening"));
    try {
      assertThat(ids(filter("งานของกลุ่ม / My groups' tasks"))).contains(screening.getId());
      assertThat(ids(filter("ขั้นคัดกรองและรับเรื่อง / Receipt and screening"))).contains(screening.getId());
      assertThat(ids(filter("ขั้นสืบสวนข้อเท็จจริง / Fact-finding"))).doesNotContain(screening.getId());
      assertThat(ids(filter("เกินกำหนด / Overdue"))).doesNotContain(screening.getId());
      ClockUtil.setCurrentTime(new Date(screening.getDueDate().getTime() + 60_000));
      assertThat(ids(filter("เกินกำหนด / Overdue"))).contains(screening.getId());
    } finally {
      identity.clearAuthentication();
    }
    identity.setAuthentication("investigator", List.of("investigator"));
    try {
      assertThat(ids(filter("เกินกำหนด / Overdue"))).doesNotContain(screening.getId());
    } finally {
      identity.clearAuthentication();
    }
  }

  private final java.util.Map<String, Integer> attempts = new java.util.HashMap<>();

  private int attemptsUntilIncident(String jobId) {
    return attempts.getOrDefault(jobId, 0);
  }

  private List<String> ids(Filter filter) {
    return filters.<Task>listPage(filter.getId(), 0, 500).stream().map(Task::getId).toList();
  }

  private Filter filter(String name) {
    return filters.createFilterQuery().filterName(name).singleResult();
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String to(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(MimeMessage m) {
    try {
      return m.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package th.go.integritydesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.intake.Category;
import th.go.integritydesk.intake.Channel;
import th.go.integritydesk.intake.ComplaintSubmission;
import th.go.integritydesk.intake.IntakeService;
import th.go.integritydesk.intake.Rank;
import th.go.integritydesk.postgres.PostgresForTests;
import th.go.integritydesk.process.ComplaintLifecycle;

/**
 * Two application nodes, each with its own job executor, on one PostgreSQL database (Camunda's homogeneous cluster).
 * 200 complaints from complainants who left an address go through an asynchronous step (the acknowledgement mail, to
 * an in-process SMTP server) and a timer (the screening deadline, shortened to seconds). One node is stopped mid-way;
 * the other finishes. Every job ran exactly once, every complainant got exactly one mail, and no case is stuck. The
 * identity custodians' key is rotated on the node that stops: the other seals the next identities to the new key.
 */
// after every test that uses a cached Spring test context
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 2)
class ClusterOnPostgresTest {

  private static final int COMPLAINTS = 200;

  @Test
  void twoNodesShareTheWorkAndOneFinishesWhenTheOtherStops() {
    Map<String, Object> properties = new HashMap<>(PostgresForTests.properties("cluster"));
    // long enough that no deadline passes while a loaded 2-core machine takes the first half in
    properties.put("integrity-desk.deadlines.screening", "PT15S");
    properties.put("camunda.bpm.job-execution.lock-time-in-millis", 5000);
    properties.put("integrity-desk.mail.enabled", "true");
    properties.put("spring.mail.host", "localhost");
    properties.put("spring.mail.port", SMTP.getPort());
    GreenMail smtp = new GreenMail(SMTP);
    smtp.start();
    ConfigurableApplicationContext nodeA = Nodes.start("node-a", properties);
    ConfigurableApplicationContext nodeB = Nodes.start("node-b", properties);
    try {
      JdbcClient db = nodeB.getBean(JdbcClient.class);
      ProcessEngine engineB = nodeB.getBean(ProcessEngine.class);
      IntakeService intakeA = nodeA.getBean(IntakeService.class);
      IntakeService intakeB = nodeB.getBean(IntakeService.class);
      // the first half is taken in by both nodes; node A stops while their jobs and timers are still under way
      for (int i = 0; i < COMPLAINTS / 2; i++) {
        (i % 2 == 0 ? intakeA : intakeB).submit(complaint(i), List.of(), null);
      }
      Nodes.waitUntil(Duration.ofSeconds(60), "the first acknowledgement mails", () -> mailed(db) >= 10);
      // the custodians' key is rotated on node A (the demo's holder unlocks it): node B seals to the new key
      th.go.integritydesk.storage.Custodians custodiansA = nodeA.getBean(th.go.integritydesk.storage.Custodians.class);
      long rotatedTo = custodiansA.rotate(custodiansA.unlock("intake", "demo"), "intake").keyId();
      nodeA.close();
      assertThat(escalations(engineB)).as("screening deadlines passed before node A stopped").isZero();
      for (int i = COMPLAINTS / 2; i < COMPLAINTS; i++) {
        intakeB.submit(complaint(i), List.of(), null);
      }

      Nodes.waitUntil(Duration.ofSeconds(120), "every acknowledgement mail and every screening deadline",
          () -> mailed(db) == COMPLAINTS && escalations(engineB) == COMPLAINTS);

      String afterRotation = db.sql("SELECT tracking_number FROM complaint WHERE subject = ?")
          .param("เรื่องที่ " + COMPLAINTS / 2 + " / Complaint " + COMPLAINTS / 2).query(String.class).single();
      byte[] toCustodians = nodeB.getBean(th.go.integritydesk.storage.SealedStore.class).open(afterRotation,
          th.go.integritydesk.storage.SealedStore.Purpose.IDENTITY, db.sql("SELECT identity_sealed FROM"
              + " complainant_identity WHERE tracking_number = ?").param(afterRotation).query((rs, i) -> rs.getBytes(1))
              .single()).orElseThrow();
      assertThat(java.nio.ByteBuffer.wrap(toCustodians).getLong()).as("node B seals to the key node A rotated to")
          .isEqualTo(rotatedTo);

      // node B's search index found the case node A took in (each node follows the database, not the other node)
      th.go.integritydesk.casefile.CaseSearch searchB = nodeB.getBean(th.go.integritydesk.casefile.CaseSearch.class);
      String takenInByA = db.sql("SELECT tracking_number FROM complaint WHERE subject = ?")
          .param("เรื่องที่ 0 / Complaint 0").query(String.class).single();
      th.go.integritydesk.web.StaffUser supervisor = new th.go.integritydesk.web.StaffUser("supervisor",
          List.of("supervisor"));
      Nodes.waitUntil(Duration.ofSeconds(30), "node B's search index to find a case node A took in",
          () -> searchB.search(supervisor, takenInByA, 0, 20).hits().size() == 1);

      // exactly once: one acknowledgement and one mail per case, one escalation per case, one successful run per job
      assertThat(db.sql("SELECT COUNT(*) FROM (SELECT tracking_number FROM complainant_message WHERE kind = 'ACKNOWLEDGEMENT'"
          + " GROUP BY tracking_number HAVING COUNT(*) > 1) twice").query(Long.class).single()).isZero();
      assertThat(acknowledgements(db)).isEqualTo(COMPLAINTS);
      Nodes.waitUntil(Duration.ofSeconds(10), "the SMTP server to have every mail",
          () -> smtp.getReceivedMessages().length >= COMPLAINTS);
      assertThat(Arrays.stream(smtp.getReceivedMessages()).map(ClusterOnPostgresTest::messageId).distinct().count())
          .isEqualTo(smtp.getReceivedMessages().length).isEqualTo(COMPLAINTS);
      // only the jobs of the cases: the engine's own history-cleanup job also runs (and logs) between 22:00 and 05:00,
      // the cleanup window of the defaults, and is one job rescheduled again and again
      String caseJobs = " FROM act_hi_job_log WHERE job_state_ = 2 AND process_def_key_ = '"
          + ComplaintLifecycle.PROCESS_KEY + "'";
      assertThat(db.sql("SELECT job_def_type_, COUNT(*)" + caseJobs + " GROUP BY job_def_type_ ORDER BY job_def_type_")
          .query((rs, i) -> rs.getString(1) + "=" + rs.getLong(2)).list())
          .containsExactly("async-continuation=" + COMPLAINTS, "timer-transition=" + COMPLAINTS);
      assertThat(db.sql("SELECT COUNT(*) FROM (SELECT job_id_" + caseJobs + " GROUP BY job_id_ HAVING COUNT(*) > 1) twice")
          .query(Long.class).single()).isZero();
      // nothing stuck: no job of a case due and left (the acknowledgement checks are due in 15 days), no incident, every case waiting
      // for its screening officer
      assertThat(engineB.getManagementService().createJobQuery().processDefinitionKey(ComplaintLifecycle.PROCESS_KEY)
          .executable().count()).isZero();
      assertThat(engineB.getRuntimeService().createIncidentQuery().count()).isZero();
      assertThat(engineB.getTaskService().createTaskQuery().taskDefinitionKey("screen-complaint").count())
          .isEqualTo(COMPLAINTS);
      assertThat(db.sql("SELECT COUNT(DISTINCT tracking_number) FROM complaint").query(Long.class).single())
          .isEqualTo(COMPLAINTS);
    } finally {
      nodeA.close();
      nodeB.close();
      smtp.stop();
    }
  }

  private static final ServerSetup SMTP = new ServerSetup(3027, "localhost", ServerSetup.PROTOCOL_SMTP);

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Cases whose acknowledgement mail step has run (it sets the case's acknowledgement time). */
  private static long mailed(JdbcClient db) {
    return db.sql("SELECT COUNT(*) FROM act_ru_variable WHERE name_ = 'acknowledgedAt'").query(Long.class).single();
  }

  private static long acknowledgements(JdbcClient db) {
    return db.sql("SELECT COUNT(*) FROM complainant_message WHERE kind = 'ACKNOWLEDGEMENT'").query(Long.class).single();
  }

  private static long escalations(ProcessEngine engine) {
    return engine.getTaskService().createTaskQuery().taskDefinitionKey("escalate-screening").count();
  }

  private static ComplaintSubmission complaint(int i) {
    return new ComplaintSubmission(Channel.HOTLINE, i % 3 == 0 ? Category.PROCUREMENT : Category.BRIBERY,
        "เรื่องที่ " + i + " / Complaint " + i, "ข้อเท็จจริง / Facts " + i,
        new ComplaintSubmission.Accused(null, null, "กองคลัง", i % 5 == 0 ? Rank.DIRECTOR : Rank.OPERATIONAL, null),
        null, null, null, new ComplaintSubmission.Complainant("ผู้ร้อง " + i, "whistle" + i + "@example.org", null, null),
        true, null, null, null);
  }
}

package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.integritydesk.http.StaffClient.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.process.EngineIds;
import th.go.integritydesk.http.StaffClient.Answer;

/**
 * The real application over HTTP on H2, its job executor running: one complaint driven from intake to closure
 * through the engine REST API and the Tasklist webapp as the demo users, each seeing only their own tasks.
 */
@HttpTest
class LifecycleOverHttpTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient database;

  /**
   * ADR 0011: the engine's ids are short numbers from one database sequence, not 36-character UUIDs, and generators
   * of several nodes on one database (two more here, beside the application's own, from four threads) never hand out
   * the same id.
   */
  @Test
  void theEngineWritesShortIdsAndNodesOnOneDatabaseNeverShareOne() throws Exception {
    Answer started = staff("intake").post("/engine-rest/process-definition/key/complaint-lifecycle/start", variables(
        "channel", "WALK_IN", "category", "GIFTS", "subject", "ของขวัญ / A gift", "description", "ของขวัญ / A gift",
        "accusedUnit", "กองคลัง", "accusedRank", "OPERATIONAL"));
    assertThat(started.status()).as(started.raw()).isEqualTo(200);
    assertThat(started.body().get("id").asText()).matches("[1-9][0-9]{0,9}");
    assertThat(started.body().get("definitionId").asText()).matches("complaint-lifecycle:[0-9]+:[1-9][0-9]{0,9}");
    // a case started by an officer is recorded as theirs from the engine's authenticated user, not from a variable
    assertThat(database.sql("SELECT recorded_by FROM complaint WHERE tracking_number = ?")
        .param(started.body().get("businessKey").asText()).query(String.class).single()).isEqualTo("intake");

    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getIdGenerator()).isInstanceOf(EngineIds.class);
    List<EngineIds> nodes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      EngineIds node = new EngineIds();
      node.useDatabase(configuration.getDataSource(), configuration.getDatabaseType());
      nodes.add(node);
    }
    Set<String> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger repeated = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    for (int thread = 0; thread < 4; thread++) {
      EngineIds node = nodes.get(thread % 2);
      running.add(pool.submit(() -> {
        for (int i = 0; i < 2500; i++) {
          if (!seen.add(node.getNextId())) {
            repeated.incrementAndGet();
          }
        }
      }));
    }
    for (Future<?> thread : running) {
      thread.get();
    }
    pool.shutdown();
    assertThat(repeated).hasValue(0);
    assertThat(seen).hasSize(10_000).allMatch(id -> id.matches("[1-9][0-9]{0,9}"));
    String next = configuration.getIdGenerator().getNextId();
    assertThat(seen).doesNotContain(next);
  }

  @Test
  void oneComplaintFromIntakeToClosureAsTheDemoUsers() {
    StaffClient intake = staff("intake");
    StaffClient screener = staff("screener");
    StaffClient supervisor = staff("supervisor");
    StaffClient investigator = staff("investigator");
    StaffClient authority = staff("authority");
    StaffClient analyst = staff("analyst");

    assertThat(intake.anonymousGet("/engine-rest/task").status()).isEqualTo(401);
    assertThat(intake.anonymousGet("/actuator/health").body().get("status").asText()).isEqualTo("UP");

    Answer started = intake.post("/engine-rest/process-definition/key/complaint-lifecycle/start", variables(
        "channel", "WALK_IN", "category", "PROCUREMENT", "subject", "ฮั้วประมูล / Bid rigging",
        "description", "ผู้ร้องเห็นการตกลงราคา / The complainant saw prices agreed in advance",
        "accusedUnit", "กองคลัง", "accusedRank", "OPERATIONAL"));
    assertThat(started.status()).as(started.raw()).isEqualTo(200);
    String trackingNumber = started.body().get("businessKey").asText();
    assertThat(trackingNumber).matches("ACC-[0-9]{4}-[0-9]{6}");
    String processInstanceId = started.body().get("id").asText();
    String ofThisCase = "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber;

    // screening: only the screening group sees it; the screener works it in Tasklist
    assertThat(waitForTasks(screener, ofThisCase)).containsExactly("screen-complaint");
    for (StaffClient other : List.of(intake, supervisor, investigator, authority, analyst)) {
      assertThat(taskKeys(other.get(ofThisCase))).isEmpty();
    }
    // analysts read models, not a running case's history or variables
    assertThat(analyst.get("/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId).body())
        .isEmpty();
    assertThat(analyst.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + trackingNumber).body())
        .isEmpty();
    assertThat(screener.loginToTasklist().status()).isEqualTo(200);
    JsonNode screening = screener.tasklistGet("/task?processInstanceBusinessKey=" + trackingNumber).body().get(0);
    String screeningTask = screening.get("id").asText();
    JsonNode form = screener.tasklistGet("/task/" + screeningTask + "/deployed-form").body();
    assertThat(form.get("id").asText()).isEqualTo("screen-complaint");
    JsonNode formVariables = screener.tasklistGet("/task/" + screeningTask + "/form-variables").body();
    assertThat(formVariables.get("routingSuggestion").get("value").asText()).isEqualTo("FORWARD");
    StaffClient forgedRequest = staff("screener");
    forgedRequest.loginToTasklist();
    assertThat(forgedRequest.tasklistPostWithoutCsrf("/task/" + screeningTask + "/submit-form",
        variables("screeningDecision", "ACCEPT")).status()).isEqualTo(403);
    Answer incomplete = screener.tasklistPost("/task/" + screeningTask + "/submit-form",
        variables("screeningDecision", "FORWARD"));
    assertThat(incomplete.status()).isBetween(400, 500);
    assertThat(incomplete.raw()).contains("forwardTo");
    assertThat(screener.tasklistPost("/task/" + screeningTask + "/submit-form",
        variables("screeningDecision", "ACCEPT", "screeningReason", "มีมูลน่าเชื่อ / Credible")).status()).isEqualTo(204);

    // fact-finding: supervisor assigns, segregation of duties refuses the accused's own unit
    completeOnly(supervisor, ofThisCase, "assign-investigator", variables("investigator", "investigator2"), 403);
    completeOnly(supervisor, ofThisCase, "assign-investigator", variables("investigator", "investigator"), 204);
    assertThat(waitForTasks(investigator, ofThisCase)).containsExactly("conduct-fact-finding");
    assertThat(taskKeys(supervisor.get(ofThisCase))).isEmpty();
    Answer noSummary = completeOnly(investigator, ofThisCase, "conduct-fact-finding",
        variables("findings", "MINOR_OFFENCE"), 400);
    assertThat(noSummary.body().get("field").asText()).isEqualTo("findingsSummary");
    completeOnly(investigator, ofThisCase, "conduct-fact-finding",
        variables("findings", "MINOR_OFFENCE", "findingsSummary", "มีมูลความผิดไม่ร้ายแรง / Minor offence"), 204);
    completeOnly(supervisor, ofThisCase, "review-findings", variables("findingsApproved", true), 204);

    // discipline: the authority decides, the accused appeals, the authority records the ruling
    assertThat(waitForTasks(authority, ofThisCase)).containsExactly("decide-penalty");
    String appeal = "/api/staff/complaints/" + trackingNumber + "/appeal";
    Answer tooEarly = authority.post(appeal, Map.of());
    assertThat(tooEarly.status()).as(tooEarly.raw()).isEqualTo(409);
    assertThat(tooEarly.contentType()).startsWith("application/problem+json");
    completeOnly(authority, ofThisCase, "decide-penalty",
        variables("penalty", "PROBATION", "penaltyReason", "ความผิดครั้งแรก / First offence"), 204);
    // the appeal window: the gate refuses message correlation to officers; the appeal is a staff endpoint
    waitUntil(() -> supervisor.get("/engine-rest/execution?processInstanceBusinessKey=" + trackingNumber
        + "&messageEventSubscriptionName=AppealFiled").body().size() == 1);
    Answer correlated = authority.post("/engine-rest/message",
        Map.of("messageName", "AppealFiled", "businessKey", trackingNumber));
    assertThat(correlated.status()).as(correlated.raw()).isEqualTo(403);
    assertThat(intake.post(appeal, Map.of()).status()).isEqualTo(403);
    Answer appealed = authority.post(appeal, Map.of());
    assertThat(appealed.status()).as(appealed.raw()).isEqualTo(200);
    assertThat(waitForTasks(authority, ofThisCase)).containsExactly("record-appeal-outcome");
    completeOnly(authority, ofThisCase, "record-appeal-outcome",
        variables("appealUpheld", false, "finalPenalty", "PROBATION"), 204);

    // closure: the outcome is in history for supervisors and analysts
    waitUntil(() -> "COMPLETED".equals(supervisor.get("/engine-rest/history/process-instance/" + processInstanceId)
        .body().get("state").asText()));
    JsonNode outcome = supervisor.get("/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId
        + "&variableName=outcome").body();
    assertThat(outcome).hasSize(1);
    assertThat(outcome.get(0).get("value").asText()).isEqualTo("PENALISED");
    assertThat(intake.get("/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId).body())
        .isEmpty();
    // a wrong password is refused (and the engine then delays that user's next logins: brute-force throttling,
    // so the user tried here is one of this test's own, whom no other test logs in as)
    var identity = engine.getIdentityService();
    var throttled = identity.newUser("throttledofficer");
    throttled.setPassword("Throttled-Passw0rd-1");
    identity.saveUser(throttled);
    identity.createMembership("throttledofficer", "investigator");
    try {
      assertThat(staff("throttledofficer", "Throttled-Passw0rd-1").get("/engine-rest/task").status()).isEqualTo(200);
      assertThat(staff("throttledofficer", "wrong").get("/engine-rest/task").status()).isEqualTo(401);
    } finally {
      identity.deleteUser("throttledofficer");
    }
  }

  private StaffClient staff(String user) {
    return staff(user, "demo");
  }

  private StaffClient staff(String user, String password) {
    return new StaffClient(port, user, password);
  }

  private static Answer completeOnly(StaffClient who, String query, String taskKey, Map<String, Object> body,
                                     int expectedStatus) {
    JsonNode tasks = who.get(query + "&taskDefinitionKey=" + taskKey).body();
    assertThat(tasks).as(taskKey + " visible").hasSize(1);
    Answer answer = who.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete", body);
    assertThat(answer.status()).as(answer.raw()).isEqualTo(expectedStatus);
    return answer;
  }

  private static List<String> waitForTasks(StaffClient who, String query) {
    List<String> keys = new ArrayList<>();
    waitUntil(() -> {
      keys.clear();
      keys.addAll(taskKeys(who.get(query)));
      return !keys.isEmpty();
    });
    return keys;
  }

  private static List<String> taskKeys(Answer answer) {
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    answer.body().forEach(task -> keys.add(task.get("taskDefinitionKey").asText()));
    return keys;
  }

  private static void waitUntil(Supplier<Boolean> condition) {
    IntakeOverHttpTest.waitUntil(condition);
  }
}

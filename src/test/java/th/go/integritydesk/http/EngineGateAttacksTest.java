package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.integritydesk.http.StaffClient.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.go.integritydesk.http.StaffClient.Answer;

/**
 * The insider attacks of issue 9 that the engine gate closes, each by HTTP against the running application as the
 * demo users: each is refused, and nothing changed (no file created, no second instance, the other case untouched,
 * the task's candidates and variables as they were).
 */
@HttpTest
class EngineGateAttacksTest {

  static final String GATE_REFUSAL = "https://integrity-desk.go.th/problems/engine-operation-not-allowed";

  @LocalServerPort int port;

  @Test
  void anExpressionInAnOrQueryDoesNotRunForAnyone() throws Exception {
    Path marker = Files.createTempDirectory("engine-gate").resolve("rce-marker");
    String expression = "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null)"
        + ".exec(\"touch " + marker + "\").toString()}";
    Map<String, Object> orQuery = Map.of("orQueries", List.of(Map.of("candidateUserExpression", expression)));

    List<Answer> attempts = new ArrayList<>();
    attempts.add(staff("investigator").post("/engine-rest/task?maxResults=5", orQuery));
    attempts.add(staff("admin").post("/engine-rest/task?maxResults=5", orQuery));
    StaffClient analyst = staff("analyst");
    String filterId = analyst.get("/engine-rest/filter?maxResults=1").body().get(0).get("id").asText();
    attempts.add(analyst.post("/engine-rest/filter/" + filterId + "/list?maxResults=5", orQuery));
    attempts.add(analyst.post("/engine-rest/filter/" + filterId + "/count", orQuery));
    // the same hidden in sorting, in a variable filter, URL-encoded in the query string (once and twice),
    // as a JSON unicode escape, and through the Tasklist webapp's session
    attempts.add(staff("investigator").post("/engine-rest/task?maxResults=5", Map.of("sorting", List.of(Map.of(
        "sortBy", "processVariable", "sortOrder", "asc", "parameters", Map.of("variable", expression, "type", "String"))))));
    attempts.add(staff("investigator").post("/engine-rest/task?maxResults=5", Map.of("processVariables",
        List.of(Map.of("name", "x", "operator", "eq", "value", expression)))));
    String encoded = URLEncoder.encode(expression, StandardCharsets.UTF_8);
    attempts.add(staff("supervisor").get("/engine-rest/task?candidateUserExpression=" + encoded));
    attempts.add(staff("supervisor").get("/engine-rest/task?candidateUserExpression="
        + URLEncoder.encode(encoded, StandardCharsets.UTF_8)));
    attempts.add(staff("screener").raw("POST", "/engine-rest/task?maxResults=5", Map.of("Authorization",
        basic("screener"), "Content-Type", "application/json"), BodyPublishers.ofString(
        "{\"orQueries\":[{\"candidateUserExpression\":\"\\u0024{\\\"\\\".getClass().forName(\\\"java.lang.Runtime\\\")"
            + ".getMethod(\\\"getRuntime\\\").invoke(null).exec(\\\"touch " + marker + "\\\").toString()}\"}]}")));
    StaffClient webapp = staff("investigator");
    assertThat(webapp.loginToTasklist().status()).isEqualTo(200);
    attempts.add(webapp.tasklistPost("/task?maxResults=5", orQuery));
    attempts.add(webapp.tasklistPost("/filter/" + filterId + "/list?maxResults=5", orQuery));

    for (Answer attempt : attempts) {
      assertThat(attempt.status()).as(attempt.raw()).isEqualTo(403);
      assertThat(attempt.contentType()).startsWith("application/problem+json");
      assertThat(attempt.body().get("type").asText()).isEqualTo(GATE_REFUSAL);
    }
    assertThat(attempts.get(0).body().get("detail").asText()).contains("orQueries[0].candidateUserExpression");
    Thread.sleep(500); // a started process would have touched the file by now
    assertThat(marker).doesNotExist();
    // stored filters keep only the expressions Tasklist's filter dialog offers, and only administrators write them
    Map<String, Object> filter = Map.of("resourceType", "Task", "name", "probe", "query",
        Map.of("candidateUserExpression", "${currentUser()}"));
    assertThat(analyst.post("/engine-rest/filter/create", filter).status()).isEqualTo(403);
    Answer created = staff("admin").post("/engine-rest/filter/create", filter);
    assertThat(created.status()).as(created.raw()).isEqualTo(200);
    assertThat(staff("admin").send("DELETE", "/engine-rest/filter/" + created.body().get("id").asText(), null).status())
        .isEqualTo(204);
    assertThat(staff("admin").post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "probe",
        "query", Map.of("candidateUserExpression", expression))).status()).isEqualTo(403);
  }

  @Test
  void aCompletionCannotCarryAnotherCasesTrackingNumber() {
    Case a = newCase();
    Case b = newCase();
    StaffClient screener = staff("screener");
    String taskOfB = waitForTask(screener, b.trackingNumber(), "screen-complaint");
    Map<String, Object> forged = variables("screeningDecision", "REJECT",
        "screeningReason", "ไม่มีมูล / No grounds", "trackingNumber", a.trackingNumber());

    Answer rest = screener.post("/engine-rest/task/" + taskOfB + "/complete", forged);
    assertThat(rest.status()).as(rest.raw()).isEqualTo(400);
    assertThat(rest.contentType()).startsWith("application/problem+json");
    assertThat(rest.body().get("errors").get(0).get("field").asText()).isEqualTo("trackingNumber");
    assertThat(screener.loginToTasklist().status()).isEqualTo(200);
    Answer tasklist = screener.tasklistPost("/task/" + taskOfB + "/submit-form", forged);
    assertThat(tasklist.status()).as(tasklist.raw()).isEqualTo(400);
    assertThat(tasklist.body().get("detail").asText()).contains("trackingNumber");

    // both cases still wait for screening, B still carries its own number
    assertThat(waitForTask(screener, a.trackingNumber(), "screen-complaint")).isNotBlank();
    assertThat(waitForTask(screener, b.trackingNumber(), "screen-complaint")).isEqualTo(taskOfB);
    StaffClient admin = staff("admin");
    assertThat(admin.get("/engine-rest/process-instance/" + b.processInstanceId() + "/variables/trackingNumber")
        .body().get("value").asText()).isEqualTo(b.trackingNumber());
    assertThat(admin.get("/engine-rest/process-instance/count?businessKey=" + a.trackingNumber()).body()
        .get("count").asInt()).isEqualTo(1);
    // a wrong type and an undeclared variable are named too; the form's own fields still work
    Answer wrongType = screener.post("/engine-rest/task/" + taskOfB + "/complete",
        Map.of("variables", Map.of("screeningDecision", Map.of("value", true))));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.body().get("errors").get(0).get("field").asText()).isEqualTo("screeningDecision");
    assertThat(screener.post("/engine-rest/task/" + taskOfB + "/complete", variables("screeningDecision", "REJECT",
        "screeningReason", "ไม่มีมูล / No grounds")).status()).isEqualTo(204);
    assertThat(waitForTask(screener, a.trackingNumber(), "screen-complaint")).isNotBlank();
    // completing it again (a second click, a replayed request): 404, not the engine's 500
    for (Answer again : List.of(
        screener.post("/engine-rest/task/" + taskOfB + "/complete", variables("screeningDecision", "ACCEPT")),
        screener.tasklistPost("/task/" + taskOfB + "/submit-form", variables("screeningDecision", "ACCEPT")))) {
      assertThat(again.status()).as(again.raw()).isEqualTo(404);
      assertThat(again.contentType()).startsWith("application/problem+json");
      assertThat(again.body().get("type").asText()).endsWith("/task-not-found");
    }
  }

  @Test
  void intakeCannotStartASecondLifecycleOnAnExistingCase() {
    Case a = newCase();
    StaffClient intake = staff("intake");
    String start = "/engine-rest/process-definition/key/complaint-lifecycle/start";
    Map<String, Object> ghost = new LinkedHashMap<>();
    ghost.put("businessKey", a.trackingNumber());
    ghost.put("skipCustomListeners", true);
    ghost.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "request-complainant-info")));
    ghost.put("variables", Map.of("infoRequest", Map.of("value", "ส่งสำเนาบัตรประชาชน / send a copy of your ID card")));
    String definitionId = intake.get("/engine-rest/process-definition/key/complaint-lifecycle").body().get("id").asText();

    List<Answer> attempts = List.of(
        intake.post(start, ghost),
        intake.post(start, Map.of("businessKey", a.trackingNumber(), "variables", Map.of())),
        intake.post(start, Map.of("skipCustomListeners", true, "variables", Map.of())),
        intake.post(start, Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity",
            "activityId", "request-complainant-info")))),
        intake.post(start, Map.of("withVariablesInReturn", true)),
        intake.post("/engine-rest/process-definition/" + definitionId + "/submit-form",
            Map.of("businessKey", a.trackingNumber(), "variables", Map.of())),
        intake.post("/engine-rest/process-definition/key/fact-finding/start", Map.of("variables", Map.of())),
        staff("screener").post(start, Map.of("variables", Map.of())),
        staff("supervisor").post(start, Map.of("variables", Map.of())));
    for (Answer attempt : attempts) {
      assertThat(attempt.status()).as(attempt.raw()).isEqualTo(403);
      assertThat(attempt.body().get("type").asText()).isEqualTo(GATE_REFUSAL);
    }
    List<String> refusedOptions = new ArrayList<>();
    attempts.get(0).body().get("errors").forEach(error -> refusedOptions.add(error.get("field").asText()));
    assertThat(refusedOptions).containsExactly("businessKey", "skipCustomListeners", "startInstructions");
    Answer undeclared = intake.post(start, variables("channel", "WALK_IN", "trackingNumber", a.trackingNumber()));
    assertThat(undeclared.status()).as(undeclared.raw()).isEqualTo(400);
    assertThat(undeclared.body().get("errors").get(0).get("field").asText()).isEqualTo("trackingNumber");

    StaffClient admin = staff("admin");
    assertThat(admin.get("/engine-rest/process-instance/count?businessKey=" + a.trackingNumber()).body().get("count")
        .asInt()).isEqualTo(1);
    assertThat(admin.get("/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + a.trackingNumber())
        .body().get("count").asInt()).isEqualTo(1);
    assertThat(admin.get("/engine-rest/task?processInstanceBusinessKey=" + a.trackingNumber()).body()).hasSize(1);
    // the start form itself still records a new case with a new number
    Case fresh = newCase();
    assertThat(fresh.trackingNumber()).isNotEqualTo(a.trackingNumber()).matches("ACC-[0-9]{4}-[0-9]{6}");
  }

  @Test
  void aScreenerCannotWidenATaskOrWriteItsVariables() {
    Case a = newCase();
    StaffClient screener = staff("screener");
    String task = waitForTask(screener, a.trackingNumber(), "screen-complaint");
    StaffClient admin = staff("admin");
    String linksBefore = admin.get("/engine-rest/task/" + task + "/identity-links").raw();

    Answer widen = screener.post("/engine-rest/task/" + task + "/identity-links",
        Map.of("groupId", "investigator", "type", "candidate"));
    Answer local = screener.send("PUT", "/engine-rest/task/" + task + "/localVariables/x",
        Map.of("value", "forged", "type", "String"));
    Answer variable = screener.send("PUT", "/engine-rest/task/" + task + "/variables/screeningDecision",
        Map.of("value", "REJECT", "type", "String"));
    Answer modify = screener.post("/engine-rest/task/" + task + "/variables",
        Map.of("modifications", Map.of("trackingNumber", Map.of("value", "ACC-0000-000000"))));
    Answer delegate = screener.post("/engine-rest/task/" + task + "/delegate", Map.of("userId", "investigator"));
    Answer assignee = screener.post("/engine-rest/task/" + task + "/assignee", Map.of("userId", "investigator"));
    Answer claimForOther = screener.post("/engine-rest/task/" + task + "/claim", Map.of("userId", "investigator"));
    Answer dueDate = screener.send("PUT", "/engine-rest/task/" + task, Map.of("name", "x", "due", "2099-01-01T00:00:00.000+0700"));
    for (Answer attempt : List.of(widen, local, variable, modify, delegate, assignee, claimForOther, dueDate)) {
      assertThat(attempt.status()).as(attempt.raw()).isEqualTo(403);
      assertThat(attempt.body().get("type").asText()).isEqualTo(GATE_REFUSAL);
    }
    screener.loginToTasklist();
    assertThat(screener.tasklistPost("/task/" + task + "/identity-links",
        Map.of("groupId", "investigator", "type", "candidate")).status()).isEqualTo(403);

    assertThat(admin.get("/engine-rest/task/" + task + "/identity-links").raw()).isEqualTo(linksBefore);
    assertThat(linksBefore).doesNotContain("\"investigator\"");
    assertThat(admin.get("/engine-rest/task/" + task + "/localVariables").body().has("x")).isFalse();
    assertThat(staff("investigator").get("/engine-rest/task?processInstanceBusinessKey=" + a.trackingNumber()).body())
        .isEmpty();
    // claiming for oneself and giving it back is what Tasklist needs, and still works
    assertThat(screener.post("/engine-rest/task/" + task + "/claim", Map.of("userId", "screener")).status()).isEqualTo(204);
    assertThat(screener.post("/engine-rest/task/" + task + "/unclaim", Map.of()).status()).isEqualTo(204);
    assertThat(admin.get("/engine-rest/task/" + task).body().path("assignee").isNull()).isTrue();
    // only the holder gives a task back: the administrator assigns it to the screener, the supervisor cannot unclaim it
    assertThat(admin.post("/engine-rest/task/" + task + "/assignee", Map.of("userId", "screener")).status()).isEqualTo(204);
    assertThat(staff("supervisor").post("/engine-rest/task/" + task + "/unclaim", Map.of()).status()).isIn(403, 404);
    assertThat(admin.get("/engine-rest/task/" + task).body().path("assignee").asText()).isEqualTo("screener");
    assertThat(screener.tasklistPost("/task/" + task + "/unclaim", Map.of()).status()).isEqualTo(204);
  }

  @Test
  void aReviewerCannotRewriteWhoInvestigated() {
    Case a = newCase();
    StaffClient screener = staff("screener");
    StaffClient supervisor = staff("supervisor");
    StaffClient investigator = staff("investigator");
    complete(screener, waitForTask(screener, a.trackingNumber(), "screen-complaint"),
        variables("screeningDecision", "ACCEPT", "screeningReason", "มีมูล / Credible"));
    complete(supervisor, waitForTask(supervisor, a.trackingNumber(), "assign-investigator"),
        variables("investigator", "investigator"));
    complete(investigator, waitForTask(investigator, a.trackingNumber(), "conduct-fact-finding"),
        variables("findings", "NO_GROUNDS", "findingsSummary", "ไม่พบมูล / No grounds found"));
    String review = waitForTask(supervisor, a.trackingNumber(), "review-findings");

    Answer forged = supervisor.post("/engine-rest/task/" + review + "/complete",
        variables("findingsApproved", true, "investigator", "investigator2"));
    assertThat(forged.status()).as(forged.raw()).isEqualTo(400);
    assertThat(forged.body().get("errors").get(0).get("field").asText()).isEqualTo("investigator");
    for (String shown : List.of("findings", "findingsSummary", "trackingNumber", "committeeChair")) {
      Answer other = supervisor.post("/engine-rest/task/" + review + "/complete",
          variables("findingsApproved", true, shown, "x"));
      assertThat(other.status()).as(shown).isEqualTo(400);
    }

    StaffClient admin = staff("admin");
    assertThat(admin.get("/engine-rest/task/" + review).status()).isEqualTo(200);
    JsonNode task = admin.get("/engine-rest/task/" + review).body();
    assertThat(admin.get("/engine-rest/process-instance/" + task.get("processInstanceId").asText()
        + "/variables/investigator").body().get("value").asText()).isEqualTo("investigator");
    assertThat(admin.get("/engine-rest/history/process-instance/" + a.processInstanceId()).body().get("state").asText())
        .isEqualTo("ACTIVE");
  }

  record Case(String trackingNumber, String processInstanceId) {}

  private Case newCase() {
    Answer started = staff("intake").post("/engine-rest/process-definition/key/complaint-lifecycle/start", variables(
        "channel", "WALK_IN", "category", "BRIBERY", "subject", "เรียกรับเงิน / Asked for money",
        "description", "เจ้าหน้าที่เรียกเงิน / An official asked for money", "accusedUnit", "กองคลัง",
        "accusedRank", "OPERATIONAL"));
    assertThat(started.status()).as(started.raw()).isEqualTo(200);
    return new Case(started.body().get("businessKey").asText(), started.body().get("id").asText());
  }

  private static String waitForTask(StaffClient who, String trackingNumber, String taskKey) {
    String query = "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber + "&taskDefinitionKey=" + taskKey;
    IntakeOverHttpTest.waitUntil(() -> who.get(query).body().size() == 1);
    return who.get(query).body().get(0).get("id").asText();
  }

  private static void complete(StaffClient who, String task, Map<String, Object> body) {
    Answer answer = who.post("/engine-rest/task/" + task + "/complete", body);
    assertThat(answer.status()).as(answer.raw()).isEqualTo(204);
  }

  private StaffClient staff(String user) {
    return new StaffClient(port, user, "demo");
  }

  private static String basic(String user) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}

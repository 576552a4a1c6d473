package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.go.integritydesk.http.StaffClient.Answer;

/**
 * Who may see and do what: every demo user (and an anonymous caller) against the staff endpoints and the engine REST
 * resources that matter, with the exact answer expected kept in the table below. For list resources the expected
 * answer is the number of entries of one test case the user sees: nobody sees a task, variable or history entry of
 * a group they do not belong to. The matrix is also written to target/authorization-matrix.md.
 */
@HttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  static final List<String> USERS = List.of("anonymous", "intake", "screener", "supervisor", "investigator",
      "investigator2", "authority", "analyst", "admin");

  @LocalServerPort int port;
  String trackingNumber;
  String processInstanceId;
  String screeningTaskId;
  String filterId;

  /** One row: what is asked, and per user (in USERS order) the status, or "=N" for 200 with N entries of the case. */
  record Row(String what, String method, String path, Object body, String... expected) {}

  @BeforeAll
  void aCaseWaitingForScreening() {
    StaffClient intake = new StaffClient(port, "intake", "demo");
    Answer started = intake.post("/engine-rest/process-definition/key/complaint-lifecycle/start", StaffClient.variables(
        "channel", "LETTER", "category", "GIFTS", "subject", "ของขวัญ / Gift", "description", "รับกระเช้า / A hamper",
        "accusedUnit", "กองการเจ้าหน้าที่", "accusedRank", "OPERATIONAL"));
    trackingNumber = started.body().get("businessKey").asText();
    processInstanceId = started.body().get("id").asText();
    StaffClient screener = new StaffClient(port, "screener", "demo");
    IntakeOverHttpTest.waitUntil(() -> screener.get("/engine-rest/task?processInstanceBusinessKey=" + trackingNumber)
        .body().size() == 1);
    filterId = screener.get("/engine-rest/filter?maxResults=1").body().get(0).get("id").asText();
    screeningTaskId = screener.get("/engine-rest/task?processInstanceBusinessKey=" + trackingNumber).body().get(0)
        .get("id").asText();
  }

  List<Row> matrix() {
    String pi = processInstanceId;
    String tn = trackingNumber;
    String task = screeningTaskId;
    //                                                                 anon  intake scr  sup  inv  inv2 auth anal admin
    return List.of(
        new Row("tasks of the case", "GET", "/engine-rest/task?processInstanceBusinessKey=" + tn, null,
            "401", "=0", "=1", "=0", "=0", "=0", "=0", "=0", "=1"),
        // a task the user may not read does not exist for them
        new Row("the screening task", "GET", "/engine-rest/task/" + task, null,
            "401", "404", "200", "404", "404", "404", "404", "404", "200"),
        new Row("its form variables", "GET", "/engine-rest/task/" + task + "/form-variables", null,
            "401", "403", "200", "403", "403", "403", "403", "403", "200"),
        new Row("complete it", "POST", "/engine-rest/task/" + task + "/complete", Map.of(),
            "401", "403", "400", "403", "403", "403", "403", "403", "400"),
        new Row("process definitions", "GET", "/engine-rest/process-definition?latestVersion=true", null,
            "401", "=1", "=1", "=4", "=2", "=2", "=1", "=4", "=4"),
        // 400: allowed, and refused for the empty form; 403: only intake (and administrators) start anything (the gate)
        new Row("start a complaint", "POST", "/engine-rest/process-definition/key/complaint-lifecycle/start",
            Map.of("variables", Map.of()),
            "401", "400", "403", "403", "403", "403", "403", "403", "400"),
        new Row("the running case", "GET", "/engine-rest/process-instance?businessKey=" + tn, null,
            "401", "=0", "=0", "=1", "=0", "=0", "=0", "=0", "=1"),
        // the screener reads only their task's copy of the tracking number and subject (process.CaseOnTaskCards)
        new Row("its variables", "GET", "/engine-rest/variable-instance?processInstanceIdIn=" + pi, null,
            "401", "=0", "=2", "+", "=0", "=0", "=0", "=0", "+"),
        // analysts read models and decisions, not a running case's history or variables
        new Row("its history", "GET", "/engine-rest/history/process-instance?processInstanceId=" + pi, null,
            "401", "=0", "=0", "=1", "=0", "=0", "=0", "=0", "=1"),
        new Row("its variable history", "GET", "/engine-rest/history/variable-instance?processInstanceId=" + pi, null,
            "401", "=0", "=0", "+", "=0", "=0", "=0", "=0", "+"),
        new Row("its task history", "GET", "/engine-rest/history/task?processInstanceId=" + pi, null,
            "401", "=0", "=0", "=1", "=0", "=0", "=0", "=0", "=1"),
        new Row("deploy a model", "POST", "/engine-rest/deployment/create", "multipart",
            "401", "403", "403", "403", "403", "403", "403", "403", "200"),
        new Row("create a user", "POST", "/engine-rest/user/create",
            Map.of("profile", Map.of("id", "mallory"), "credentials", Map.of("password", "Mallory-Passw0rd!")),
            "401", "403", "403", "403", "403", "403", "403", "403", "204"),
        new Row("grant an authorization", "POST", "/engine-rest/authorization/create",
            Map.of("type", 1, "permissions", List.of("ACCESS"), "userId", "mallory", "resourceType", 0, "resourceId", "tasklist"),
            "401", "403", "403", "403", "403", "403", "403", "403", "200"),
        new Row("case file", "GET", "/api/staff/complaints/" + tn, null,
            "401", "200", "200", "200", "404", "404", "404", "404", "404"),
        new Row("reveal identity", "POST", "/api/staff/complaints/" + tn + "/identity",
            Map.of("reason", "ตรวจสอบสิทธิ์ / authorization matrix test"),
            "401", "200", "403", "403", "403", "403", "403", "403", "403"),
        new Row("identity reveal report", "GET", "/api/staff/identity-reveals", null,
            "401", "403", "403", "+", "403", "403", "403", "403", "+"),
        // the engine gate (issue 9): 403 from the gate, 400 for a variable the task's form does not declare
        new Row("gate: expression in an or-query", "POST", "/engine-rest/task?maxResults=5", orQueryExpression(),
            "401", "403", "403", "403", "403", "403", "403", "403", "403"),
        new Row("gate: expression through a stored filter", "POST", "/engine-rest/filter/" + filterId + "/list?maxResults=5",
            orQueryExpression(),
            "401", "403", "403", "403", "403", "403", "403", "403", "403"),
        new Row("gate: start on an existing case with skip flags", "POST",
            "/engine-rest/process-definition/key/complaint-lifecycle/start",
            // for the administrator (whom the gate lets) the engine refuses the variable's unknown type: nothing starts
            Map.of("businessKey", tn, "skipCustomListeners", true, "startInstructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", "request-complainant-info")),
                "variables", Map.of("probe", Map.of("value", "x", "type", "NoSuchType"))),
            "401", "403", "403", "403", "403", "403", "403", "403", "400"),
        new Row("gate: complete with another case's number", "POST", "/engine-rest/task/" + task + "/complete",
            StaffClient.variables("screeningDecision", "REJECT", "screeningReason", "x", "trackingNumber", "ACC-0000-000000"),
            "401", "403", "400", "403", "403", "403", "403", "403", "400"),
        new Row("gate: add a candidate group", "POST", "/engine-rest/task/" + task + "/identity-links",
            Map.of("groupId", "camunda-admin", "type", "candidate"),
            "401", "403", "403", "403", "403", "403", "403", "403", "204"),
        new Row("gate: set a task variable", "PUT", "/engine-rest/task/" + task + "/localVariables/matrixProbe",
            Map.of("value", "x", "type", "String"),
            "401", "403", "403", "403", "403", "403", "403", "403", "204"),
        new Row("gate: correlate a message", "POST", "/engine-rest/message",
            Map.of("messageName", "AppealFiled", "businessKey", tn),
            "401", "403", "403", "403", "403", "403", "403", "403", "400"),
        new Row("gate: suspend the case", "PUT", "/engine-rest/process-instance/" + pi + "/suspended",
            Map.of("suspended", false),
            "401", "403", "403", "403", "403", "403", "403", "403", "204"),
        // referrals are staff intake: only intake records them (201 creates a case)
        new Row("record a referral (staff intake)", "POST", "/api/staff/complaints", Map.of("channel", "REFERRAL_PACC",
            "category", "GIFTS", "subject", "ส่งต่อจาก ป.ป.ท. / PACC referral", "description", "ตามหนังสือ / Per letter",
            "accused", Map.of("unit", "กองคลัง", "rank", "OPERATIONAL"), "referenceNumber", "ปท 0001/2569"),
            "401", "201", "403", "403", "403", "403", "403", "403", "403"),
        // 409: allowed, but the case is not in its appeal window
        new Row("record an appeal", "POST", "/api/staff/complaints/" + tn + "/appeal", Map.of(),
            "401", "403", "403", "403", "403", "403", "409", "403", "403"),
        // 400: allowed, and refused for the missing reason (nothing is withdrawn)
        new Row("record a withdrawal letter", "POST", "/api/staff/complaints/" + tn + "/withdrawal", Map.of("reason", ""),
            "401", "400", "403", "403", "403", "403", "403", "403", "403"),
        new Row("Camunda first-run setup", "POST", "/camunda/api/admin/setup/default/user/create",
            Map.of("profile", Map.of("id", "mallory2"), "credentials", Map.of("password", "Mallory-Passw0rd!")),
            "403", "403", "403", "403", "403", "403", "403", "403", "403"));
  }

  private static Map<String, Object> orQueryExpression() {
    return Map.of("orQueries", List.of(Map.of("candidateUserExpression", "${currentUser()}")));
  }

  @Test
  void everyUserGetsExactlyTheAnswerInTheTable() throws Exception {
    List<String> table = new ArrayList<>();
    table.add("| what | " + String.join(" | ", USERS) + " |");
    table.add("|---|" + "---|".repeat(USERS.size()));
    Map<String, String> mismatches = new LinkedHashMap<>();
    for (Row row : matrix()) {
      List<String> cells = new ArrayList<>();
      for (int u = 0; u < USERS.size(); u++) {
        String actual = ask(USERS.get(u), row);
        String expected = row.expected()[u];
        boolean matches = expected.equals("+") ? actual.startsWith("=") && !actual.equals("=0") : expected.equals(actual);
        if (!matches) {
          mismatches.put(row.what() + " as " + USERS.get(u), "expected " + expected + ", got " + actual);
        }
        cells.add(actual.startsWith("=") ? "200 (" + actual.substring(1) + ")" : actual);
      }
      table.add("| " + row.what() + " | " + String.join(" | ", cells) + " |");
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "authorization-matrix.md"), String.join("\n", table) + "\n");
    assertThat(mismatches).as(String.join("\n", table)).isEmpty();
  }

  private String ask(String user, Row row) {
    StaffClient client = new StaffClient(port, user, "demo");
    Answer answer;
    Map<String, String> headers = new LinkedHashMap<>();
    if (!user.equals("anonymous")) {
      headers.put("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
      // the demo custodians' passphrase: the identity reveal answers by role, not for want of it
      headers.put("X-Custodian-Passphrase", "demo");
    }
    if ("multipart".equals(row.body())) {
      Multipart model = new Multipart()
          .file("data", "probe.bpmn", "application/xml", ("<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
              + " targetNamespace=\"t\"><process id=\"probe-" + user + "\" isExecutable=\"false\"/></definitions>").getBytes());
      headers.put("Content-Type", model.contentType());
      answer = client.raw("POST", row.path(), headers, BodyPublishers.ofByteArray(model.bytes()));
    } else if (row.body() != null) {
      headers.put("Content-Type", "application/json");
      try {
        answer = client.raw(row.method(), row.path(), headers,
            BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(row.body())));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      answer = client.raw(row.method(), row.path(), headers, BodyPublishers.noBody());
    }
    JsonNode body = answer.body();
    if (answer.status() == 200 && body != null && body.isArray()) {
      return "=" + body.size();
    }
    return Integer.toString(answer.status());
  }
}

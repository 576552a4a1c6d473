package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.go.integritydesk.http.StaffClient.Answer;

/**
 * The README walkthrough as the webapps make its calls, through the engine gate, for every demo user: login with the
 * CSRF token, Tasklist's filters, the start form, a task's form, claim and complete; Cockpit as supervisor and
 * analyst; Admin as admin.
 */
@HttpTest
class WebappsThroughTheGateTest {

  static final String ENGINE = "/camunda/api/engine/engine/default";
  static final String COCKPIT = "/camunda/api/cockpit/plugin/base/default";

  @LocalServerPort int port;

  @Test
  void tasklistCockpitAndAdminWorkForEveryDemoUser() {
    // intake records a walk-in complaint with Tasklist's start form
    StaffClient intake = login("intake", "tasklist");
    assertThat(ok(intake.webapp("GET", "/camunda/api/admin/auth/user/default", null)).get("userId").asText())
        .isEqualTo("intake");
    assertThat(ok(intake.webapp("GET", "/camunda/api/engine/engine/", null)).get(0).get("name").asText()).isEqualTo("default");
    ok(intake.webapp("GET", ENGINE + "/identity/groups?userId=intake", null));
    JsonNode startable = ok(intake.webapp("GET", ENGINE + "/process-definition?latest=true&active=true"
        + "&startableInTasklist=true&startablePermissionCheck=true&firstResult=0&maxResults=15&sortBy=name&sortOrder=asc", null));
    assertThat(startable).hasSize(1);
    String definition = startable.get(0).get("id").asText();
    assertThat(ok(intake.webapp("GET", ENGINE + "/process-definition/" + definition + "/startForm", null))).isNotNull();
    assertThat(ok(intake.webapp("GET", ENGINE + "/process-definition/" + definition + "/deployed-start-form", null))
        .get("id").asText()).isEqualTo("record-complaint");
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("channel", Map.of("value", "WALK_IN"));
    form.put("category", Map.of("value", "BRIBERY"));
    form.put("subject", Map.of("value", "เรียกรับเงิน / Asked for money"));
    form.put("description", Map.of("value", "เจ้าหน้าที่เรียกเงินค่าอนุญาต / An official asked for money for a permit"));
    form.put("accusedUnit", Map.of("value", "กองคลัง"));
    form.put("accusedRank", Map.of("value", "OPERATIONAL"));
    form.put("naccFindingOfFault", Map.of("value", false));
    form.put("incidentDate", Map.of("value", "2026-11-01"));
    Answer started = intake.webapp("POST", ENGINE + "/process-definition/" + definition + "/submit-form",
        Map.of("variables", form));
    String trackingNumber = ok(started).get("businessKey").asText();

    // screener: filters, the task, its form, claim, complete
    StaffClient screener = login("screener", "tasklist");
    String screening = claimAndShow(screener, trackingNumber, "screen-complaint");
    complete(screener, screening, Map.of("screeningDecision", Map.of("value", "ACCEPT"),
        "screeningReason", Map.of("value", "มีมูล / Credible")));

    StaffClient supervisor = login("supervisor", "tasklist");
    complete(supervisor, claimAndShow(supervisor, trackingNumber, "assign-investigator"),
        Map.of("investigator", Map.of("value", "investigator"), "assignmentNote", Map.of("value", "ด่วน / Urgent")));
    StaffClient investigator = login("investigator", "tasklist");
    complete(investigator, claimAndShow(investigator, trackingNumber, "conduct-fact-finding"),
        Map.of("findings", Map.of("value", "NO_GROUNDS"), "findingsSummary", Map.of("value", "ไม่พบมูล / No grounds")));
    complete(supervisor, claimAndShow(supervisor, trackingNumber, "review-findings"),
        Map.of("findingsApproved", Map.of("value", true), "reviewComment", Map.of("value", "")));

    // the other officers open Tasklist and see their filters
    for (String user : List.of("authority", "analyst", "investigator2")) {
      StaffClient officer = login(user, "tasklist");
      JsonNode filters = ok(officer.webapp("GET", ENGINE + "/filter?resourceType=Task&itemCount=true", null));
      assertThat(filters.size()).as(user).isGreaterThanOrEqualTo(8);
      ok(officer.webapp("POST", ENGINE + "/filter/" + filters.get(0).get("id").asText() + "/list?firstResult=0&maxResults=15",
          Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")))));
    }

    // Cockpit: supervisor and analyst watch the cases
    for (String user : List.of("supervisor", "analyst")) {
      StaffClient cockpit = login(user, "cockpit");
      JsonNode statistics = ok(cockpit.webapp("GET", ENGINE + "/process-definition/statistics?rootIncidents=true", null));
      assertThat(statistics.size()).as(user).isGreaterThanOrEqualTo(1);
      ok(cockpit.webapp("GET", COCKPIT + "/process-definition/statistics-count", null));
      ok(cockpit.webapp("GET", ENGINE + "/incident?firstResult=0&maxResults=50", null));
      ok(cockpit.webapp("GET", ENGINE + "/incident/count", null));
      ok(cockpit.webapp("POST", COCKPIT + "/incident?firstResult=0&maxResults=50", Map.of()));
      ok(cockpit.webapp("POST", ENGINE + "/history/process-instance?firstResult=0&maxResults=50",
          Map.of("processInstanceBusinessKey", trackingNumber)));
      ok(cockpit.webapp("GET", ENGINE + "/decision-definition?latestVersion=true&firstResult=0&maxResults=50", null));
    }
    StaffClient cockpit = login("supervisor", "cockpit");
    JsonNode instances = ok(cockpit.webapp("POST", COCKPIT + "/process-instance?firstResult=0&maxResults=50",
        Map.of("processDefinitionId", definition, "sorting", List.of(Map.of("sortBy", "startTime", "sortOrder", "desc")))));
    assertThat(instances.isArray()).isTrue(); // the walkthrough's case is closed (no grounds) by now
    assertThat(ok(cockpit.webapp("POST", ENGINE + "/history/process-instance?firstResult=0&maxResults=50",
        Map.of("processInstanceBusinessKey", trackingNumber))).toString()).contains(trackingNumber).contains("COMPLETED");
    ok(cockpit.webapp("POST", COCKPIT + "/process-instance/count", Map.of("processDefinitionId", definition)));
    ok(cockpit.webapp("GET", ENGINE + "/process-definition/" + definition + "/xml", null));
    // a supervisor watches, never steers
    assertThat(cockpit.webapp("PUT", ENGINE + "/process-definition/" + definition + "/suspended",
        Map.of("suspended", true, "includeProcessInstances", true)).status()).isEqualTo(403);

    // Admin: users, groups, authorizations
    StaffClient admin = login("admin", "admin");
    assertThat(ok(admin.webapp("GET", ENGINE + "/user?firstResult=0&maxResults=50", null)).size()).isGreaterThanOrEqualTo(8);
    ok(admin.webapp("GET", ENGINE + "/user/count", null));
    assertThat(ok(admin.webapp("GET", ENGINE + "/group?firstResult=0&maxResults=50", null)).toString()).contains("screening");
    ok(admin.webapp("GET", ENGINE + "/authorization?resourceType=0&firstResult=0&maxResults=50", null));
    ok(admin.webapp("GET", ENGINE + "/authorization/count?resourceType=0", null));
    ok(admin.webapp("GET", ENGINE + "/user/intake/profile", null));
    ok(admin.webapp("GET", ENGINE + "/group?member=intake&firstResult=0&maxResults=50", null));
    // and the webapp still needs its CSRF token: the gate comes on top of Camunda's own checks
    assertThat(admin.sessionPost(ENGINE + "/user/create", Map.of("profile", Map.of("id", "mallory")), false).status())
        .isEqualTo(403);
  }

  private StaffClient login(String user, String app) {
    StaffClient client = new StaffClient(port, user, "demo");
    assertThat(client.loginTo(app).status()).as(user + " logs into " + app).isEqualTo(200);
    // the webapp then loads its first page, which hands out the new session's CSRF token
    ok(client.webapp("GET", "/camunda/api/admin/auth/user/default", null));
    return client;
  }

  /** Tasklist: the filters, the task in "My tasks" or "My groups' tasks", its form and values, then Claim. */
  private static String claimAndShow(StaffClient officer, String trackingNumber, String taskKey) {
    JsonNode filters = ok(officer.webapp("GET", ENGINE + "/filter?resourceType=Task&itemCount=true", null));
    List<String> mine = new java.util.ArrayList<>();
    for (JsonNode filter : filters) {
      String name = filter.get("name").asText();
      if (name.contains("My tasks") || name.contains("My groups' tasks")) {
        mine.add(filter.get("id").asText());
      }
    }
    assertThat(mine).hasSize(2);
    String[] taskId = new String[1];
    String[] found = new String[1];
    IntakeOverHttpTest.waitUntil(() -> {
      for (String filter : mine) {
        JsonNode page = ok(officer.webapp("POST", ENGINE + "/filter/" + filter + "/list?firstResult=0&maxResults=50",
            Map.of("processInstanceBusinessKey", trackingNumber, "sorting",
                List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")))));
        for (JsonNode task : page) {
          if (task.get("taskDefinitionKey").asText().equals(taskKey)) {
            taskId[0] = task.get("id").asText();
            found[0] = filter;
          }
        }
      }
      return taskId[0] != null;
    });
    String filter = found[0];
    ok(officer.webapp("POST", ENGINE + "/filter/" + filter + "/count", Map.of("processInstanceBusinessKey", trackingNumber)));
    String task = ENGINE + "/task/" + taskId[0];
    ok(officer.webapp("GET", task, null));
    ok(officer.webapp("GET", task + "/form", null));
    assertThat(ok(officer.webapp("GET", task + "/deployed-form", null)).get("components")).isNotEmpty();
    ok(officer.webapp("GET", task + "/form-variables", null));
    ok(officer.webapp("GET", task + "/identity-links", null));
    ok(officer.webapp("GET", ENGINE + "/history/user-operation?taskId=" + taskId[0] + "&maxResults=50", null));
    Answer claimed = officer.webapp("POST", task + "/claim", Map.of("userId", userOf(officer, task)));
    assertThat(claimed.status()).as(claimed.raw()).isEqualTo(204);
    return taskId[0];
  }

  private static String userOf(StaffClient officer, String task) {
    return ok(officer.webapp("GET", "/camunda/api/admin/auth/user/default", null)).get("userId").asText();
  }

  private static void complete(StaffClient officer, String taskId, Map<String, Object> variables) {
    Answer done = officer.webapp("POST", ENGINE + "/task/" + taskId + "/submit-form", Map.of("variables", variables));
    assertThat(done.status()).as(done.raw()).isEqualTo(204);
  }

  private static JsonNode ok(Answer answer) {
    assertThat(answer.status()).as(answer.raw()).isBetween(200, 204);
    return answer.body();
  }
}

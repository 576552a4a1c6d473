package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.go.integritydesk.gate.GateRules;
import th.go.integritydesk.gate.GateRules.Api;
import th.go.integritydesk.gate.GateRules.Rule;
import th.go.integritydesk.http.StaffClient.Answer;
import th.go.integritydesk.identity.Groups;

/**
 * Every operation the engine gate allows, tried by every demo group through the engine REST API (HTTP Basic) and
 * through the webapps' API (session and CSRF token), plus a sample of refused ones: the gate lets a call through
 * exactly for the users in the table (the engine may still answer 403 or 404 by its own authorizations, or 400 for an
 * empty form). A second test proves the table covers every rule of {@link GateRules}. Calls that would change
 * something go to ids that do not exist, or are undone.
 */
@HttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineGateAllowlistTest {

  static final Map<String, String> GROUP_OF = new LinkedHashMap<>();
  static {
    GROUP_OF.put("intake", Groups.INTAKE);
    GROUP_OF.put("screener", Groups.SCREENING);
    GROUP_OF.put("supervisor", Groups.SUPERVISOR);
    GROUP_OF.put("investigator", Groups.INVESTIGATOR);
    GROUP_OF.put("authority", Groups.DISCIPLINARY_AUTHORITY);
    GROUP_OF.put("analyst", Groups.ANALYST);
    GROUP_OF.put("admin", Groups.ADMIN);
  }
  static final String ALL = "intake,screener,supervisor,investigator,authority,analyst,admin";
  static final String COCKPIT = "supervisor,analyst,admin";
  static final String ADMIN = "admin";

  @LocalServerPort int port;
  String task;
  String instance;
  String definition;
  String filter;
  final Map<String, StaffClient> sessions = new LinkedHashMap<>();

  /** One call, and the users whose call the gate lets through. */
  record Probe(Api api, String method, String path, Object body, String allowed) {}

  @BeforeAll
  void aCaseWaitingForScreening() {
    StaffClient intake = new StaffClient(port, "intake", "demo");
    Answer started = intake.post("/engine-rest/process-definition/key/complaint-lifecycle/start", StaffClient.variables(
        "channel", "HOTLINE", "category", "GIFTS", "subject", "ของขวัญ / Gift", "description", "รับกระเช้า / A hamper",
        "accusedUnit", "กองคลัง", "accusedRank", "OPERATIONAL"));
    assertThat(started.status()).as(started.raw()).isEqualTo(200);
    instance = started.body().get("id").asText();
    definition = started.body().get("definitionId").asText();
    StaffClient screener = new StaffClient(port, "screener", "demo");
    String query = "/engine-rest/task?processInstanceBusinessKey=" + started.body().get("businessKey").asText();
    IntakeOverHttpTest.waitUntil(() -> screener.get(query).body().size() == 1);
    task = screener.get(query).body().get(0).get("id").asText();
    filter = screener.get("/engine-rest/filter?maxResults=1").body().get(0).get("id").asText();
    for (String user : GROUP_OF.keySet()) {
      StaffClient session = new StaffClient(port, user, "demo");
      assertThat(session.loginToTasklist().status()).as(user).isEqualTo(200);
      sessions.put(user, session);
    }
  }

  List<Probe> probes() {
    Map<String, Object> empty = Map.of();
    Map<String, Object> noVariables = Map.of("variables", Map.of());
    String t = "/task/" + task;
    String pd = "/process-definition/" + definition;
    String pi = "/process-instance/" + instance;
    String f = "/filter/" + filter;
    List<Probe> probes = new ArrayList<>(List.of(
        // every staff member: Tasklist
        get("/engine", ALL), get("/version", ALL), get("/identity/groups?userId=admin", ALL),
        get("/identity/password-policy", ALL), get("/user", ALL), get("/user/count", ALL),
        get("/user/admin/profile", ALL),
        // one's own account only (administrators: anyone's); a user that does not exist, so nothing changes
        put("/user/no-such-user/credentials", Map.of("password", "Changed-Passw0rd!", "authenticatedUserPassword", "demo"),
            ADMIN),
        put("/user/no-such-user/profile", Map.of("id", "no-such-user"), ADMIN), get("/group", ALL), get("/group/count", ALL), get("/group/screening", ALL),
        get("/tenant", ALL), get("/tenant/count", ALL),
        get("/authorization/check?permissionName=READ&resourceName=Filter&resourceType=5", ALL),
        get("/filter", ALL), get("/filter/count", ALL), get(f, ALL), new Probe(Api.ENGINE, "OPTIONS", f, null, ALL),
        get(f + "/list", ALL), get(f + "/count", ALL), get(f + "/singleResult", ALL),
        post(f + "/list?firstResult=0&maxResults=15", Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc"))), ALL),
        post(f + "/count", empty, ALL),
        get("/task", ALL), get("/task/count", ALL), post("/task", empty, ALL), post("/task/count", empty, ALL),
        get(t, ALL), get(t + "/form", ALL), get(t + "/deployed-form", ALL), get(t + "/rendered-form", ALL),
        get(t + "/form-variables", ALL), get(t + "/variables", ALL), get(t + "/variables/subject", ALL),
        get(t + "/variables/subject/data", ALL), get(t + "/identity-links", ALL), get(t + "/comment", ALL),
        get(t + "/comment/no-such-comment", ALL), post(t + "/comment/create", Map.of("message", "probe"), ALL),
        get(t + "/attachment", ALL),
        // unclaim: the gate refuses the screener, who sees the task but does not hold it; for those who cannot see the
        // task the engine answers (as for any task they may not see)
        claimForSelf(t), post(t + "/unclaim", empty, "intake,supervisor,investigator,authority,analyst,admin"),
        post(t + "/complete", noVariables, ALL), post(t + "/submit-form", noVariables, ALL),
        get("/process-definition", ALL), get("/process-definition/count", ALL), get(pd, ALL), get(pd + "/xml", ALL),
        get(pd + "/startForm", ALL), get(pd + "/deployed-start-form", ALL), get(pd + "/rendered-form", ALL),
        get(pd + "/form-variables", ALL), get("/process-definition/key/complaint-lifecycle", ALL),
        get("/process-definition/key/complaint-lifecycle/xml", ALL),
        get("/process-definition/key/complaint-lifecycle/deployed-start-form", ALL),
        get("/process-definition/key/complaint-lifecycle/form-variables", ALL),
        get(pi + "/activity-instances", ALL),
        get("/history/user-operation", ALL), get("/history/user-operation/count", ALL),
        get("/history/identity-link-log", ALL), get("/history/identity-link-log/count", ALL),
        get("/history/process-instance", ALL), get("/history/process-instance/count", ALL),
        get("/history/process-instance/" + instance, ALL), get("/history/variable-instance", ALL),
        get("/history/variable-instance/count", ALL), get("/history/task", ALL), get("/history/task/count", ALL),
        get("/process-instance", ALL), get("/process-instance/count", ALL), get(pi, ALL),
        get("/variable-instance", ALL), get("/variable-instance/count", ALL),
        // intake: a new complaint with the start form (the empty form is refused by the engine: 400)
        post(pd + "/submit-form", noVariables, "intake,admin"), post(pd + "/start", noVariables, "intake,admin"),
        post("/process-definition/key/complaint-lifecycle/submit-form", noVariables, "intake,admin"),
        post("/process-definition/key/complaint-lifecycle/start", noVariables, "intake,admin"),
        // Cockpit, read only
        get("/incident", COCKPIT), get("/job", COCKPIT), get("/deployment", COCKPIT),
        get("/process-definition/statistics", COCKPIT), get(pi + "/variables", COCKPIT),
        post("/process-instance", empty, COCKPIT), post("/process-instance/count", empty, COCKPIT),
        post("/variable-instance", empty, COCKPIT), post("/variable-instance/count", empty, COCKPIT),
        post("/execution", empty, COCKPIT), post("/execution/count", empty, COCKPIT),
        post("/job", empty, COCKPIT), post("/job/count", empty, COCKPIT),
        post("/external-task", empty, COCKPIT), post("/external-task/count", empty, COCKPIT),
        post("/history/process-instance", empty, COCKPIT), post("/history/process-instance/count", empty, COCKPIT),
        new Probe(Api.COCKPIT, "GET", "/base/process-definition/statistics-count", null, COCKPIT),
        new Probe(Api.COCKPIT, "POST", "/base/process-instance", empty, COCKPIT),
        new Probe(Api.COCKPIT, "POST", "/base/process-instance/count", empty, COCKPIT),
        new Probe(Api.COCKPIT, "POST", "/base/incident", empty, COCKPIT),
        new Probe(Api.COCKPIT, "POST", "/base/incident/count", empty, COCKPIT),
        new Probe(Api.COCKPIT, "POST", "/base/process-definition/" + definition + "/called-process-definitions", empty, COCKPIT),
        new Probe(Api.COCKPIT, "POST", "/base/process-instance/" + instance + "/called-process-instances", empty, COCKPIT),
        // administrators only: filters (with Tasklist's expressions), Admin plugins, operations
        post("/filter/create", Map.of("resourceType", "Task", "name", "gate probe", "query",
            Map.of("assigneeExpression", "${currentUser()}")), ADMIN),
        put("/filter/no-such-filter", Map.of("resourceType", "Task", "name", "x", "query", Map.of()), ADMIN),
        new Probe(Api.ADMIN, "GET", "/adminPlugins/metrics/sum", null, ADMIN),
        new Probe(Api.TASKLIST, "GET", "/none/anything", null, ADMIN),
        // refused for every officer (a sample; issue 9)
        post(t + "/identity-links", Map.of("groupId", "camunda-admin", "type", "candidate"), ADMIN),
        post("/task/no-such-task/identity-links/delete", Map.of("groupId", "screening", "type", "candidate"), ADMIN),
        put(t + "/localVariables/gateProbe", Map.of("value", "x", "type", "String"), ADMIN),
        post("/task/no-such-task/delegate", Map.of("userId", "admin"), ADMIN),
        post("/task/no-such-task/resolve", empty, ADMIN),
        post("/task/no-such-task/assignee", Map.of("userId", "admin"), ADMIN),
        put("/task/no-such-task", Map.of("name", "x"), ADMIN),
        put(pi + "/variables/gateProbe", Map.of("value", "x", "type", "String"), ADMIN),
        post("/process-instance/no-such-instance/variables", Map.of("modifications", Map.of()), ADMIN),
        post("/process-instance/no-such-instance/modification", Map.of("instructions", List.of()), ADMIN),
        put(pi + "/suspended", Map.of("suspended", false), ADMIN),
        new Probe(Api.ENGINE, "DELETE", "/process-instance/no-such-instance", null, ADMIN),
        post("/migration/execute", empty, ADMIN),
        post("/message", Map.of("messageName", "NoSuchMessage", "businessKey", "ACC-0000-000000"), ADMIN),
        post("/signal", Map.of("name", "NoSuchSignal"), ADMIN),
        post("/job/no-such-job/execute", empty, ADMIN),
        put("/job/no-such-job/retries", Map.of("retries", 1), ADMIN),
        put("/incident/no-such-incident/annotation", Map.of("annotation", "x"), ADMIN),
        post("/process-definition/key/fact-finding/start", Map.of("startInstructions", List.of(Map.of(
            "type", "startBeforeActivity", "activityId", "no-such-activity"))), ADMIN),
        post("/user/create", Map.of("profile", Map.of()), ADMIN),
        put("/group/no-such-group", Map.of("id", "no-such-group", "name", "x", "type", "WORKFLOW"), ADMIN),
        post("/authorization/create", Map.of(), ADMIN),
        new Probe(Api.ENGINE, "DELETE", "/deployment/no-such-deployment", null, ADMIN),
        post("/history/process-instance/delete", Map.of(), ADMIN),
        post("/history/no-such-resource", Map.of(), ADMIN)));
    return probes;
  }

  @Test
  void theGateLetsThroughExactlyTheUsersInTheTable() {
    Map<String, String> mismatches = new LinkedHashMap<>();
    for (Probe probe : probes()) {
      Set<String> allowed = probe.allowed().isEmpty() ? Set.of() : Set.of(probe.allowed().split(","));
      for (String user : GROUP_OF.keySet()) {
        for (boolean webapp : List.of(false, true)) {
          if (!webapp && probe.api() != Api.ENGINE) {
            continue;
          }
          Answer answer = ask(user, probe, webapp);
          boolean refusedByGate = answer.status() == 403 && answer.body() != null && answer.body().has("type")
              && answer.body().get("type").asText().equals(EngineGateAttacksTest.GATE_REFUSAL);
          if (refusedByGate == allowed.contains(user) || answer.status() == 401) {
            mismatches.put(probe.method() + " " + probe.path() + " as " + user + (webapp ? " (webapp)" : ""),
                answer.status() + " " + answer.raw());
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  /** Every rule of the gate is reached by at least one probe made by a user whose group the rule names. */
  @Test
  void theTableTriesEveryRuleOfTheGate() {
    List<Probe> probes = probes();
    for (Rule rule : GateRules.RULES) {
      boolean tried = probes.stream().anyMatch(probe -> !probe.allowed().isEmpty()
          && Set.of(probe.allowed().split(",")).stream().anyMatch(user -> rule.groups().contains(GROUP_OF.get(user))
          && GateRules.find(List.of(GROUP_OF.get(user)), probe.method(), probe.api(), pathOnly(probe.path()))
              .filter(rule::equals).isPresent()));
      assertThat(tried).as(rule.methods() + " " + rule.api() + " " + rule.pattern() + " tried").isTrue();
    }
  }

  private Answer ask(String user, Probe probe, boolean webapp) {
    if (!webapp) {
      return new StaffClient(port, user, "demo").send(probe.method(), "/engine-rest" + probe.path(), probe.body());
    }
    String base = switch (probe.api()) {
      case ENGINE -> "/camunda/api/engine/engine/default";
      case COCKPIT, ADMIN, TASKLIST -> pluginBase(probe);
    };
    String path = probe.api() == Api.ENGINE ? probe.path() : pluginPath(probe.path());
    return sessions.get(user).webapp(probe.method(), base + path, probe.body());
  }

  private static String pluginBase(Probe probe) {
    String plugin = probe.path().split("/")[1];
    return "/camunda/api/" + probe.api().name().toLowerCase() + "/plugin/" + plugin + "/default";
  }

  private static String pluginPath(String path) {
    return path.substring(path.indexOf('/', 1));
  }

  private static String pathOnly(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  private Probe claimForSelf(String t) {
    // the body names the caller; built per user in ask() would hide the rule, so the claim names "admin":
    // allowed for admin only, refused for every officer as a claim for someone else
    return post(t + "/claim", Map.of("userId", "admin"), ADMIN);
  }

  private static Probe get(String path, String allowed) {
    return new Probe(Api.ENGINE, "GET", path, null, allowed);
  }

  private static Probe post(String path, Object body, String allowed) {
    return new Probe(Api.ENGINE, "POST", path, body, allowed);
  }

  private static Probe put(String path, Object body, String allowed) {
    return new Probe(Api.ENGINE, "PUT", path, body, allowed);
  }
}

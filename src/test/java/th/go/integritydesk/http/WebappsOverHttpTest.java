package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.integritydesk.http.StaffClient.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.go.integritydesk.http.StaffClient.Answer;
import th.go.integritydesk.identity.StaffAuthorizations;
import th.go.integritydesk.process.CaseOnTaskCards;

/**
 * Tasklist, Cockpit and Admin as officers use them, called over HTTP the way their pages call the server: the Thai
 * files and settings they load, the case on every task card and in the search, and the bounded queries that still
 * let every screen list what it needs while outside REST clients must page.
 */
@HttpTest
class WebappsOverHttpTest {

  private static final String HAL = "application/hal+json";
  private static final String JSON = "application/json";
  private static final String MY_GROUPS_TASKS = "งานของกลุ่ม / My groups' tasks";
  private static final String MY_TASKS = "งานของฉัน / My tasks";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired StaffAuthorizations staffAuthorizations;
  @Autowired CaseOnTaskCards caseOnTaskCards;

  @Test
  void theWebappsLoadOurThaiFilesAndSettings() {
    StaffClient browser = new StaffClient(port, "nobody", "none");
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      Answer thai = browser.anonymousGet("/camunda/app/" + app + "/locales/th.json?bust=7.24.0");
      assertThat(thai.status()).as(app).isEqualTo(200);
      assertThat(thai.body().path("labels").size()).as(app).isGreaterThan(100);
      assertThat(browser.anonymousGet("/camunda/app/" + app + "/locales/en.json").status()).as(app).isEqualTo(200);
      assertThat(browser.anonymousGet("/camunda/app/" + app + "/scripts/config.js").raw())
          .as(app).contains("availableLocales: ['th', 'en']");
      assertThat(browser.anonymousGet("/camunda/app/" + app + "/styles/user-styles.css").raw())
          .as(app).contains(".ce-eol-banner").contains("display: none");
    }
    assertThat(browser.anonymousGet("/camunda/lib/bangkok-time.js").raw()).contains("date.utcOffset(OFFSET_MINUTES");
    assertThat(browser.anonymousGet("/camunda/app/tasklist/locales/th.json").body()
        .path("labels").path("CLAIM_TASK").asText()).isEqualTo("รับงาน");
  }

  @Test
  void everyTaskCardShowsItsCaseAndTheTrackingNumberFindsItInEveryProcess() {
    StaffClient intake = staff("intake");
    String subject = "ทุจริตจัดซื้อครุภัณฑ์ / Equipment purchase fraud";
    Answer started = intake.post("/engine-rest/process-definition/key/complaint-lifecycle/start", variables(
        "channel", "WALK_IN", "category", "PROCUREMENT", "subject", subject,
        "description", "ผู้ร้องพบการแบ่งซื้อแบ่งจ้าง / Purchases split to avoid tendering",
        "accusedUnit", "กองคลัง", "accusedRank", "OPERATIONAL"));
    assertThat(started.status()).as(started.raw()).isEqualTo(200);
    String trackingNumber = started.body().get("businessKey").asText();

    // complaint-lifecycle: the screener's card
    StaffClient screener = webappUser("screener", "tasklist");
    JsonNode card = onlyCardOfTheCase(screener, trackingNumber, "screen-complaint");
    assertThat(cardVariables(card)).containsEntry("trackingNumber", trackingNumber).containsEntry("subject", subject);
    assertThat(card.path("due").isNull()).as("due date on the card").isFalse();
    assertThat(screener.tasklistPost("/task/" + card.get("id").asText() + "/submit-form",
        variables("screeningDecision", "ACCEPT", "screeningReason", "มีมูล / Credible")).status()).isEqualTo(204);

    // fact-finding (called process): the supervisor's card
    StaffClient supervisor = webappUser("supervisor", "tasklist");
    card = onlyCardOfTheCase(supervisor, trackingNumber, "assign-investigator");
    assertThat(cardVariables(card)).containsEntry("trackingNumber", trackingNumber).containsEntry("subject", subject);
    complete(supervisor, card, variables("investigator", "investigator"));
    StaffClient investigator = webappUser("investigator", "tasklist");
    complete(investigator, onlyCardOfTheCase(investigator, MY_TASKS, trackingNumber, "conduct-fact-finding"),
        variables("findings", "MINOR_OFFENCE", "findingsSummary", "มีมูลความผิดไม่ร้ายแรง / Minor offence"));
    complete(supervisor, onlyCardOfTheCase(supervisor, trackingNumber, "review-findings"),
        variables("findingsApproved", true));

    // disciplinary-action (called process): the authority's card
    StaffClient authority = webappUser("authority", "tasklist");
    card = onlyCardOfTheCase(authority, trackingNumber, "decide-penalty");
    assertThat(cardVariables(card)).containsEntry("trackingNumber", trackingNumber).containsEntry("subject", subject);

    // Tasklist's search box: "Process Instance Business Key" (เลขรับเรื่อง) like the number, as Tasklist sends it
    String filter = filterId(authority, MY_GROUPS_TASKS);
    Answer byKey = authority.webapp("POST", "engine/engine/default/filter/" + filter
        + "/list?firstResult=0&maxResults=15", Map.of("processInstanceBusinessKeyLike", "%" + trackingNumber + "%"), HAL);
    assertThat(tasks(byKey)).extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly("decide-penalty");
  }

  @Test
  void anExistingInstallGetsTheCaseOnItsFiltersAndOpenTasksAtStartUp() {
    Answer started = staff("intake").post("/engine-rest/process-definition/key/complaint-lifecycle/start", variables(
        "channel", "LETTER", "category", "GIFTS", "subject", "รับของขวัญ / Gifts accepted",
        "description", "ผู้ร้องเห็นการรับของขวัญ / The complainant saw gifts accepted",
        "accusedUnit", "กองคลัง", "accusedRank", "OPERATIONAL"));
    String trackingNumber = started.body().get("businessKey").asText();
    IntakeOverHttpTest.waitUntil(() -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(trackingNumber).count() == 1);
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(trackingNumber).singleResult();
    Filter myTasks = engine.getFilterService().createFilterQuery().filterName(MY_TASKS).singleResult();
    // as an install from before the cards showed the case: a filter an administrator coloured, a task without the copy
    myTasks.setProperties(new HashMap<>(Map.of("priority", -10, "color", "#b5152b")));
    engine.getFilterService().saveFilter(myTasks);
    engine.getTaskService().removeVariablesLocal(task.getId(), List.of("trackingNumber", "subject"));

    staffAuthorizations.postProcessEngineBuild(engine);
    caseOnTaskCards.postProcessEngineBuild(engine);

    Map<String, Object> properties = engine.getFilterService().getFilter(myTasks.getId()).getProperties();
    assertThat(properties).containsEntry("color", "#b5152b").containsEntry("priority", -10);
    assertThat(properties.get("variables")).asList().hasSize(2);
    assertThat(engine.getTaskService().getVariablesLocal(task.getId()))
        .containsEntry("trackingNumber", trackingNumber).containsEntry("subject", "รับของขวัญ / Gifts accepted");
  }

  /** The start-up copy finds the tasks without their case in one query, and one it cannot fill does not stop it. */
  @Test
  void theStartUpCopyPassesOverATaskWhoseCaseHasNoNumber() {
    String[] numbers = new String[2];
    for (int i = 0; i < 2; i++) {
      Answer started = staff("intake").post("/engine-rest/process-definition/key/complaint-lifecycle/start", variables(
          "channel", "LETTER", "category", "GIFTS", "subject", "รับของขวัญ / Gifts accepted " + i,
          "description", "ผู้ร้องเห็นการรับของขวัญ / The complainant saw gifts accepted",
          "accusedUnit", "กองคลัง", "accusedRank", "OPERATIONAL"));
      String number = started.body().get("businessKey").asText();
      numbers[i] = number;
      IntakeOverHttpTest.waitUntil(() -> engine.getTaskService().createTaskQuery()
          .processInstanceBusinessKey(number).count() == 1);
    }
    Task fillable = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(numbers[0]).singleResult();
    Task unfillable = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(numbers[1]).singleResult();
    try {
      for (Task task : List.of(fillable, unfillable)) {
        engine.getTaskService().removeVariablesLocal(task.getId(), List.of("trackingNumber", "subject"));
      }
      engine.getRuntimeService().removeVariable(unfillable.getProcessInstanceId(), "trackingNumber");

      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
          () -> caseOnTaskCards.postProcessEngineBuild(engine));

      assertThat(engine.getTaskService().getVariablesLocal(fillable.getId()))
          .containsEntry("trackingNumber", numbers[0]).containsEntry("subject", "รับของขวัญ / Gifts accepted 0");
      assertThat(engine.getTaskService().getVariablesLocal(unfillable.getId()))
          .doesNotContainKey("trackingNumber").containsEntry("subject", "รับของขวัญ / Gifts accepted 1");
    } finally {
      engine.getRuntimeService().deleteProcessInstance(unfillable.getProcessInstanceId(), "test case without a number");
    }
  }

  @Test
  void everyWebappScreenListsSeveralVersionsWhileOutsideClientsMustPage() {
    StaffClient admin = webappUser("admin", "cockpit");
    // a second and a third version of every model, as Cockpit's "Redeploy" makes them
    JsonNode deployments = admin.webapp("GET", "engine/engine/default/deployment?sortBy=deploymentTime&sortOrder=asc"
        + "&firstResult=0&maxResults=1", null, JSON).body();
    String first = deployments.get(0).get("id").asText();
    for (int i = 0; i < 2; i++) {
      Answer redeployed = admin.webapp("POST", "engine/engine/default/deployment/" + first + "/redeploy", Map.of(), JSON);
      assertThat(redeployed.status()).as(redeployed.raw()).isEqualTo(200);
    }

    StaffClient supervisor = webappUser("supervisor", "cockpit");
    // what Cockpit's definition pages, deployments page and Admin's lists ask for without maxResults
    Map<String, String> unbounded = new HashMap<>();
    for (String key : List.of("complaint-lifecycle", "fact-finding", "disciplinary-action")) {
      unbounded.put("process-definition?key=" + key + "&sortBy=version&sortOrder=desc&withoutTenantId=true", key);
    }
    unbounded.put("decision-definition?key=complaint-routing&sortBy=version&sortOrder=desc&withoutTenantId=true",
        "complaint-routing");
    for (Map.Entry<String, String> call : unbounded.entrySet()) {
      Answer versions = supervisor.webapp("GET", "engine/engine/default/" + call.getKey(), null, JSON);
      assertThat(versions.status()).as(call.getKey() + ": " + versions.raw()).isEqualTo(200);
      assertThat(versions.body().size()).as(call.getValue() + " versions").isGreaterThanOrEqualTo(3);
      assertThat(versions.body().get(0).get("version").asInt()).isGreaterThan(versions.body().get(1).get("version").asInt());
    }
    assertThat(admin.webapp("GET", "engine/engine/default/user", null, JSON).status()).isEqualTo(200);
    assertThat(admin.webapp("GET", "engine/engine/default/group?sortBy=id&sortOrder=asc", null, JSON).status())
        .isEqualTo(200);
    assertThat(admin.webapp("GET", "engine/engine/default/authorization?resourceType=0", null, JSON).status())
        .isEqualTo(200);
    // a webapp asking for more than the limit gets the limit, not a 400
    assertThat(supervisor.webapp("GET", "engine/engine/default/process-definition?maxResults=100000", null, JSON)
        .status()).isEqualTo(200);

    // outside clients of /engine-rest stay bounded: no maxResults is refused, paging works
    StaffClient restClient = staff("supervisor");
    Answer refused = restClient.getAsIs("/engine-rest/process-definition?key=complaint-lifecycle");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("message").asText()).contains("unbound number of results");
    Answer page = restClient.getAsIs("/engine-rest/process-definition?key=complaint-lifecycle&sortBy=version"
        + "&sortOrder=asc&firstResult=1&maxResults=2");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).hasSize(2);
    assertThat(page.body().get(0).get("version").asInt()).isEqualTo(2);
  }

  private StaffClient staff(String user) {
    return new StaffClient(port, user, "demo");
  }

  private StaffClient webappUser(String user, String app) {
    StaffClient client = staff(user);
    Answer login = client.loginTo(app);
    assertThat(login.status()).as(user + " logs into " + app + ": " + login.raw()).isEqualTo(200);
    return client;
  }

  /** The task of this case in the user's "My groups' tasks", listed as Tasklist lists a filter (HAL, with variables). */
  private static JsonNode onlyCardOfTheCase(StaffClient who, String trackingNumber, String taskKey) {
    return onlyCardOfTheCase(who, MY_GROUPS_TASKS, trackingNumber, taskKey);
  }

  private static JsonNode onlyCardOfTheCase(StaffClient who, String filterName, String trackingNumber, String taskKey) {
    String filter = filterId(who, filterName);
    JsonNode properties = who.webapp("GET", "engine/engine/default/filter/" + filter, null, JSON).body()
        .path("properties");
    assertThat(properties.path("variables").findValuesAsText("name")).containsExactly("trackingNumber", "subject");
    List<JsonNode> found = new ArrayList<>();
    try {
      waitForCard(who, trackingNumber, filter, found);
    } catch (AssertionError notFound) {
      throw new AssertionError(taskKey + " not found by trackingNumber; the case's tasks for this user: "
          + who.webapp("GET", "engine/engine/default/task?processInstanceBusinessKey=" + trackingNumber, null, JSON).raw()
          + "; unfiltered list: " + who.webapp("POST", "engine/engine/default/filter/" + filter + "/list?firstResult=0"
          + "&maxResults=50", Map.of(), HAL).raw(), notFound);
    }
    assertThat(found).extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly(taskKey);
    return found.get(0);
  }

  private static void waitForCard(StaffClient who, String trackingNumber, String filter, List<JsonNode> found) {
    IntakeOverHttpTest.waitUntil(() -> {
      found.clear();
      // the search box's "Process Variable trackingNumber = …" criterion
      Answer list = who.webapp("POST", "engine/engine/default/filter/" + filter + "/list?firstResult=0&maxResults=15",
          Map.of("processVariables", List.of(Map.of("name", "trackingNumber", "operator", "eq", "value", trackingNumber)),
              "sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc"))), HAL);
      assertThat(list.status()).as(list.raw()).isEqualTo(200);
      found.addAll(tasks(list));
      return !found.isEmpty();
    });
  }

  private static String filterId(StaffClient who, String name) {
    JsonNode filters = who.webapp("GET", "engine/engine/default/filter?resourceType=Task&itemCount=false", null, JSON)
        .body();
    for (JsonNode filter : filters) {
      if (filter.get("name").asText().equals(name)) {
        return filter.get("id").asText();
      }
    }
    throw new AssertionError("no filter " + name + " in " + filters);
  }

  private static List<JsonNode> tasks(Answer halList) {
    List<JsonNode> tasks = new ArrayList<>();
    halList.body().path("_embedded").path("task").forEach(tasks::add);
    return tasks;
  }

  /** The variables Tasklist shows on the card: embedded in the HAL task by the filter's "variables" property. */
  private static Map<String, String> cardVariables(JsonNode task) {
    Map<String, String> shown = new HashMap<>();
    task.path("_embedded").path("variable").forEach(v -> shown.put(v.get("name").asText(), v.get("value").asText()));
    return shown;
  }

  private static void complete(StaffClient who, JsonNode task, Map<String, Object> form) {
    Answer done = who.tasklistPost("/task/" + task.get("id").asText() + "/submit-form", form);
    assertThat(done.status()).as(done.raw()).isEqualTo(204);
  }
}

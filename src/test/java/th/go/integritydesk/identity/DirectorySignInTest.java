package th.go.integritydesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.integritydesk.http.StaffClient.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.Eventually;
import th.go.integritydesk.http.StaffClient;
import th.go.integritydesk.http.StaffClient.Answer;

/**
 * Sign-in with the ministry's directory: the application on the {@code ldap} profile against a real LDAP server
 * (directory/ministry.ldif). Officers sign in with their directory password; the directory's groups decide what the
 * gate allows, the directory's unit groups drive segregation of duties, and the identity service is read-only.
 */
// after the H2 HTTP tests: closing this context unregisters the engine name "default" they share
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.profiles.active=ldap",
    "spring.datasource.url=jdbc:h2:mem:directory-sign-in;DB_CLOSE_DELAY=-1",
    "integrity-desk.intake.receipt-secret=a-test-secret-that-is-long-enough-1234567890",
    "integrity-desk.storage.master-key-file=target/directory-sign-in-master-key.json",
    "integrity-desk.storage.create-missing-master-key=true"})
class DirectorySignInTest {

  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final MinistryDirectory DIRECTORY = MinistryDirectory.start();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry registry) {
    DIRECTORY.properties().forEach((key, value) -> registry.add(key, () -> value));
  }

  @AfterAll
  static void stopDirectory() {
    DIRECTORY.close();
  }

  @Test
  void officersSignInWithTheirDirectoryPasswordAndNothingElse() {
    assertThat(officer("screener1").get("/engine-rest/task").status()).isEqualTo(200);
    assertThat(new StaffClient(port, "screener1", "demo").get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(new StaffClient(port, "screener1", "").get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(new StaffClient(port, "nobody", "Directory-nobody").get("/engine-rest/task").status()).isEqualTo(401);
    // the service account searches the directory; it is no officer
    assertThat(new StaffClient(port, "integrity-desk", MinistryDirectory.MANAGER_PASSWORD).get("/engine-rest/task")
        .status()).isEqualTo(401);
    // an LDAP filter in the user name finds nobody (the plugin escapes it)
    assertThat(new StaffClient(port, "*", "Directory-screener1").get("/engine-rest/task").status()).isEqualTo(401);

    // the staff endpoints: the same directory password, the directory's groups
    Answer reports = officer("supervisor1").get("/api/staff/reports?fiscalYear=2570");
    assertThat(reports.status()).as(reports.raw()).isEqualTo(200);
    assertThat(officer("screener1").get("/api/staff/reports?fiscalYear=2570").status()).isEqualTo(403);
    assertThat(new StaffClient(port, "supervisor1", "Directory-wrong").get("/api/staff/reports?fiscalYear=2570")
        .status()).isEqualTo(401);

    // the webapps' login form, with the CSRF token as a browser sends it
    assertThat(officer("screener1").loginToTasklist().status()).isEqualTo(200);
    assertThat(officer("supervisor1").loginTo("cockpit").status()).isEqualTo(200);
    assertThat(new StaffClient(port, "screener1", "Directory-wrong").loginToTasklist().status()).isEqualTo(401);
    // what a group may use comes from the directory's membership: a screener has no Cockpit
    assertThat(officer("screener1").loginTo("cockpit").status()).isEqualTo(403);

    // the officer's profile and groups, as the webapps show them, come from the directory
    StaffClient screener = officer("screener1");
    JsonNode profile = screener.get("/engine-rest/user/screener1/profile").body();
    assertThat(profile.get("firstName").asText()).isEqualTo("สมชาย");
    assertThat(profile.get("email").asText()).isEqualTo("screener1@ministry.example.go.th");
    assertThat(ids(screener.get("/engine-rest/group?member=screener1").body()))
        .containsExactlyInAnyOrder("screening", "unit-acoc");
  }

  @Test
  void directoryGroupsDecideTheTasksAndDirectoryUnitsDecideWhoMayInvestigate() {
    StaffClient intake = officer("intake1");
    StaffClient screener = officer("screener1");
    StaffClient supervisor = officer("supervisor1");
    StaffClient investigatorOfTheAccusedsUnit = officer("investigatorA");
    StaffClient investigatorElsewhere = officer("investigatorB");

    Answer started = intake.post("/engine-rest/process-definition/key/complaint-lifecycle/start", variables(
        "channel", "WALK_IN", "category", "PROCUREMENT", "subject", "ฮั้วประมูล / Bid rigging",
        "description", "ผู้ร้องเห็นการตกลงราคา / The complainant saw prices agreed in advance",
        "accusedUnit", "กองคลัง", "accusedRank", "OPERATIONAL"));
    assertThat(started.status()).as(started.raw()).isEqualTo(200);
    String ofThisCase = "/engine-rest/task?processInstanceBusinessKey=" + started.body().get("businessKey").asText();

    // screening: the directory's screening group sees and claims it; an investigator neither sees nor claims it
    JsonNode screening = waitForTask(screener, ofThisCase, "screen-complaint");
    assertThat(investigatorOfTheAccusedsUnit.get(ofThisCase).body()).isEmpty();
    String screeningTask = screening.get("id").asText();
    Answer notTheirs = investigatorOfTheAccusedsUnit.post("/engine-rest/task/" + screeningTask + "/claim",
        Map.of("userId", "investigatorA"));
    assertThat(notTheirs.status()).as(notTheirs.raw()).isEqualTo(403);
    Answer claimed = screener.post("/engine-rest/task/" + screeningTask + "/claim", Map.of("userId", "screener1"));
    assertThat(claimed.status()).as(claimed.raw()).isEqualTo(204);
    assertThat(screener.loginToTasklist().status()).isEqualTo(200);
    // Tasklist opens the task's form first (and so picks up the session's CSRF token)
    assertThat(screener.tasklistGet("/task/" + screeningTask + "/deployed-form").body().get("id").asText())
        .isEqualTo("screen-complaint");
    Answer screened = screener.tasklistPost("/task/" + screeningTask + "/submit-form",
        variables("screeningDecision", "ACCEPT", "screeningReason", "มีมูลน่าเชื่อ / Credible"));
    assertThat(screened.status()).as(screened.raw()).isEqualTo(204);

    // fact-finding: the unit groups of the directory decide; an officer with no unit is refused (fail closed)
    String assignment = waitForTask(supervisor, ofThisCase, "assign-investigator").get("id").asText();
    Answer sameUnit = supervisor.post("/engine-rest/task/" + assignment + "/complete",
        variables("investigator", "investigatorA"));
    assertThat(sameUnit.status()).as(sameUnit.raw()).isEqualTo(403);
    assertThat(sameUnit.raw()).contains("กองคลัง");
    Answer noUnit = supervisor.post("/engine-rest/task/" + assignment + "/complete",
        variables("investigator", "newcomer"));
    assertThat(noUnit.status()).as(noUnit.raw()).isEqualTo(400);
    assertThat(noUnit.raw()).contains("newcomer has no unit");
    Answer notAnInvestigator = supervisor.post("/engine-rest/task/" + assignment + "/complete",
        variables("investigator", "screener1"));
    assertThat(notAnInvestigator.status()).as(notAnInvestigator.raw()).isEqualTo(400);
    Answer otherUnit = supervisor.post("/engine-rest/task/" + assignment + "/complete",
        variables("investigator", "investigatorB"));
    assertThat(otherUnit.status()).as(otherUnit.raw()).isEqualTo(204);
    waitForTask(investigatorElsewhere, ofThisCase, "conduct-fact-finding");
    assertThat(investigatorOfTheAccusedsUnit.get(ofThisCase).body()).isEmpty();
  }

  @Test
  void aGroupMissingFromTheDirectoryHasNoMembersToMail() {
    // the plugin answers memberOfGroup for a group it cannot find with the members of every group ...
    assertThat(identity.createUserQuery().memberOfGroup("no-such-group").count()).isPositive();
    // ... so staff mail asks for the group first: a task offered to a missing group is mailed to nobody
    assertThat(th.go.integritydesk.notification.StaffNotifications.groupMembers(identity, "no-such-group", 2))
        .isEmpty();
    assertThat(th.go.integritydesk.notification.StaffNotifications.groupMembers(identity, "screening", 2))
        .containsExactly("screener1");
  }

  @Test
  void theDirectoryIsReadOnlyHereWhileAuthorizationsLiveInTheEngine() {
    StaffClient director = officer("director");
    // the directory's camunda-admin group: Admin opens and lists the directory's people and groups
    assertThat(director.loginTo("admin").status()).isEqualTo(200);
    JsonNode users = director.webapp("GET", ENGINE + "/user?firstResult=0&maxResults=50", null).body();
    assertThat(ids(users)).contains("screener1", "investigatorA", "director").doesNotContain("integrity-desk");
    JsonNode unit = director.get("/engine-rest/group/unit-finance").body();
    assertThat(unit.get("name").asText()).isEqualTo("กองคลัง");
    assertThat(unit.get("type").asText()).isEqualTo(Groups.UNIT_TYPE);

    // nobody creates users, groups or memberships here, not even an administrator (Camunda answers 403, read-only)
    Map<String, Object> mallory = Map.of("profile", Map.of("id", "mallory", "firstName", "M", "lastName", "X"),
        "credentials", Map.of("password", "Mallory-passw0rd!"));
    Answer overRest = director.post("/engine-rest/user/create", mallory);
    assertThat(overRest.status()).as(overRest.raw()).isEqualTo(403);
    assertThat(overRest.raw()).contains("read-only");
    Answer inAdmin = director.webapp("POST", ENGINE + "/user/create", mallory);
    assertThat(inAdmin.status()).as(inAdmin.raw()).isEqualTo(403);
    Answer group = director.post("/engine-rest/group/create", Map.of("id", "unit-mallory", "name", "x", "type", "unit"));
    assertThat(group.status()).as(group.raw()).isEqualTo(403);
    Answer membership = director.send("PUT", "/engine-rest/group/unit-internal-audit/members/investigatorA", null);
    assertThat(membership.status()).as(membership.raw()).isEqualTo(403);
    JsonNode options = director.send("OPTIONS", "/engine-rest/user", null).body();
    assertThat(options.toString()).doesNotContain("\"create\"");
    assertThat(new StaffClient(port, "mallory", "Mallory-passw0rd!").get("/engine-rest/task").status()).isEqualTo(401);

    // no local account, group or membership was made at start-up (no demo staff); the groups' rights were
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_ID_USER").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_ID_GROUP").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE GROUP_ID_ = 'screening'")
        .query(Long.class).single()).isPositive();
  }

  private StaffClient officer(String uid) {
    return new StaffClient(port, uid, MinistryDirectory.password(uid));
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private static JsonNode waitForTask(StaffClient who, String query, String taskKey) {
    JsonNode[] found = new JsonNode[1];
    Eventually.within(Duration.ofSeconds(20), taskKey + " visible", () -> {
      JsonNode tasks = who.get(query + "&taskDefinitionKey=" + taskKey).body();
      found[0] = tasks != null && tasks.size() == 1 ? tasks.get(0) : null;
      return found[0] != null;
    });
    return found[0];
  }
}

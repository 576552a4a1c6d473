package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.integritydesk.http.StaffClient.variables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.http.StaffClient.Answer;
import th.go.integritydesk.identity.Groups;

/**
 * The need-to-know rule of the case file (docs/adr/0013-need-to-know.md) over HTTP: one named complaint with
 * evidence about procurement fraud by the director of กองคลัง, driven from screening to closure, and at each stage
 * every demo user, an officer of the accused's unit who holds a group that works the case, one in no unit and one in
 * two groups, against every case-file endpoint (the file, its page, evidence and document downloads, notes and
 * writing one, documents, the timeline). Each cell is the status expected; a refusal is the 404 of an unknown case.
 * Written to target/need-to-know.md.
 */
@HttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedToKnowMatrixTest {

  /** test users beside the demo users: in the accused's unit, in no unit, in two groups */
  static final String FINANCE_SCREENER = "ntkfinance";
  static final String NO_UNIT = "ntknounit";
  static final String TWO_GROUPS = "ntktwogroups";
  static final String PASSWORD = "Need-To-Know-1";

  static final List<String> USERS = List.of("anonymous", "intake", "screener", "supervisor", "investigator",
      "investigator2", "authority", "analyst", "admin", FINANCE_SCREENER, NO_UNIT, TWO_GROUPS);

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;
  @Autowired th.go.integritydesk.casefile.NeedToKnow needToKnow;

  @BeforeAll
  void testUsers() {
    user(FINANCE_SCREENER, Groups.SCREENING, "unit-finance");
    user(NO_UNIT, Groups.SCREENING);
    user(TWO_GROUPS, Groups.SCREENING, Groups.INVESTIGATOR, "unit-internal-audit");
  }

  /** Cases this class filed, ended at the end: an open screening task more pushes other tests' cards off Tasklist. */
  final List<String> filed = new ArrayList<>();

  @AfterAll
  void removeTestUsersAndCases() {
    for (String id : List.of(FINANCE_SCREENER, NO_UNIT, TWO_GROUPS)) {
      identity.deleteUser(id);
    }
    endCases(runtime, filed);
  }

  /** Ends the cases still running (the lifecycle and the processes it called). */
  static void endCases(RuntimeService runtime, List<String> trackingNumbers) {
    for (String trackingNumber : trackingNumbers) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
          .processDefinitionKey("complaint-lifecycle").list()
          .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test cleanup"));
    }
  }

  void user(String id, String... groups) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identity.newUser(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    for (String group : groups) {
      identity.createMembership(id, group);
    }
  }

  StaffClient staff(String user) {
    return new StaffClient(port, user, user.startsWith("ntk") ? PASSWORD : "demo");
  }

  long documentId;

  /** One stage: per user in USERS order, R (reads: 200) or N (refused: 404); anonymous is always 401. */
  record Stage(String name, String expected) {}

  @Test
  void eachOfficerReadsTheCaseOnlyWhileTheyNeedToKnowIt() throws Exception {
    String trackingNumber = namedComplaintWithEvidence();
    long evidenceId = jdbc.sql("SELECT id FROM evidence WHERE tracking_number = ?").param(trackingNumber)
        .query(Long.class).single();
    Multipart document = new Multipart().field("kind", "OTHER")
        .file("file", "memo.txt", "text/plain", "บันทึก / memo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Answer uploaded = staff("screener").raw("POST", "/api/staff/complaints/" + trackingNumber + "/documents",
        Map.of("Content-Type", document.contentType(), "Authorization", "Basic "
            + java.util.Base64.getEncoder().encodeToString("screener:demo".getBytes())),
        BodyPublishers.ofByteArray(document.bytes()));
    assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
    documentId = uploaded.body().get("id").asLong();
    String ofThisCase = "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber;
    List<String> table = new ArrayList<>();
    table.add("| stage | what | " + String.join(" | ", USERS) + " |");
    table.add("|---|---|" + "---|".repeat(USERS.size()));
    Map<String, String> mismatches = new LinkedHashMap<>();
    //                                      intake scr sup inv inv2 auth anal admin fin nounit two
    check(new Stage("screening", "NRRNNNNNNNR"), trackingNumber, evidenceId, table, mismatches);

    complete(staff("screener"), ofThisCase, "screen-complaint",
        variables("screeningDecision", "ACCEPT", "screeningReason", "มีมูล / Credible"));
    check(new Stage("fact-finding, not yet assigned", "NRRNNNNNNNN"), trackingNumber, evidenceId, table, mismatches);

    complete(staff("supervisor"), ofThisCase, "assign-investigator", variables("investigator", "investigator"));
    check(new Stage("fact-finding, assigned", "NRRRNNNNNNN"), trackingNumber, evidenceId, table, mismatches);

    complete(staff("investigator"), ofThisCase, "conduct-fact-finding",
        variables("findings", "MINOR_OFFENCE", "findingsSummary", "มีมูลความผิดไม่ร้ายแรง / Minor offence"));
    complete(staff("supervisor"), ofThisCase, "review-findings", variables("findingsApproved", true));
    IntakeOverHttpTest.waitUntil(() -> !staff("authority").get(ofThisCase).body().isEmpty());
    check(new Stage("disciplinary action", "NRRRNRNNNNN"), trackingNumber, evidenceId, table, mismatches);

    complete(staff("authority"), ofThisCase, "decide-penalty",
        variables("penalty", "PROBATION", "penaltyReason", "ความผิดครั้งแรก / First offence"));
    closeTheAppealWindow(trackingNumber);
    check(new Stage("closed", "NRRRNRNNNNN"), trackingNumber, evidenceId, table, mismatches);

    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "need-to-know.md"), String.join("\n", table) + "\n");
    assertThat(mismatches).as(String.join("\n", table)).isEmpty();
  }

  /**
   * The endpoints of legal holds and of the identity custodians (issue 25) against the same users, at screening, and an
   * identity custodian of the accused's unit: a role the endpoint is not for is a 403, which says nothing of the case;
   * a custodian of the accused's unit is refused as for an unknown case (404), with the right passphrase too; a
   * missing passphrase is a 400 before anything of the case is looked at. The table is written to
   * target/need-to-know-custodians.md.
   */
  @Test
  void theCustodiansAndHoldsEndpointsKeepTheRuleToo() throws Exception {
    String financeCustodian = "ntkfinancecustodian";
    user(financeCustodian, Groups.INTAKE, "unit-finance");
    try {
      String trackingNumber = namedComplaintWithEvidence();
      long evidenceId = jdbc.sql("SELECT id FROM evidence WHERE tracking_number = ?").param(trackingNumber)
          .query(Long.class).single();
      String file = "/api/staff/complaints/" + trackingNumber;
      List<String> users = new ArrayList<>(USERS);
      users.add(financeCustodian);
      //            users:                  intake scr sup inv inv2 auth anal admin fin nounit two fincust
      Map<String, String> expected = new LinkedHashMap<>();
      expected.put("GET legal-hold",        "403 403 200 403 403 403 403 403 403 403 403 403");
      expected.put("POST identity",         "200 403 403 403 403 403 403 403 403 403 403 404");
      expected.put("GET original",          "400 409 409 404 404 404 404 404 404 404 409 400");
      expected.put("GET original, phrase",  "409 409 409 404 404 404 404 404 404 404 409 404");
      expected.put("POST release",          "409 403 403 403 403 403 403 403 403 403 403 404");
      List<String> table = new ArrayList<>();
      table.add("| what | " + String.join(" | ", users) + " |");
      table.add("|---|" + "---|".repeat(users.size()));
      Map<String, String> mismatches = new LinkedHashMap<>();
      expected.forEach((what, codes) -> {
        List<String> cells = new ArrayList<>();
        String[] want = ("401 " + codes).split(" ");
        for (int u = 0; u < users.size(); u++) {
          String user = users.get(u);
          StaffClient client = user.equals("anonymous") ? staff("nobody")
              : new StaffClient(port, user, user.startsWith("ntk") ? PASSWORD : "demo");
          if (!what.equals("GET original")) {
            client.withPassphrase("demo");
          }
          Map<String, String> reason = Map.of("reason", "ตรวจสิทธิ์ตามตาราง / need-to-know matrix");
          int actual = switch (what) {
            case "GET legal-hold" -> user.equals("anonymous") ? client.anonymousGet(file + "/legal-hold").status()
                : client.get(file + "/legal-hold").status();
            case "POST identity" -> user.equals("anonymous") ? anonymousPost(client, file + "/identity")
                : client.post(file + "/identity", reason).status();
            case "POST release" -> user.equals("anonymous")
                ? anonymousPost(client, file + "/evidence/" + evidenceId + "/release")
                : client.post(file + "/evidence/" + evidenceId + "/release", reason).status();
            default -> user.equals("anonymous")
                ? client.anonymousGet(file + "/evidence/" + evidenceId + "/original").status()
                : client.download(file + "/evidence/" + evidenceId + "/original").statusCode();
          };
          if (actual != Integer.parseInt(want[u])) {
            mismatches.put(what + ", " + user, "expected " + want[u] + ", got " + actual);
          }
          cells.add(Integer.toString(actual));
        }
        table.add("| " + what + " | " + String.join(" | ", cells) + " |");
      });
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "need-to-know-custodians.md"), String.join("\n", table) + "\n");
      assertThat(mismatches).as(String.join("\n", table)).isEmpty();
      assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_reveal WHERE tracking_number = ?").param(trackingNumber)
          .query(Integer.class).single()).as("the one reveal allowed is recorded").isEqualTo(1);
    } finally {
      identity.deleteUser(financeCustodian);
    }
  }

  private static int anonymousPost(StaffClient client, String path) {
    return client.raw("POST", path, Map.of("Content-Type", "application/json"),
        BodyPublishers.ofString("{\"reason\":\"no credentials at all\"}")).status();
  }

  /** The officer who recorded a complaint reads it; another intake officer does not. */
  @Test
  void theIntakeOfficerWhoRecordedACaseReadsIt() {
    user("ntkotherintake", Groups.INTAKE, "unit-acoc");
    try {
      Answer recorded = staff("intake").post("/api/staff/complaints", Map.of("channel", "LETTER",
          "category", "GIFTS", "subject", "ของขวัญ / Gifts", "description", "รับกระเช้า / A hamper",
          "accused", Map.of("unit", "กองการเจ้าหน้าที่", "rank", "OPERATIONAL")));
      assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
      filed.add(recorded.body().get("trackingNumber").asText());
      String caseFile = "/api/staff/complaints/" + recorded.body().get("trackingNumber").asText();
      assertThat(staff("intake").get(caseFile).status()).isEqualTo(200);
      Answer other = new StaffClient(port, "ntkotherintake", PASSWORD).get(caseFile);
      assertThat(other.status()).isEqualTo(404);
      assertThat(withoutInstance(other)).isEqualTo(withoutInstance(staff("intake").get("/api/staff/complaints/ACC-2999-999999")));
    } finally {
      identity.deleteUser("ntkotherintake");
    }
  }

  /**
   * Every read is recorded, and so is every refused attempt, with who, when and what: read back after reading. A
   * refusal is the same answer as for a case that does not exist (but for the {@code instance}, the path asked).
   */
  @Test
  void readsAndRefusalsAreRecorded() {
    String trackingNumber = namedComplaintWithEvidence();
    long evidenceId = jdbc.sql("SELECT id FROM evidence WHERE tracking_number = ?").param(trackingNumber)
        .query(Long.class).single();
    staff("screener").get("/api/staff/complaints/" + trackingNumber);
    staff("screener").get("/staff/case?tn=" + trackingNumber);
    staff("screener").download("/api/staff/complaints/" + trackingNumber + "/evidence/" + evidenceId);
    Answer refused = staff("investigator2").get("/api/staff/complaints/" + trackingNumber);
    Answer unknown = staff("investigator2").get("/api/staff/complaints/ACC-2999-999998");
    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(withoutInstance(refused)).isEqualTo(withoutInstance(unknown));
    assertThat(refused.headers().map().keySet()).isEqualTo(unknown.headers().map().keySet());
    staff("investigator2").download("/api/staff/complaints/" + trackingNumber + "/evidence/" + evidenceId);

    List<String> reads = jdbc.sql("SELECT user_id || ' ' || what || ' ' || COALESCE(CAST(item_id AS VARCHAR(20)), '-')"
            + " || ' ' || CASE WHEN allowed THEN 'allowed' ELSE 'refused' END FROM case_read"
            + " WHERE tracking_number = ? ORDER BY id")
        .param(trackingNumber).query(String.class).list();
    assertThat(reads).containsExactly(
        "screener API - allowed",
        "screener PAGE - allowed",
        "screener EVIDENCE " + evidenceId + " allowed",
        "investigator2 API - refused",
        "investigator2 EVIDENCE " + evidenceId + " refused");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM case_read WHERE tracking_number = 'ACC-2999-999998'"
        + " AND user_id = 'investigator2' AND NOT allowed").query(Integer.class).single()).isEqualTo(1);
  }

  static JsonNode withoutInstance(Answer answer) {
    ObjectNode body = answer.body().deepCopy();
    body.remove("instance");
    return body;
  }

  private void check(Stage stage, String trackingNumber, long evidenceId, List<String> table,
                     Map<String, String> mismatches) {
    Map<String, String> paths = new LinkedHashMap<>();
    String file = "/api/staff/complaints/" + trackingNumber;
    paths.put("case file API", file);
    paths.put("case-file page", "/staff/case?tn=" + trackingNumber);
    paths.put("evidence download", file + "/evidence/" + evidenceId);
    paths.put("notes", file + "/notes");
    paths.put("add a note", "POST " + file + "/notes");
    paths.put("documents", file + "/documents");
    paths.put("document download", file + "/documents/" + documentId);
    paths.put("timeline", file + "/timeline");
    // the batched rule (search results, similar cases) answers as the rule does
    for (String user : USERS.subList(1, USERS.size())) {
      th.go.integritydesk.web.StaffUser officer = new th.go.integritydesk.web.StaffUser(user, identity
          .createGroupQuery().groupMember(user).list().stream().map(org.camunda.bpm.engine.identity.Group::getId)
          .toList());
      boolean one = needToKnow.mayRead(officer, trackingNumber);
      boolean many = needToKnow.readable(officer, List.of(trackingNumber, "ACC-2500-999999")).contains(trackingNumber);
      if (one != many) {
        mismatches.put(stage.name() + ", readable(), " + user, "mayRead " + one + ", readable " + many);
      }
    }
    paths.forEach((what, path) -> {
      List<String> cells = new ArrayList<>();
      boolean post = path.startsWith("POST ");
      for (int u = 0; u < USERS.size(); u++) {
        String user = USERS.get(u);
        int expected = u == 0 ? 401 : stage.expected().charAt(u - 1) == 'R' ? (post ? 201 : 200) : 404;
        int actual;
        if (post) {
          actual = user.equals("anonymous")
              ? staff("nobody").raw("POST", path.substring(5), Map.of("Content-Type", "application/json"),
                  BodyPublishers.ofString("{\"text\":\"x\"}")).status()
              : staff(user).post(path.substring(5), Map.of("text", "บันทึกของ " + user + " / " + stage.name())).status();
        } else {
          actual = user.equals("anonymous") ? staff("nobody").anonymousGet(path).status()
              : staff(user).download(path).statusCode();
        }
        if (actual != expected) {
          mismatches.put(stage.name() + ", " + what + ", " + user, "expected " + expected + ", got " + actual);
        }
        cells.add(Integer.toString(actual));
      }
      table.add("| " + stage.name() + " | " + what + " | " + String.join(" | ", cells) + " |");
    });
  }

  /** A web complaint that names its complainant, with one evidence file, against the director of กองคลัง. */
  String namedComplaintWithEvidence() {
    ObjectNode complaint = IntakeOverHttpTest.complaint();
    complaint.put("category", "PROCUREMENT");
    complaint.put("subject", "ฮั้วประมูลจัดซื้อ / Bid rigging in a purchase");
    ((ObjectNode) complaint.get("accused")).put("position", "ผู้อำนวยการกองคลัง / Director of Finance");
    ((ObjectNode) complaint.get("accused")).put("rank", "DIRECTOR");
    complaint.putObject("complainant").put("name", "นางสาว ผู้ร้อง ทดสอบ");
    Multipart body = new Multipart().json("complaint", complaint.toString())
        .file("evidence", "quote.png", "image/png", IntakeOverHttpTest.Base64Png.ONE_PIXEL);
    Answer receipt = staff("nobody").raw("POST", "/api/complaints", Map.of("Content-Type", body.contentType()),
        BodyPublishers.ofByteArray(body.bytes()));
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    String trackingNumber = receipt.body().get("trackingNumber").asText();
    filed.add(trackingNumber);
    IntakeOverHttpTest.waitUntil(() -> staff("screener")
        .get("/engine-rest/task?processInstanceBusinessKey=" + trackingNumber).body().size() == 1);
    return trackingNumber;
  }

  private void closeTheAppealWindow(String trackingNumber) {
    IntakeOverHttpTest.waitUntil(() -> !timers(trackingNumber).isEmpty());
    for (Job timer : timers(trackingNumber)) {
      management.executeJob(timer.getId());
    }
    IntakeOverHttpTest.waitUntil(() -> "CLOSED".equals(jdbc.sql("SELECT stage FROM complaint WHERE tracking_number = ?")
        .param(trackingNumber).query(String.class).single()));
  }

  private List<Job> timers(String trackingNumber) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).list().stream()
        .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).activityId("appeal-window-closed")
            .list().stream())
        .toList();
  }

  static void complete(StaffClient who, String query, String taskKey, Map<String, Object> body) {
    JsonNode tasks = who.get(query + "&taskDefinitionKey=" + taskKey).body();
    assertThat(tasks).as(taskKey + " visible").hasSize(1);
    Answer answer = who.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete", body);
    assertThat(answer.status()).as(answer.raw()).isEqualTo(204);
  }
}

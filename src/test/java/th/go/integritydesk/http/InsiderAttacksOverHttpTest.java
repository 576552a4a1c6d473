package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.http.StaffClient.Answer;

/**
 * Insider attacks on our own endpoints and the engine's authorizations, over HTTP against the running application.
 * None depends on the HTTP policy gate in front of the engine: each defence holds on its own.
 */
@HttpTest
class InsiderAttacksOverHttpTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identity;

  @Test
  void analystsDoNotReadARunningCasesHistoryOrVariables() {
    String trackingNumber = submitted(IntakeOverHttpTest.complaint());
    StaffClient supervisor = staff("supervisor");
    StaffClient screener = staff("screener");
    IntakeOverHttpTest.waitUntil(() -> screener.get("/engine-rest/task?processInstanceBusinessKey=" + trackingNumber)
        .body().size() == 1);
    String processInstanceId = supervisor.get("/engine-rest/process-instance?businessKey=" + trackingNumber)
        .body().get(0).get("id").asText();
    assertThat(supervisor.get("/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId).body())
        .isNotEmpty();
    StaffClient analyst = staff("analyst");
    assertThat(analyst.get("/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId).body())
        .isEmpty();
    assertThat(analyst.get("/engine-rest/history/variable-instance?variableName=description").body().toString())
        .doesNotContain(trackingNumber);
    assertThat(analyst.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + trackingNumber).body())
        .isEmpty();
    assertThat(analyst.get("/engine-rest/process-definition?key=complaint-lifecycle").body()).isNotEmpty();
  }

  @Test
  void withdrawalsAreRecordedByIntakeWithTheLettersReason() {
    String trackingNumber = submitted(IntakeOverHttpTest.complaint());
    String withdrawal = "/api/staff/complaints/" + trackingNumber + "/withdrawal";
    StaffClient intake = staff("intake");
    StaffClient screener = staff("screener");
    String ofThisCase = "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber;
    IntakeOverHttpTest.waitUntil(() -> screener.get(ofThisCase).body().size() == 1);

    assertThat(screener.post(withdrawal, Map.of("reason", "x")).status()).isEqualTo(403);
    Answer noReason = intake.post(withdrawal, Map.of("reason", " "));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.contentType()).startsWith("application/problem+json");
    assertThat(noReason.body().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    assertThat(intake.post("/api/staff/complaints/ACC-2400-999999/withdrawal", Map.of("reason", "x")).status())
        .isEqualTo(404);

    Answer recorded = intake.post(withdrawal, Map.of("reason", "ตกลงกันได้แล้ว / Settled"));
    assertThat(recorded.status()).as(recorded.raw()).isEqualTo(200);
    assertThat(recorded.body().get("recordedBy").asText()).isEqualTo("intake");
    IntakeOverHttpTest.waitUntil(() -> screener.get(ofThisCase + "&taskDefinitionKey=decide-on-withdrawal").body().size() == 1);
    Answer again = intake.post(withdrawal, Map.of("reason", "อีกครั้ง / Again"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
  }

  @Test
  void evidenceIsDownloadedAsAnAttachmentNamedByItsDetectedTypeNeverTheUploadersName() {
    byte[] script = "<script language=\"VBScript\">CreateObject(\"WScript.Shell\").Run \"calc\"</script>"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Multipart body = new Multipart().json("complaint", IntakeOverHttpTest.complaint().toString())
        .file("evidence", "notes.hta", "application/hta", script);
    Answer receipt = new StaffClient(port, "nobody", "none").raw("POST", "/api/complaints",
        Map.of("Content-Type", body.contentType()), BodyPublishers.ofByteArray(body.bytes()));
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    String trackingNumber = receipt.body().get("trackingNumber").asText();

    var file = staff("screener").get("/api/staff/complaints/" + trackingNumber).body();
    assertThat(file.get("evidence").get(0).get("downloadName").asText()).isEqualTo(trackingNumber + "-evidence-1.txt");
    assertThat(file.get("evidenceNote").get("th").asText()).contains("metadata");
    assertThat(file.get("evidenceNote").get("en").asText()).contains("metadata");
    var download = staff("screener").download(file.get("evidence").get(0).get("href").asText());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(script);
    String disposition = download.headers().firstValue("Content-Disposition").orElse("");
    assertThat(disposition).startsWith("attachment").contains("filename=\"" + trackingNumber + "-evidence-1.txt\"")
        .doesNotContain("hta").doesNotContain("notes");
    assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void aUserRemovedFromAGroupLosesStaffRightsAtTheNextRequest() {
    String trackingNumber = submitted(IntakeOverHttpTest.complaint());
    String password = "Leaver-" + System.nanoTime();
    User user = identity.newUser("leaver");
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership("leaver", th.go.integritydesk.identity.Groups.SCREENING);
    identity.createMembership("leaver", "unit-internal-audit");
    StaffClient leaver = new StaffClient(port, "leaver", password);
    assertThat(leaver.loginToTasklist().status()).isEqualTo(200);
    String caseFile = "/api/staff/complaints/" + trackingNumber;
    assertThat(leaver.raw("GET", caseFile, Map.of(), BodyPublishers.noBody()).status()).isEqualTo(200);
    assertThat(leaver.get(caseFile).status()).isEqualTo(200);

    // no longer a screener: the case waiting for screening is none of theirs (need to know: answered as unknown)
    identity.deleteMembership("leaver", th.go.integritydesk.identity.Groups.SCREENING);
    assertThat(leaver.raw("GET", caseFile, Map.of(), BodyPublishers.noBody()).status()).isEqualTo(404);
    assertThat(leaver.get(caseFile).status()).isEqualTo(404);
    identity.deleteUser("leaver");
    assertThat(leaver.raw("GET", caseFile, Map.of(), BodyPublishers.noBody()).status()).isEqualTo(401);
  }

  @Test
  void attack6_referralsAndNaccFindingsAreRecordedByIntakeOnly() {
    var forged = IntakeOverHttpTest.complaint();
    forged.put("channel", "REFERRAL_NACC").put("naccFindingOfFault", true).put("referenceNumber", "ปช 0001/2569");
    Map<String, String> json = Map.of("Content-Type", "application/json");
    Answer fromThePublic = new StaffClient(port, "nobody", "none").raw("POST", "/api/complaints", json,
        BodyPublishers.ofString(forged.toString()));
    assertThat(fromThePublic.status()).isEqualTo(400);
    assertThat(fromThePublic.contentType()).startsWith("application/problem+json");
    assertThat(fromThePublic.body().get("errors").get(0).get("field").asText()).isEqualTo("channel");
    int complaints = jdbc.sql("SELECT COUNT(*) FROM complaint").query(Integer.class).single();

    assertThat(staff("screener").post("/api/staff/complaints", forged).status()).isEqualTo(403);
    assertThat(new StaffClient(port, "nobody", "none").raw("POST", "/api/staff/complaints", json,
        BodyPublishers.ofString(forged.toString())).status()).isEqualTo(401);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint").query(Integer.class).single()).isEqualTo(complaints);

    var noNumber = forged.deepCopy();
    noNumber.remove("referenceNumber");
    Answer incomplete = staff("intake").post("/api/staff/complaints", noNumber);
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.body().get("errors").get(0).get("field").asText()).isEqualTo("referenceNumber");

    Answer recorded = staff("intake").post("/api/staff/complaints", forged);
    assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
    String trackingNumber = recorded.body().get("trackingNumber").asText();
    var row = jdbc.sql("SELECT channel, nacc_finding_of_fault, recorded_by FROM complaint WHERE tracking_number = ?")
        .param(trackingNumber).query().singleRow();
    assertThat(row.get("channel")).isEqualTo("REFERRAL_NACC");
    assertThat(row.get("nacc_finding_of_fault")).isEqualTo(true);
    assertThat(row.get("recorded_by")).isEqualTo("intake");
  }

  @Test
  void candidatesMayClaimAndCompleteTheirTaskInTasklistButNotRewriteIt() {
    String trackingNumber = submitted(IntakeOverHttpTest.complaint());
    StaffClient screener = staff("screener");
    String ofThisCase = "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber;
    IntakeOverHttpTest.waitUntil(() -> screener.get(ofThisCase).body().size() == 1);
    String taskId = screener.get(ofThisCase).body().get(0).get("id").asText();

    Answer rename = screener.raw("PUT", "/engine-rest/task/" + taskId, Map.of("Content-Type", "application/json",
        "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("screener:demo".getBytes())),
        BodyPublishers.ofString("{\"name\":\"renamed\",\"priority\":1}"));
    assertThat(rename.status()).as(rename.raw()).isEqualTo(403);

    assertThat(screener.loginToTasklist().status()).isEqualTo(200);
    assertThat(screener.tasklistGet("/task/" + taskId).status()).isEqualTo(200); // hands out the CSRF token
    assertThat(screener.tasklistPost("/task/" + taskId + "/claim", Map.of("userId", "screener")).status()).isEqualTo(204);
    assertThat(screener.tasklistGet("/task/" + taskId).body().get("assignee").asText()).isEqualTo("screener");
    assertThat(screener.tasklistPost("/task/" + taskId + "/submit-form", StaffClient.variables(
        "screeningDecision", "REJECT", "screeningReason", "นอกอำนาจ / Out of scope")).status()).isEqualTo(204);
  }

  String submitted(com.fasterxml.jackson.databind.node.ObjectNode body) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/json");
    Answer answer = new StaffClient(port, "nobody", "none").raw("POST", "/api/complaints", headers,
        BodyPublishers.ofString(body.toString()));
    assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
    return answer.body().get("trackingNumber").asText();
  }

  StaffClient staff(String user) {
    return new StaffClient(port, user, "demo");
  }
}

package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.integritydesk.http.StaffClient.variables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.http.StaffClient.Answer;

/**
 * Where the investigation lives (DESIGN.md, "Case file"): internal notes (append-only, corrections, refusals),
 * officers' documents (versions, type sniffing, who may upload), Tasklist's comments as notes, and the timeline of a
 * case driven through the whole serious-offence path.
 */
@HttpTest
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class CaseRecordsOverHttpTest {

  private final List<String> filed = new ArrayList<>();

  @org.junit.jupiter.api.AfterAll
  void endTheCases() {
    NeedToKnowMatrixTest.endCases(runtime, filed);
  }

  static final byte[] PDF = ("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").getBytes();
  static final byte[] PDF_V2 = ("%PDF-1.4\n% second version\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").getBytes();

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  StaffClient staff(String user) {
    return new StaffClient(port, user, "demo");
  }

  String[] complaint() {
    ObjectNode complaint = IntakeOverHttpTest.complaint();
    complaint.put("consentToContact", false);
    Answer receipt = staff("nobody").raw("POST", "/api/complaints", Map.of("Content-Type", "application/json"),
        BodyPublishers.ofString(complaint.toString()));
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    String trackingNumber = receipt.body().get("trackingNumber").asText();
    filed.add(trackingNumber);
    IntakeOverHttpTest.waitUntil(() -> staff("screener")
        .get("/engine-rest/task?processInstanceBusinessKey=" + trackingNumber).body().size() == 1);
    return new String[] {trackingNumber, receipt.body().get("receiptCode").asText()};
  }

  @Test
  void notesAreAppendOnlyCorrectedByNewNotesAndNeverReachTheComplainant() {
    String[] c = complaint();
    String notes = "/api/staff/complaints/" + c[0] + "/notes";
    Answer first = staff("screener").post(notes, Map.of("text", "โทรสอบถามกองคลังแล้ว NOTE-SECRET-1"));
    assertThat(first.status()).as(first.raw()).isEqualTo(201);
    assertThat(first.body().get("author").asText()).isEqualTo("screener");
    long id = first.body().get("id").asLong();
    Answer correction = staff("supervisor").post(notes, Map.of("text", "แก้ไข: สอบถามทางหนังสือ", "corrects", id));
    assertThat(correction.status()).as(correction.raw()).isEqualTo(201);
    assertThat(correction.body().get("corrects").asLong()).isEqualTo(id);

    JsonNode listed = staff("screener").get(notes).body();
    assertThat(listed).hasSize(2);
    assertThat(listed.get(0).get("text").asText()).contains("NOTE-SECRET-1"); // the corrected note is still there
    assertThat(listed.get(1).get("corrects").asLong()).isEqualTo(id);

    assertField(staff("screener").post(notes, Map.of("text", "   ")), "text");
    assertField(staff("screener").post(notes, Map.of("text", "ก".repeat(4001))), "text");
    String[] other = complaint();
    long otherNote = staff("screener").post("/api/staff/complaints/" + other[0] + "/notes", Map.of("text", "อื่น"))
        .body().get("id").asLong();
    assertField(staff("screener").post(notes, Map.of("text", "x", "corrects", otherNote)), "corrects");
    assertThat(staff("investigator2").get(notes).status()).isEqualTo(404);
    assertThat(staff("investigator2").post(notes, Map.of("text", "แอบเขียน")).status()).isEqualTo(404);
    assertThat(staff("screener").get(notes).body()).hasSize(2); // nothing half-written by the refusals

    // the complainant's status page and API know nothing of notes
    Answer status = staff("nobody").raw("GET", "/api/complaints/" + c[0], Map.of("X-Receipt-Code", c[1]),
        BodyPublishers.noBody());
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.raw()).doesNotContain("NOTE-SECRET-1").doesNotContain("แก้ไข");
  }

  @Test
  void documentsAreVersionedNeverOverwrittenAndOnlyForOfficersHoldingATask() throws Exception {
    String[] c = complaint();
    String documents = "/api/staff/complaints/" + c[0] + "/documents";
    Answer v1 = upload("screener", documents, "INTERVIEW_RECORD", null, "บันทึกถ้อยคำ.pdf", PDF);
    assertThat(v1.status()).as(v1.raw()).isEqualTo(201);
    assertThat(v1.body().get("version").asInt()).isEqualTo(1);
    assertThat(v1.body().get("kindLabel").get("th").asText()).isEqualTo("บันทึกถ้อยคำ");
    long first = v1.body().get("id").asLong();
    Answer v2 = upload("supervisor", documents, "INTERVIEW_RECORD", first, "บันทึกถ้อยคำ-2.pdf", PDF_V2);
    assertThat(v2.status()).as(v2.raw()).isEqualTo(201);
    assertThat(v2.body().get("version").asInt()).isEqualTo(2);
    assertThat(v2.body().get("replaces").asLong()).isEqualTo(first);
    // a replaced version is not replaced again (no fork), and nothing is overwritten
    assertThat(upload("screener", documents, "INTERVIEW_RECORD", first, "x.pdf", PDF).status()).isEqualTo(409);
    assertThat(staff("screener").download(documents + "/" + first).body()).isEqualTo(PDF);
    var second = staff("screener").download(documents + "/" + v2.body().get("id").asLong());
    assertThat(second.body()).isEqualTo(PDF_V2);
    assertThat(second.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
        .contains(c[0] + "-interview-record-");
    JsonNode listed = staff("screener").get(documents).body();
    assertThat(listed).hasSize(2);
    assertThat(listed.get(0).get("latest").asBoolean()).isFalse();
    assertThat(listed.get(1).get("latest").asBoolean()).isTrue();

    assertField(upload("screener", documents, "MEMO", null, "a.pdf", PDF), "kind");
    assertField(upload("screener", documents, "OTHER", null, "a.exe", "MZ\u0090\u0000binary".getBytes()), "file");
    String[] other = complaint();
    long othersDocument = upload("screener", "/api/staff/complaints/" + other[0] + "/documents", "OTHER", null,
        "o.pdf", PDF).body().get("id").asLong();
    assertField(upload("screener", documents, "OTHER", othersDocument, "a.pdf", PDF), "replaces");
    assertThat(upload("investigator2", documents, "OTHER", null, "a.pdf", PDF).status()).isEqualTo(404);
    assertThat(staff("investigator2").download(documents + "/" + first).statusCode()).isEqualTo(404);

    // once screening is done the screener still reads the case, but holds no task on it: no more uploads
    NeedToKnowMatrixTest.complete(staff("screener"), "/engine-rest/task?processInstanceBusinessKey=" + c[0],
        "screen-complaint", variables("screeningDecision", "ACCEPT", "screeningReason", "มีมูล / Credible"));
    assertThat(staff("screener").get(documents).status()).isEqualTo(200);
    assertThat(upload("screener", documents, "OTHER", null, "late.pdf", PDF).status()).isEqualTo(403);
    assertThat(staff("screener").get(documents).body()).hasSize(2);
  }

  @Test
  void tasklistsAddCommentWritesANoteOfTheCase() {
    String[] c = complaint();
    StaffClient screener = staff("screener");
    assertThat(screener.loginToTasklist().status()).isEqualTo(200);
    String task = screener.tasklistGet("/task?processInstanceBusinessKey=" + c[0]).body().get(0).get("id").asText();
    Answer added = screener.tasklistPost("/task/" + task + "/comment/create", Map.of("message", "ความเห็นจาก Tasklist"));
    assertThat(added.status()).as(added.raw()).isEqualTo(200);
    assertThat(added.body().get("userId").asText()).isEqualTo("screener");
    assertThat(added.body().get("message").asText()).isEqualTo("ความเห็นจาก Tasklist");
    JsonNode comments = screener.tasklistGet("/task/" + task + "/comment").body();
    assertThat(comments).hasSize(1);
    JsonNode notes = screener.get("/api/staff/complaints/" + c[0] + "/notes").body();
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).get("through").asText()).isEqualTo("TASKLIST");
    assertThat(screener.get("/api/staff/complaints/" + c[0] + "/timeline").raw()).contains("NOTE");
    // a task the officer cannot see, and an empty comment
    Answer foreign = staff("investigator").post("/engine-rest/task/" + task + "/comment/create", Map.of("message", "x"));
    assertThat(foreign.status()).isEqualTo(404);
    Answer empty = screener.tasklistPost("/task/" + task + "/comment/create", Map.of("message", ""));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.raw()).contains("message");
  }

  /** The whole serious-offence path, then its timeline: every task with who did it and what they decided. */
  @Test
  void theTimelineTellsTheWholeSeriousOffencePathInBothLanguages() {
    String[] c = complaint();
    String tn = c[0];
    String ofThisCase = "/engine-rest/task?processInstanceBusinessKey=" + tn;
    staff("screener").post("/api/staff/complaints/" + tn + "/notes", Map.of("text", "เริ่มคัดกรอง"));
    NeedToKnowMatrixTest.complete(staff("screener"), ofThisCase, "screen-complaint",
        variables("screeningDecision", "ACCEPT", "screeningReason", "มีมูล / Credible"));
    NeedToKnowMatrixTest.complete(staff("supervisor"), ofThisCase, "assign-investigator",
        variables("investigator", "investigator"));
    waitFor(staff("investigator"), ofThisCase);
    NeedToKnowMatrixTest.complete(staff("investigator"), ofThisCase, "conduct-fact-finding",
        variables("findings", "SERIOUS_OFFENCE", "findingsSummary", "มีมูลความผิดร้ายแรง / Serious offence"));
    NeedToKnowMatrixTest.complete(staff("supervisor"), ofThisCase, "review-findings",
        variables("findingsApproved", true, "reviewComment", "เห็นด้วย / Agreed"));
    waitFor(staff("authority"), ofThisCase);
    // nobody of กองคลัง, the accused's unit, chairs the committee: they would get its tasks (need to know)
    String appointment = staff("authority").get(ofThisCase + "&taskDefinitionKey=appoint-committee").body().get(0)
        .get("id").asText();
    assertThat(staff("authority").post("/engine-rest/task/" + appointment + "/complete",
        variables("committeeChair", "investigator2")).status()).isEqualTo(403);
    NeedToKnowMatrixTest.complete(staff("authority"), ofThisCase, "appoint-committee",
        variables("committeeChair", "investigator", "appointmentOrderNumber", "คำสั่งที่ 1/2570"));
    waitFor(staff("investigator"), ofThisCase);
    NeedToKnowMatrixTest.complete(staff("investigator"), ofThisCase, "record-first-meeting",
        variables("firstMeetingDate", "2026-12-01"));
    waitFor(staff("investigator"), ofThisCase);
    NeedToKnowMatrixTest.complete(staff("investigator"), ofThisCase, "disciplinary-investigation",
        variables("offenceProven", true, "investigationReport", "ผิดจริง / Proven"));
    waitFor(staff("authority"), ofThisCase);
    NeedToKnowMatrixTest.complete(staff("authority"), ofThisCase, "decide-penalty",
        variables("penalty", "DISMISSAL", "penaltyReason", "ร้ายแรง / Serious"));
    IntakeOverHttpTest.waitUntil(() -> !appealTimers(tn).isEmpty());
    appealTimers(tn).forEach(job -> management.executeJob(job.getId()));
    // the case is closed in the record before its lifecycle's last asynchronous step (the outcome notice) ends it
    IntakeOverHttpTest.waitUntil(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(tn).count() == 0);
    staff("investigator2").get("/api/staff/complaints/" + tn); // refused, and recorded

    JsonNode timeline = staff("supervisor").get("/api/staff/complaints/" + tn + "/timeline").body();
    List<String> tasks = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    java.time.Instant previous = java.time.Instant.EPOCH;
    for (JsonNode entry : timeline) {
      kinds.add(entry.get("kind").asText());
      java.time.Instant at = java.time.Instant.parse(entry.get("at").asText());
      assertThat(at).isAfterOrEqualTo(previous);
      previous = at;
      assertThat(entry.get("summary").get("th").asText()).isNotBlank();
      assertThat(entry.get("summary").get("en").asText()).isNotBlank();
      assertThat(entry.get("date").get("th").asText()).contains("25"); // Buddhist-era year
      if (entry.get("kind").asText().equals("TASK_COMPLETED")) {
        tasks.add(entry.get("details").get("task").asText() + " by " + entry.get("actor").asText());
      }
    }
    assertThat(tasks).containsExactly("screen-complaint by screener", "assign-investigator by supervisor",
        "conduct-fact-finding by investigator", "review-findings by supervisor", "appoint-committee by authority",
        "record-first-meeting by investigator", "disciplinary-investigation by investigator",
        "decide-penalty by authority");
    assertThat(kinds.get(0)).isEqualTo("RECEIVED");
    assertThat(kinds).contains("NOTE", "STAGE_STARTED", "CLOSED", "CASE_READ", "CASE_READ_REFUSED");
    JsonNode screening = find(timeline, "screen-complaint");
    assertThat(screening.get("details").get("fields").get("screeningDecision").asText()).isEqualTo("ACCEPT");
    JsonNode review = find(timeline, "review-findings");
    assertThat(review.get("details").get("fields").get("reviewComment").asText()).isEqualTo("เห็นด้วย / Agreed");
    assertThat(find(timeline, "decide-penalty").get("details").get("fields").get("penalty").asText())
        .isEqualTo("DISMISSAL");

    // the investigator sees the whole story but not who read the file; nobody sees the complainant
    JsonNode forInvestigator = staff("investigator").get("/api/staff/complaints/" + tn + "/timeline").body();
    List<String> theirKinds = new ArrayList<>();
    forInvestigator.forEach(e -> theirKinds.add(e.get("kind").asText()));
    assertThat(theirKinds).contains("TASK_COMPLETED", "NOTE").doesNotContain("CASE_READ", "CASE_READ_REFUSED",
        "IDENTITY_REVEALED");
    assertThat(staff("investigator2").get("/api/staff/complaints/" + tn + "/timeline").status()).isEqualTo(404);
    assertThat(staff("supervisor").get("/api/staff/complaints/" + tn + "/timeline?offset=-1").status()).isEqualTo(400);
  }

  private static JsonNode find(JsonNode timeline, String task) {
    for (JsonNode entry : timeline) {
      if (entry.get("kind").asText().equals("TASK_COMPLETED") && entry.get("details").get("task").asText().equals(task)) {
        return entry;
      }
    }
    throw new AssertionError("no " + task + " in " + timeline);
  }

  private List<Job> appealTimers(String trackingNumber) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).list().stream()
        .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).activityId("appeal-window-closed")
            .list().stream())
        .toList();
  }

  private static void waitFor(StaffClient who, String query) {
    IntakeOverHttpTest.waitUntil(() -> !who.get(query).body().isEmpty());
  }

  private Answer upload(String user, String path, String kind, Long replaces, String name, byte[] bytes) {
    Multipart body = new Multipart().field("kind", kind).file("file", name, "application/pdf", bytes);
    if (replaces != null) {
      body.field("replaces", Long.toString(replaces));
    }
    return staff(user).raw("POST", path, Map.of("Content-Type", body.contentType(), "Authorization", "Basic "
        + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes())),
        BodyPublishers.ofByteArray(body.bytes()));
  }

  private static void assertField(Answer answer, String field) {
    assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.raw()).contains("\"" + field + "\"");
  }
}

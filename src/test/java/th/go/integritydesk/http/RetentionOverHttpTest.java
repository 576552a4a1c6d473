package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.http.StaffClient.Answer;
import th.go.integritydesk.storage.FileMetadataTest;

/**
 * PDPA retention (issue 25, docs/adr/0017-retention.md), with the engine clock moved past a closed case's time: the
 * administrator's {@code POST /engine-rest/history/cleanup?immediatelyDue=true} (here its service call) runs the
 * engine's cleanup job, which reduces the case to its tombstone (identity, contact, evidence and its sealed original, the complainant's later
 * message, messages, notes, documents, the text of the complaint, the receipt code and the data key all gone) and the
 * engine's history with it; the year's statistics are the same before and after, to the case. A case on legal hold
 * stays whole until the hold is lifted; a hold or a lift without a reason is a 400 naming the field. The records of
 * who read the case outlive it, for their own time. Its own application (the clock and the retention are moved).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:retention-tests;DB_CLOSE_DELAY=-1",
        "integrity-desk.rate-limit.public-reads=1000000", "integrity-desk.rate-limit.concurrent=64",
        "integrity-desk.search.index-dir=memory", "integrity-desk.search.refresh=PT0.2S",
        "integrity-desk.statistics.cache.current=PT0S", "integrity-desk.statistics.cache.past=PT0S",
        "integrity-desk.history.default-time-to-live-days=1",
        "integrity-desk.history.time-to-live-days.complaint-lifecycle=1",
        "integrity-desk.history.time-to-live-days.fact-finding=1",
        "integrity-desk.history.time-to-live-days.disciplinary-action=1",
        "integrity-desk.history.audit-time-to-live-days=4",
        // one case a batch: a case not yet due at the head of the queue must not hold the others back
        "camunda.bpm.generic-properties.properties.historyCleanupBatchSize=1",
        // an engine name of its own: a second "default" engine would take the shared HTTP tests' /engine-rest and
        // webapps over (the engine REST API finds engines by name); the engine is driven through its services here
        "camunda.bpm.process-engine-name=retention", "spring.application.name=retention-tests"})
// its own application, closed after it; after the tests of the shared one, whose timers the moved clock would fire
@org.springframework.test.annotation.DirtiesContext
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
class RetentionOverHttpTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired HistoryService history;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  private final String marker = UUID.randomUUID().toString().substring(0, 8);

  record Filed(String trackingNumber, String receiptCode, String name, String phone, String subject) {}

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aClosedCaseBecomesItsTombstoneTheStatisticsStayAndAHeldCaseStaysWhole() throws Exception {
    Filed removed = fileAndClose("r");
    Filed held = fileAndClose("h");
    // closed first (as if), but its process still runs (an outcome letter not yet posted, say): not due, not in the way
    Filed running = file("x");
    jdbc.sql("UPDATE complaint SET closed_at = ? WHERE tracking_number = ?")
        .params(java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(10))), running.trackingNumber())
        .update();
    StaffClient supervisor = new StaffClient(port, "supervisor", "demo");
    String holdPath = "/api/staff/complaints/" + held.trackingNumber() + "/legal-hold";

    Answer noReason = supervisor.post(holdPath, Map.of());
    assertThat(noReason.status()).as(noReason.raw()).isEqualTo(400);
    assertThat(noReason.contentType()).startsWith("application/problem+json");
    assertThat(noReason.raw()).contains("reason");
    assertThat(new StaffClient(port, "screener", "demo").post(holdPath, Map.of("reason", "ศาลขอให้เก็บไว้ / court order"))
        .status()).isEqualTo(403);
    Answer set = supervisor.post(holdPath, Map.of("reason", "ศาลปกครองขอเอกสาร / Administrative court asked for it"));
    assertThat(set.status()).as(set.raw()).isEqualTo(201);
    assertThat(supervisor.post(holdPath, Map.of("reason", "อีกครั้งหนึ่ง / once more")).status()).isEqualTo(409);
    assertThat(supervisor.get(holdPath).body().get("held").asBoolean()).isTrue();

    int year = jdbc.sql("SELECT fiscal_year FROM complaint WHERE tracking_number = ?").param(removed.trackingNumber())
        .query(Integer.class).single();
    String before = supervisor.get("/api/statistics?fiscalYear=" + year).raw();
    Answer readsBefore = supervisor.get("/api/staff/complaints/" + removed.trackingNumber() + "/timeline");
    assertThat(readsBefore.status()).isEqualTo(200);
    assertThat(count("case_read", removed.trackingNumber())).isPositive();

    // wrong custodian passphrases: one of today, one two days on (the lock-out's window is 15 minutes)
    jdbc.sql("INSERT INTO custodian_attempt (holder, attempted_at) VALUES (?, ?), (?, ?)")
        .params("old-" + marker, java.sql.Timestamp.from(java.time.Instant.now()),
            "new-" + marker, java.sql.Timestamp.from(java.time.Instant.now().plus(Duration.ofDays(2))))
        .update();

    // two days on, past the one-day retention of both: only the case without a hold goes
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(2).toMillis()));
    cleanUpNow();
    IntakeOverHttpTest.waitUntil(() -> removedAt(removed.trackingNumber()) != null);
    IntakeOverHttpTest.waitUntil(() -> attempts("old-" + marker) == 0);
    assertThat(attempts("new-" + marker)).as("a wrong passphrase within the lock-out's window stays").isEqualTo(1);
    assertTombstone(removed, supervisor);
    assertThat(supervisor.get("/api/statistics?fiscalYear=" + year).raw()).isEqualTo(before);
    assertThat(count("case_read", removed.trackingNumber())).as("reads live on for their own time").isPositive();
    IntakeOverHttpTest.waitUntil(() -> history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(removed.trackingNumber()).count() == 0);

    assertThat(removedAt(held.trackingNumber())).isNull();
    assertWhole(held);
    assertThat(removedAt(running.trackingNumber())).isNull();
    assertWhole(running);

    // the hold is lifted (with a reason): the next run takes the case too
    assertThat(supervisor.post(holdPath + "/lift", Map.of("reason", " ")).status()).isEqualTo(400);
    Answer lifted = supervisor.post(holdPath + "/lift", Map.of("reason", "คดีถึงที่สุดแล้ว / the case is final"));
    assertThat(lifted.status()).as(lifted.raw()).isEqualTo(200);
    assertThat(supervisor.post(holdPath + "/lift", Map.of("reason", "อีกครั้งหนึ่ง / once more")).status())
        .isEqualTo(409);
    cleanUpNow();
    IntakeOverHttpTest.waitUntil(() -> removedAt(held.trackingNumber()) != null);
    assertTombstone(held, supervisor);
    assertThat(supervisor.post(holdPath, Map.of("reason", "สายไปแล้ว / too late now")).status()).isEqualTo(409);
    assertThat(supervisor.get("/api/statistics?fiscalYear=" + year).raw()).isEqualTo(before);
    assertThat(count("legal_hold", held.trackingNumber())).as("the hold's record stays").isEqualTo(1);

    // a week on, past the reads' own four days (the last of them were made two days on)
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(7).toMillis()));
    cleanUpNow();
    IntakeOverHttpTest.waitUntil(() -> count("case_read", removed.trackingNumber()) == 0);
    assertThat(supervisor.get("/api/statistics?fiscalYear=" + year).raw()).isEqualTo(before);
  }

  /** What {@code POST /engine-rest/history/cleanup?immediatelyDue=true} does (RetentionAfterSigkillTest calls it). */
  private void cleanUpNow() {
    assertThat(history.cleanUpHistoryAsync(true)).isNotNull();
  }

  private Object removedAt(String trackingNumber) {
    return jdbc.sql("SELECT removed_at FROM complaint WHERE tracking_number = ?").param(trackingNumber)
        .query((rs, i) -> java.util.Optional.ofNullable(rs.getTimestamp(1))).single().orElse(null);
  }

  private long attempts(String holder) {
    return jdbc.sql("SELECT COUNT(*) FROM custodian_attempt WHERE holder = ?").param(holder).query(Long.class).single();
  }

  private long count(String table, String trackingNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE tracking_number = ?").param(trackingNumber)
        .query(Long.class).single();
  }

  private void assertTombstone(Filed filed, StaffClient supervisor) throws Exception {
    String tn = filed.trackingNumber();
    Map<String, Object> row = jdbc.sql("SELECT * FROM complaint WHERE tracking_number = ?").param(tn).query()
        .singleRow();
    for (String gone : List.of("SUBJECT", "DESCRIPTION", "ACCUSED_NAME", "ACCUSED_POSITION", "LOCATION",
        "RECEIPT_CODE_HASH", "VOLUNTEER_CODE", "REFERENCE_NUMBER", "AMOUNT_INVOLVED")) {
      assertThat(row.get(gone)).as(gone).isNull();
    }
    for (String kept : List.of("FISCAL_YEAR", "CHANNEL", "CATEGORY", "ACCUSED_UNIT", "ACCUSED_RANK", "RECEIVED_AT",
        "CLOSED_AT", "STAGE", "OUTCOME")) {
      assertThat(row.get(kept)).as(kept).isNotNull();
    }
    for (String table : List.of("complainant_identity", "evidence", "complainant_submission", "complainant_message",
        "case_note", "case_document", "case_key", "idempotency_record")) {
      assertThat(count(table, tn)).as(table).isZero();
    }
    // nothing of the case is left in any table of the application, but the tombstone and the staff records
    String everything = jdbc.sql("SELECT * FROM complaint WHERE tracking_number = ?").param(tn).query().listOfRows()
        .toString();
    assertThat(everything).doesNotContain(filed.subject(), filed.name(), filed.phone(), marker);
    // the receipt code no longer opens it; the case file is the tombstone; the search forgets it
    Answer status = new StaffClient(port, "nobody", "none").raw("GET", "/api/complaints/" + tn,
        Map.of("X-Receipt-Code", filed.receiptCode()), BodyPublishers.noBody());
    assertThat(status.status()).isEqualTo(404);
    Answer file = supervisor.get("/api/staff/complaints/" + tn);
    assertThat(file.status()).as(file.raw()).isEqualTo(200);
    assertThat(file.body().get("removedAt").isNull()).isFalse();
    assertThat(file.raw()).doesNotContain(filed.subject(), marker);
    assertThat(supervisor.getAsIs("/staff/case?tn=" + tn).status()).isEqualTo(200);
    Answer timeline = supervisor.get("/api/staff/complaints/" + tn + "/timeline");
    assertThat(timeline.raw()).contains("RETENTION_ENDED");
    IntakeOverHttpTest.waitUntil(() -> supervisor.get("/api/staff/search?q=" + marker).body().get("total").asInt() == 0
        || supervisor.get("/api/staff/search?q=" + marker).body().get("hits").toString().indexOf(tn) < 0);
  }

  private void assertWhole(Filed filed) {
    String tn = filed.trackingNumber();
    for (String table : List.of("complainant_identity", "evidence", "complainant_submission", "case_note",
        "case_key")) {
      assertThat(count(table, tn)).as(table).isPositive();
    }
    assertThat(jdbc.sql("SELECT subject FROM complaint WHERE tracking_number = ?").param(tn).query(String.class)
        .single()).isEqualTo(filed.subject());
    Answer status = new StaffClient(port, "nobody", "none").raw("GET", "/api/complaints/" + tn,
        Map.of("X-Receipt-Code", filed.receiptCode()), BodyPublishers.noBody());
    assertThat(status.status()).isEqualTo(200);
  }

  /** A named complaint with a photo, a later message and a note, rejected at screening: closed, its process ended. */
  private Filed fileAndClose(String which) throws Exception {
    Filed filed = file(which);
    String tn = filed.trackingNumber();
    String task = tasks.createTaskQuery().processInstanceBusinessKey(tn).taskDefinitionKey("screen-complaint")
        .singleResult().getId();
    org.camunda.bpm.engine.IdentityService identity = org.camunda.bpm.engine.ProcessEngines
        .getProcessEngine("retention").getIdentityService();
    identity.setAuthentication("screener", List.of("screening"));
    try {
      tasks.complete(task, Map.of("screeningDecision", "REJECT", "screeningReason", "ไม่อยู่ในอำนาจ / Not ours"));
    } finally {
      identity.clearAuthentication();
    }
    IntakeOverHttpTest.waitUntil(() -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(tn)
        .unfinished().count() == 0);
    assertThat(jdbc.sql("SELECT closed_at FROM complaint WHERE tracking_number = ?").param(tn)
        .query((rs, i) -> rs.getTimestamp(1)).single()).isNotNull();
    return filed;
  }

  /** A named complaint with a photo, a later message and a note, waiting at screening. */
  private Filed file(String which) throws Exception {
    String subject = "เรียกรับเงินค่าใบอนุญาต Subject" + marker + which;
    String name = "นางสาวผู้ร้อง Name" + marker + which;
    String phone = "08" + Math.floorMod((marker + which).hashCode(), 100_000_000);
    var complaint = IntakeOverHttpTest.complaint();
    complaint.put("subject", subject);
    complaint.put("description", "ข้อเท็จจริง Facts" + marker + which);
    // no e-mail and no postal address: the outcome goes to the status page only, so the case ends at once (the
    // sealing of those two is SealedAtRestDumpTest's; here the name and phone stand for the identity)
    complaint.putObject("complainant").put("name", name).put("phone", phone);
    complaint.put("consentToContact", true);
    Multipart body = new Multipart().json("complaint", complaint.toString())
        .file("evidence", "IMG_" + which + ".jpg", "image/jpeg", FileMetadataTest.photoWithExif());
    StaffClient nobody = new StaffClient(port, "nobody", "none");
    Answer receipt = nobody.raw("POST", "/api/complaints", Map.of("Content-Type", body.contentType()),
        BodyPublishers.ofByteArray(body.bytes()));
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    String tn = receipt.body().get("trackingNumber").asText();
    String code = receipt.body().get("receiptCode").asText();
    Answer message = nobody.raw("POST", "/api/complaints/" + tn + "/messages",
        Map.of("Content-Type", "application/json", "X-Receipt-Code", code),
        BodyPublishers.ofString("{\"text\":\"ข้อมูลเพิ่ม Reply" + marker + "\"}", StandardCharsets.UTF_8));
    assertThat(message.status()).as(message.raw()).isEqualTo(201);

    StaffClient screener = new StaffClient(port, "screener", "demo");
    IntakeOverHttpTest.waitUntil(() -> tasks.createTaskQuery().processInstanceBusinessKey(tn)
        .taskDefinitionKey("screen-complaint").count() == 1);
    Answer note = screener.post("/api/staff/complaints/" + tn + "/notes", Map.of("text", "บันทึก Note" + marker));
    assertThat(note.status()).as(note.raw()).isEqualTo(201);
    return new Filed(tn, code, name, phone, subject);
  }
}

package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.integritydesk.http.StaffClient.variables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.http.StaffClient.Answer;
import th.go.integritydesk.intake.CaseAccess;
import th.go.integritydesk.web.CaseNotFound;
import th.go.integritydesk.web.TooManyAttempts;

/** The public intake channel over HTTP: submissions, receipt codes, status, replies, evidence, identity. */
@HttpTest
class IntakeOverHttpTest {

  static final String CODE = "^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired th.go.integritydesk.intake.ReceiptCodes receiptCodes;
  @Autowired CaseAccess caseAccess;

  StaffClient anonymous() {
    return new StaffClient(port, "nobody", "none");
  }

  StaffClient staff(String user) {
    return new StaffClient(port, user, "demo");
  }

  static ObjectNode complaint() {
    ObjectNode c = JSON.createObjectNode();
    c.put("channel", "WEB");
    c.put("category", "BRIBERY");
    c.put("subject", "เจ้าหน้าที่เรียกรับเงิน / Officer asked for money");
    c.put("description", "เมื่อวันที่ 1 ก.ย. เจ้าหน้าที่เรียกเงิน 3,000 บาทเพื่อออกใบอนุญาต / Asked 3,000 baht for a permit.");
    ObjectNode accused = c.putObject("accused");
    accused.put("name", "นาย ข");
    accused.put("unit", "กองคลัง");
    accused.put("rank", "OPERATIONAL");
    c.put("incidentDate", "2025-09-01");
    c.put("amountInvolved", 3000);
    return c;
  }

  Answer submit(ObjectNode body, Map<String, String> extraHeaders) {
    Map<String, String> headers = new HashMap<>(extraHeaders);
    headers.put("Content-Type", "application/json");
    return anonymous().raw("POST", "/api/complaints", headers, BodyPublishers.ofString(body.toString()));
  }

  Answer status(String trackingNumber, String code) {
    return anonymous().raw("GET", "/api/complaints/" + trackingNumber, Map.of("X-Receipt-Code", code),
        BodyPublishers.noBody());
  }

  int rows(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
  }

  @Test
  void anonymousComplaintGetsATrackingNumberAndAOneTimeReceiptCode() {
    Answer receipt = submit(complaint(), Map.of());
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    String trackingNumber = receipt.body().get("trackingNumber").asText();
    assertThat(trackingNumber).matches("^ACC-25[0-9]{2}-[0-9]{6}$");
    assertThat(receipt.body().get("receiptCode").asText()).matches(CODE);
    assertThat(receipt.body().get("anonymous").asBoolean()).isTrue();
    assertThat(receipt.headers().firstValue("Location")).contains("/api/complaints/" + trackingNumber);
    assertThat(jdbc.sql("SELECT receipt_code_hash FROM complaint WHERE tracking_number = ?").param(trackingNumber)
        .query(String.class).single()).isEqualTo(receiptCodes.hash(receipt.body().get("receiptCode").asText()))
        .startsWith("hmac-sha256:").doesNotContain(receipt.body().get("receiptCode").asText());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complainant_identity WHERE tracking_number = ?").param(trackingNumber)
        .query(Integer.class).single()).isZero();

    String code = receipt.body().get("receiptCode").asText();
    waitUntil(() -> "SCREENING".equals(status(trackingNumber, code).body().get("stage").asText()));
    JsonNode status = status(trackingNumber, code.toLowerCase().replace("-", "")).body();
    assertThat(status.get("status").asText()).isEqualTo("OPEN");
    assertThat(status.get("receivedAt").asText()).isNotBlank();
    assertThat(status.get("messages").get(0).get("kind").asText()).isEqualTo("ACKNOWLEDGEMENT");
    assertThat(status.get("messages").get(0).get("th").asText()).contains(trackingNumber);
  }

  @Test
  @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
  void namedComplaintKeepsTheIdentityApartAndOnlyIntakeRevealsItOnTheRecord(
      org.springframework.boot.test.system.CapturedOutput logs) {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String name = "นางสาวผู้ร้อง " + marker;
    String email = "whistle." + marker + "@example.org";
    String phone = "081" + marker.replaceAll("[^0-9]", "1234567").substring(0, 7);
    ObjectNode body = complaint();
    ObjectNode complainant = body.putObject("complainant");
    complainant.put("name", name);
    complainant.put("email", email);
    complainant.put("phone", phone);
    body.put("consentToContact", true);
    Answer receipt = submit(body, Map.of());
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    assertThat(receipt.body().get("anonymous").asBoolean()).isFalse();
    String trackingNumber = receipt.body().get("trackingNumber").asText();

    StaffClient screener = staff("screener");
    waitUntil(() -> screener.get("/engine-rest/task?processInstanceBusinessKey=" + trackingNumber).body().size() == 1);
    JsonNode task = screener.get("/engine-rest/task?processInstanceBusinessKey=" + trackingNumber).body().get(0);
    String pi = task.get("processInstanceId").asText();
    List<String> routes = List.of(
        "/engine-rest/task/" + task.get("id").asText() + "/form-variables",
        "/engine-rest/task/" + task.get("id").asText() + "/variables",
        "/engine-rest/variable-instance?processInstanceIdIn=" + pi,
        "/engine-rest/process-instance/" + pi + "/variables",
        "/engine-rest/history/variable-instance?processInstanceId=" + pi,
        "/engine-rest/history/detail?processInstanceId=" + pi,
        "/engine-rest/history/process-instance?processInstanceId=" + pi,
        "/engine-rest/history/task?processInstanceId=" + pi,
        "/engine-rest/history/user-operation?processInstanceId=" + pi,
        "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber,
        "/api/staff/complaints/" + trackingNumber,
        "/api/staff/identity-reveals");
    for (String user : List.of("screener", "supervisor", "investigator", "authority", "analyst", "admin")) {
      for (String route : routes) {
        Answer answer = staff(user).get(route);
        assertThat(answer.raw()).as(user + " " + route).doesNotContain(name).doesNotContain(email).doesNotContain(phone)
            .doesNotContain(marker);
      }
    }
    assertThat(screener.post("/api/staff/complaints/" + trackingNumber + "/identity",
        Map.of("reason", "อยากรู้ว่าใครร้อง / curious who it is")).status()).isEqualTo(403);
    assertThat(anonymous().raw("POST", "/api/staff/complaints/" + trackingNumber + "/identity",
        Map.of("Content-Type", "application/json"), BodyPublishers.ofString("{\"reason\":\"no login at all\"}")).status())
        .isEqualTo(401);

    StaffClient intake = staff("intake");
    // the identity is sealed to the custodians: without their passphrase, or with a wrong one, it does not open
    Answer noPassphrase = intake.post("/api/staff/complaints/" + trackingNumber + "/identity",
        Map.of("reason", "ติดต่อกลับเพื่อขอหลักฐานเพิ่ม / call back for more evidence"));
    assertThat(noPassphrase.status()).isEqualTo(400);
    assertThat(noPassphrase.raw()).contains("X-Custodian-Passphrase");
    Answer wrong = staff("intake").withPassphrase("not the passphrase").post("/api/staff/complaints/" + trackingNumber
        + "/identity", Map.of("reason", "ติดต่อกลับเพื่อขอหลักฐานเพิ่ม / call back for more evidence"));
    assertThat(wrong.status()).as(wrong.raw()).isEqualTo(403);
    assertThat(wrong.contentType()).startsWith("application/problem+json");
    assertThat(wrong.raw()).contains("X-Custodian-Passphrase").doesNotContain(name);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM case_read WHERE tracking_number = ? AND what = 'IDENTITY'"
        + " AND allowed = FALSE AND user_id = 'intake'").param(trackingNumber).query(Integer.class).single())
        .as("both refusals recorded").isEqualTo(2);
    intake.withPassphrase("demo");
    assertThat(intake.post("/api/staff/complaints/" + trackingNumber + "/identity", Map.of("reason", "short")).status())
        .isEqualTo(400);
    Answer revealed = intake.post("/api/staff/complaints/" + trackingNumber + "/identity",
        Map.of("reason", "ติดต่อกลับเพื่อขอหลักฐานเพิ่ม / call back for more evidence"));
    assertThat(revealed.status()).isEqualTo(200);
    assertThat(revealed.body().get("name").asText()).isEqualTo(name);
    assertThat(revealed.body().get("email").asText()).isEqualTo(email);
    JsonNode report = staff("supervisor").get("/api/staff/identity-reveals").body();
    assertThat(report.get(0).get("trackingNumber").asText()).isEqualTo(trackingNumber);
    assertThat(report.get(0).get("revealedTo").asText()).isEqualTo("intake");
    assertThat(report.get(0).get("reason").asText()).contains("call back");
    assertThat(staff("screener").get("/api/staff/identity-reveals").status()).isEqualTo(403);
    // paged, newest first, with the count of all
    Answer firstPage = staff("supervisor").get("/api/staff/identity-reveals?page=0");
    assertThat(Long.parseLong(firstPage.headers().firstValue("X-Total-Count").orElseThrow()))
        .isGreaterThanOrEqualTo(firstPage.body().size());
    assertThat(firstPage.body().size()).isLessThanOrEqualTo(100);
    Answer badPage = staff("supervisor").get("/api/staff/identity-reveals?page=-1");
    assertThat(badPage.status()).isEqualTo(400);
    assertThat(badPage.raw()).contains("page");

    // the application logged this case (its tracking number is in the log context) but never who complained
    assertThat(logs.getAll()).contains(trackingNumber).doesNotContain(name).doesNotContain(email).doesNotContain(phone);
  }

  @Test
  void retriedSubmissionWithTheSameIdempotencyKeyReturnsTheFirstAnswer() {
    String key = UUID.randomUUID().toString();
    int before = rows("complaint");
    Answer first = submit(complaint(), Map.of("Idempotency-Key", key));
    Answer retry = submit(complaint(), Map.of("Idempotency-Key", key));
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(rows("complaint")).isEqualTo(before + 1);
    assertThat(status(first.body().get("trackingNumber").asText(), retry.body().get("receiptCode").asText()).status())
        .isEqualTo(200);

    ObjectNode different = complaint();
    different.put("subject", "เรื่องอื่น / Another matter");
    Answer reused = submit(different, Map.of("Idempotency-Key", key));
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.contentType()).startsWith("application/problem+json");
    assertThat(rows("complaint")).isEqualTo(before + 1);
  }

  @Test
  void wrongCodesAndUnknownNumbersAnswerTheSameNotFound() {
    Answer receipt = submit(complaint(), Map.of());
    String trackingNumber = receipt.body().get("trackingNumber").asText();
    String code = receipt.body().get("receiptCode").asText();

    Answer wrongCode = status(trackingNumber, "AAAA-AAAA-AAAA-AAAA-AAAA");
    Answer unknownCase = status("ACC-2400-999999", code);
    Answer noCode = anonymous().raw("GET", "/api/complaints/" + trackingNumber, Map.of(), BodyPublishers.noBody());
    for (Answer notFound : List.of(wrongCode, unknownCase, noCode)) {
      assertThat(notFound.status()).isEqualTo(404);
      assertThat(notFound.contentType()).startsWith("application/problem+json");
      assertThat(notFound.body().get("detail")).isEqualTo(wrongCode.body().get("detail"));
      assertThat(notFound.body().get("title")).isEqualTo(wrongCode.body().get("title"));
    }
    assertThat(status(trackingNumber, code).status()).isEqualTo(200);
    jdbc.sql("DELETE FROM receipt_attempt").update(); // the HTTP tests share one client address
  }

  @Test
  void attack5_aGuessingClientIsThrottledWithGrowingDelaysButTheRightCodeAlwaysOpensTheCase() {
    Answer receipt = submit(complaint(), Map.of());
    String trackingNumber = receipt.body().get("trackingNumber").asText();
    String code = receipt.body().get("receiptCode").asText();
    try {
      // another client (an official who knows the tracking number) guesses 8 times: no per-case lockout follows
      for (int i = 0; i < 8; i++) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> caseAccess.open(trackingNumber, "CCCC-CCCC-CCCC-CCCC-CCCC",
            "203.0.113.66")).isInstanceOfAny(CaseNotFound.class, TooManyAttempts.class);
      }
      assertThat(status(trackingNumber, code).status()).isEqualTo(200);

      // this client guesses: free up to the limit, then 429 with a Retry-After that grows with every wrong code
      List<Long> retryAfter = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Answer wrong = status(trackingNumber, "BBBB-BBBB-BBBB-BBBB-BBB" + i);
        if (i < 5) {
          assertThat(wrong.status()).isEqualTo(404);
        } else {
          assertThat(wrong.status()).isEqualTo(429);
          assertThat(wrong.contentType()).startsWith("application/problem+json");
          retryAfter.add(Long.parseLong(wrong.headers().firstValue("Retry-After").orElseThrow()));
        }
      }
      assertThat(retryAfter).hasSize(3).isSorted().doesNotHaveDuplicates();
      // ... and the right code still opens the case, from the throttled client too
      assertThat(status(trackingNumber, code).status()).isEqualTo(200);
    } finally {
      jdbc.sql("DELETE FROM receipt_attempt").update(); // the HTTP tests share one client address
    }
  }

  @Test
  void complainantsReplyAnswersTheRequestForInformationAndScreeningResumes() {
    Answer receipt = submit(complaint(), Map.of());
    String trackingNumber = receipt.body().get("trackingNumber").asText();
    String code = receipt.body().get("receiptCode").asText();
    StaffClient screener = staff("screener");
    String tasks = "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber;
    waitUntil(() -> screener.get(tasks).body().size() == 1);
    String taskId = screener.get(tasks).body().get(0).get("id").asText();
    assertThat(screener.post("/engine-rest/task/" + taskId + "/complete", variables("screeningDecision", "REQUEST_INFO",
        "infoRequest", "ขอชื่อร้านและวันที่ / Which shop and which day?",
        "messageToComplainant", "ขอบคุณที่แจ้งเรื่อง / Thank you for reporting")).status()).isEqualTo(204);

    waitUntil(() -> status(trackingNumber, code).body().get("awaitingInformation").asBoolean());
    JsonNode waiting = status(trackingNumber, code).body();
    assertThat(waiting.get("awaitingInformation").asBoolean()).isTrue();
    assertThat(waiting.get("stage").asText()).isEqualTo("AWAITING_COMPLAINANT");
    assertThat(waiting.toString()).contains("Which shop and which day?").contains("Thank you for reporting");

    Answer reply = anonymous().raw("POST", "/api/complaints/" + trackingNumber + "/messages",
        Map.of("X-Receipt-Code", code, "Content-Type", "application/json"),
        BodyPublishers.ofString("{\"text\":\"ร้านข้างที่ว่าการ วันที่ 1 / The shop next to the district office, on the 1st\"}"));
    assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    assertThat(reply.body().get("answeredRequestForInformation").asBoolean()).isTrue();
    waitUntil(() -> screener.get(tasks).body().size() == 1);
    String again = screener.get(tasks).body().get(0).get("id").asText();
    // the form says a reply came and where it is; the reply itself stays sealed in the case file, out of the engine
    assertThat(screener.get("/engine-rest/task/" + again + "/form-variables").body().get("complainantReply").get("value")
        .asText()).contains("case file").doesNotContain("district office");
    assertThat(screener.get("/api/staff/complaints/" + trackingNumber).body().get("complainantSubmissions").get(0)
        .get("body").asText()).contains("district office");
    assertThat(status(trackingNumber, code).body().get("stage").asText()).isEqualTo("SCREENING");

    Answer wrong = anonymous().raw("POST", "/api/complaints/" + trackingNumber + "/messages",
        Map.of("X-Receipt-Code", "CCCC-CCCC-CCCC-CCCC-CCCC", "Content-Type", "application/json"),
        BodyPublishers.ofString("{\"text\":\"x\"}"));
    assertThat(wrong.status()).isEqualTo(404);
  }

  @Test
  void evidenceIsTypedFromItsBytesFingerprintedAndDownloadableByStaff() throws Exception {
    byte[] png = Base64Png.ONE_PIXEL;
    byte[] text = "ใบเสร็จ / receipt 3,000 baht".getBytes(StandardCharsets.UTF_8);
    Multipart body = new Multipart().json("complaint", complaint().toString())
        .file("evidence", "../../etc/ภาพถ่าย สำคัญ.png", "image/png", png)
        .file("evidence", "note.txt", "text/plain", text);
    Answer receipt = anonymous().raw("POST", "/api/complaints", Map.of("Content-Type", body.contentType()),
        BodyPublishers.ofByteArray(body.bytes()));
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    String trackingNumber = receipt.body().get("trackingNumber").asText();

    JsonNode file = staff("screener").get("/api/staff/complaints/" + trackingNumber).body();
    assertThat(file.has("complainant")).isFalse();
    JsonNode evidence = file.get("evidence");
    assertThat(evidence).hasSize(2);
    assertThat(evidence.get(0).get("fileName").asText()).isEqualTo("ภาพถ่าย สำคัญ.png");
    assertThat(evidence.get(0).get("contentType").asText()).isEqualTo("image/png");
    assertThat(evidence.get(0).get("sha256").asText()).isEqualTo(sha256(png));
    assertThat(evidence.get(1).get("contentType").asText()).isEqualTo("text/plain");
    var download = staff("screener").download(evidence.get(0).get("href").asText());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(png);
    assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    assertThat(staff("analyst").download(evidence.get(0).get("href").asText()).statusCode()).isEqualTo(404);
    assertThat(anonymous().raw("GET", evidence.get(0).get("href").asText(), Map.of(), BodyPublishers.noBody()).status())
        .isEqualTo(401);
  }

  @Test
  void renamedExecutablesTooManyAndTooLargeFilesAreRefusedAndNothingIsStored() {
    int complaints = rows("complaint");
    int files = rows("evidence");
    byte[] windowsExecutable = new byte[256];
    windowsExecutable[0] = 'M';
    windowsExecutable[1] = 'Z';
    byte[] linuxExecutable = new byte[256];
    System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1}, 0, linuxExecutable, 0, 7);
    byte[] script = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8);

    assertRefused(new Multipart().json("complaint", complaint().toString())
        .file("evidence", "photo.jpg", "image/jpeg", windowsExecutable), 400, "evidence[0]");
    assertRefused(new Multipart().json("complaint", complaint().toString())
        .file("evidence", "ok.png", "image/png", Base64Png.ONE_PIXEL)
        .file("evidence", "scan.pdf", "application/pdf", linuxExecutable), 400, "evidence[1]");
    assertRefused(new Multipart().json("complaint", complaint().toString())
        .file("evidence", "notes.txt", "text/plain", script), 400, "evidence[0]");
    assertRefused(new Multipart().json("complaint", complaint().toString())
        .file("evidence", "empty.png", "image/png", new byte[0]), 400, "evidence[0]");
    Multipart six = new Multipart().json("complaint", complaint().toString());
    for (int i = 0; i < 6; i++) {
      six.file("evidence", "p" + i + ".png", "image/png", Base64Png.ONE_PIXEL);
    }
    assertRefused(six, 400, "evidence");
    byte[] large = new byte[10 * 1024 * 1024 + 1];
    Arrays.fill(large, (byte) 'a');
    assertRefused(new Multipart().json("complaint", complaint().toString())
        .file("evidence", "big.txt", "text/plain", large), 413, "evidence");

    assertThat(rows("complaint")).isEqualTo(complaints);
    assertThat(rows("evidence")).isEqualTo(files);
  }

  private void assertRefused(Multipart body, int status, String field) {
    Answer answer = anonymous().raw("POST", "/api/complaints", Map.of("Content-Type", body.contentType()),
        BodyPublishers.ofByteArray(body.bytes()));
    assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().get("errors").findValuesAsText("field")).contains(field);
  }

  static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void aReceiptCodeStoredAsBCryptBeforeTheKeyedHashStillOpensItsCaseOnceAndIsThenRehashed() {
    Answer receipt = submit(complaint(), Map.of());
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    String trackingNumber = receipt.body().get("trackingNumber").asText();
    String code = receipt.body().get("receiptCode").asText();
    // a row as the earlier release wrote it: BCrypt(10) of the normalised code
    String bcrypt = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(10).encode(code.replace("-", ""));
    jdbc.sql("UPDATE complaint SET receipt_code_hash = ? WHERE tracking_number = ?").params(bcrypt, trackingNumber).update();

    assertThat(status(trackingNumber, "AAAA-BBBB-CCCC-DDDD-EEEE").status()).isEqualTo(404);
    assertThat(jdbc.sql("SELECT receipt_code_hash FROM complaint WHERE tracking_number = ?").param(trackingNumber)
        .query(String.class).single()).as("a wrong code changes nothing").isEqualTo(bcrypt);
    assertThat(status(trackingNumber, code).status()).isEqualTo(200);
    assertThat(jdbc.sql("SELECT receipt_code_hash FROM complaint WHERE tracking_number = ?").param(trackingNumber)
        .query(String.class).single()).isEqualTo(receiptCodes.hash(code));
    assertThat(status(trackingNumber, code).status()).isEqualTo(200);
  }

  static void waitUntil(Supplier<Boolean> condition) {
    th.go.integritydesk.Eventually.within(Duration.ofSeconds(30), "the condition", condition::get);
  }

  /** A valid 1x1 PNG. */
  static final class Base64Png {
    static final byte[] ONE_PIXEL = java.util.Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
  }
}

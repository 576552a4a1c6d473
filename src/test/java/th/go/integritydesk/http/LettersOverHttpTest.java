package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.integritydesk.http.StaffClient.variables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.http.StaffClient.Answer;

/**
 * The paper channel (DESIGN.md, "Letters"): every kind of letter and order generated from a case at its stage, its
 * document's text checked (number, Thai date, เรื่อง and เรียน, the facts, the identity only where it may be), the
 * register's numbers under concurrency, and who may do what.
 */
@HttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LettersOverHttpTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  private final List<String> filed = new ArrayList<>();

  @AfterAll
  void endTheCases() {
    NeedToKnowMatrixTest.endCases(runtime, filed);
  }

  /** Intake's clients send the demo custodians' passphrase (letters to the complainant carry their identity). */
  StaffClient staff(String user) {
    StaffClient client = new StaffClient(port, user, "demo");
    return user.equals("intake") ? client.withPassphrase("demo") : client;
  }

  /** A letter complaint recorded by intake, with a name and a postal address (and no e-mail). */
  String paperComplaint(boolean consent, String address) {
    Map<String, Object> complainant = new java.util.HashMap<>(Map.of("name", "นายจดหมาย ส่งไปรษณีย์"));
    if (address != null) {
      complainant.put("address", address);
    }
    Answer recorded = staff("intake").post("/api/staff/complaints", Map.of("channel", "LETTER", "category",
        "PROCUREMENT", "subject", "จัดซื้อเครื่องพิมพ์แพงเกินจริง", "description",
        "ราคาเครื่องพิมพ์สูงกว่าราคาตลาดสามเท่า FACTS-MARKER", "accused", Map.of("name", "นายผู้อำนวยการ ก",
            "position", "ผู้อำนวยการกองคลัง", "unit", "กองคลัง", "rank", "DIRECTOR"),
        "complainant", complainant, "consentToContact", consent));
    assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
    String trackingNumber = recorded.body().get("trackingNumber").asText();
    filed.add(trackingNumber);
    IntakeOverHttpTest.waitUntil(() -> staff("screener")
        .get("/engine-rest/task?processInstanceBusinessKey=" + trackingNumber).body().size() == 1);
    return trackingNumber;
  }

  @Test
  void aPaperComplainantGetsAnAcknowledgementLetterWithANumberFromTheRegister() throws Exception {
    String tn = paperComplaint(false, "99 หมู่ 1 ตำบลบ้านไกล อำเภอเมือง จังหวัดน่าน 55000");
    String letters = "/api/staff/complaints/" + tn + "/letters";
    JsonNode owed = staff("intake").get(letters).body();
    assertThat(owed).as("the intake task to post it says the letter is owed").hasSize(1);
    assertThat(owed.get(0).get("kind").asText()).isEqualTo("acknowledgement");
    assertThat(owed.get(0).get("status").asText()).isEqualTo("owed");
    assertThat(owed.get(0).get("due").asText()).isNotBlank();
    assertThat(owed.get(0).has("number")).isFalse();
    assertThat(staff("screener").post(letters, Map.of("kind", "acknowledgement")).status()).isEqualTo(403);
    int revealsBefore = reveals(tn);
    Answer made = staff("intake").post(letters, Map.of("kind", "acknowledgement"));
    assertThat(made.status()).as(made.raw()).isEqualTo(201);
    String number = made.body().get("number").asText();
    assertThat(number).matches("รง 0201/[0-9]+");
    String xml = documentXml(staff("intake"), made.body().get("href").asText());
    assertThat(xml).contains("ที่ " + number).contains(th.go.integritydesk.letters.LettersTestAccess.thaiDate(Instant.now()))
        .contains("เรื่อง").contains("เรียน").contains("นายจดหมาย ส่งไปรษณีย์").contains("ตำบลบ้านไกล")
        .contains(tn).contains("จัดซื้อเครื่องพิมพ์แพงเกินจริง").contains("TH Sarabun New");
    assertThat(reveals(tn)).as("generated and downloaded: two reveals on record").isEqualTo(revealsBefore + 2);
    // the letter is sealed to the custodians: intake without the passphrase, or with a wrong one, does not get it
    assertThat(new StaffClient(port, "intake", "demo").download(made.body().get("href").asText()).statusCode())
        .isEqualTo(400);
    assertThat(new StaffClient(port, "intake", "demo").withPassphrase("wrong passphrase")
        .download(made.body().get("href").asText()).statusCode()).isEqualTo(403);
    assertThat(reveals(tn)).as("refused downloads reveal nothing").isEqualTo(revealsBefore + 2);
    // other officers may not download it, even those who read the case
    assertThat(staff("screener").download(made.body().get("href").asText()).statusCode()).isEqualTo(403);
    // never again under a new number without a reason
    assertThat(staff("intake").post(letters, Map.of("kind", "acknowledgement")).status()).isEqualTo(409);
    Answer again = staff("intake").post(letters, Map.of("kind", "acknowledgement", "reason", "ส่งใหม่ ไปรษณีย์ตีกลับ"));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body().get("number").asText()).isNotEqualTo(number);
    JsonNode listed = staff("intake").get(letters).body();
    assertThat(listed).hasSize(2);
    // the register does not name the complainant, not even to intake: the name is the custodians' (and the letter's)
    assertThat(listed.get(0).get("addressee").asText()).doesNotContain("จดหมาย").isNotBlank();
    JsonNode forScreener = staff("screener").get(letters).body();
    assertThat(forScreener.get(0).get("addressee").asText()).doesNotContain("จดหมาย");
    assertThat(forScreener.get(0).has("href")).isFalse();

    // bad input: an unknown kind, a kind off its stage, a complainant without an address
    assertField(staff("intake").post(letters, Map.of("kind", "memo")), "kind");
    assertThat(staff("intake").post(letters, Map.of("kind", "outcome")).status()).isEqualTo(409);
    assertThat(staff("intake").post(letters, Map.of("kind", "information-request")).status()).isEqualTo(409);
    String noAddress = paperComplaint(false, null);
    assertField(staff("intake").post("/api/staff/complaints/" + noAddress + "/letters",
        Map.of("kind", "acknowledgement")), "kind");
    assertThat(staff("investigator2").get(letters).status()).isEqualTo(404);
  }

  /**
   * An intake officer of กองคลัง, the accused's unit, learns nothing of the case from the letters: its letter list
   * answers as for an unknown case, and the register shows its letters' numbers and dates only.
   */
  @Test
  void anIntakeOfficerOfTheAccusedsUnitLearnsNothingFromTheLetters() {
    String id = "lettersfinance";
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setPassword(NeedToKnowMatrixTest.PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, "intake");
      identity.createMembership(id, "unit-finance");
    }
    try {
      String tn = paperComplaint(false, "7 ถนนลับ เชียงใหม่ 50000");
      Answer made = staff("intake").post("/api/staff/complaints/" + tn + "/letters", Map.of("kind", "acknowledgement"));
      assertThat(made.status()).as(made.raw()).isEqualTo(201);
      StaffClient colleague = new StaffClient(port, id, NeedToKnowMatrixTest.PASSWORD);
      assertThat(colleague.get("/api/staff/complaints/" + tn + "/letters").status()).isEqualTo(404);
      int year = th.go.integritydesk.intake.TrackingNumbers.fiscalYear(
          java.time.LocalDate.now(th.go.integritydesk.process.ThaiDates.BANGKOK));
      // the newest letter is on the register's last page
      int last = (staff("intake").get("/api/staff/letters?fiscalYear=" + year).body().get("total").asInt() - 1) / 100;
      String register = colleague.get("/api/staff/letters?fiscalYear=" + year + "&page=" + last).raw();
      assertThat(register).contains(made.body().get("number").asText()).doesNotContain(tn)
          .doesNotContain("จัดซื้อเครื่องพิมพ์").doesNotContain("นายจดหมาย");
      assertThat(staff("intake").get("/api/staff/letters?fiscalYear=" + year + "&page=" + last).raw()).contains(tn);
    } finally {
      identity.deleteUser(id);
    }
  }

  @Test
  void twentyLettersAtOnceTakeTwentyConsecutiveNumbers() throws Exception {
    String tn = paperComplaint(false, "1 ถนนตรง กรุงเทพฯ");
    String body = new ObjectMapper().writeValueAsString(Map.of("kind", "acknowledgement", "reason", "พร้อมกัน"));
    List<HttpResponse<String>> answers = AtOnce.send(20, () -> HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/staff/complaints/" + tn + "/letters"))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("intake:demo".getBytes()))
        .header("X-Custodian-Passphrase", "demo")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    List<Integer> numbers = new ArrayList<>();
    for (HttpResponse<String> answer : answers) {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
      String number = new ObjectMapper().readTree(answer.body()).get("number").asText();
      numbers.add(Integer.parseInt(number.substring(number.lastIndexOf('/') + 1)));
    }
    numbers.sort(null);
    for (int i = 1; i < numbers.size(); i++) {
      assertThat(numbers.get(i)).isEqualTo(numbers.get(i - 1) + 1);
    }
  }

  @Test
  void aForwardProducesItsLetterAndCaseSummaryWithTheIdentityWithheld() throws Exception {
    String tn = paperComplaint(false, "5 ซอยเงียบ กรุงเทพฯ");
    NeedToKnowMatrixTest.complete(staff("screener"), "/engine-rest/task?processInstanceBusinessKey=" + tn,
        "screen-complaint", variables("screeningDecision", "FORWARD", "forwardTo", "PACC",
            "screeningReason", "ผู้ถูกกล่าวหาต่ำกว่าระดับอำนวยการ SCREENING-REASON"));
    IntakeOverHttpTest.waitUntil(() -> jdbc.sql("SELECT forwarded_to FROM complaint WHERE tracking_number = ?")
        .param(tn).query(String.class).optional().orElse(null) != null);
    String letters = "/api/staff/complaints/" + tn + "/letters";
    assertThat(staff("investigator").post(letters, Map.of("kind", "forwarding")).status()).isEqualTo(404);
    Answer made = staff("supervisor").post(letters, Map.of("kind", "forwarding"));
    assertThat(made.status()).as(made.raw()).isEqualTo(201);
    String xml = documentXml(staff("supervisor"), made.body().get("href").asText());
    assertThat(xml).contains(made.body().get("number").asText()).contains("ป.ป.ท.").contains("FACTS-MARKER")
        .contains("SCREENING-REASON").contains("ปกปิดตามความประสงค์ของผู้ร้องเรียน").contains("สรุปข้อเท็จจริง")
        .doesNotContain("นายจดหมาย").doesNotContain("ซอยเงียบ");
    JsonNode register = staff("supervisor").get("/api/staff/letters?fiscalYear=" + fiscalYearOf(tn)).body();
    assertThat(register.get("letters").toString()).contains(made.body().get("number").asText());
    assertThat(staff("screener").get("/api/staff/letters?fiscalYear=" + fiscalYearOf(tn)).status()).isEqualTo(403);
    var workbook = staff("intake").download("/api/staff/letters.xlsx?fiscalYear=" + fiscalYearOf(tn));
    assertThat(workbook.statusCode()).isEqualTo(200);
    assertThat(workbook.body().length).isGreaterThan(1000);
  }

  @Test
  void theAuthorityDownloadsTheCommitteeOrderAndThePenaltyOrderFilledFromTheCase() throws Exception {
    String tn = paperComplaint(false, null);
    String ofThisCase = "/engine-rest/task?processInstanceBusinessKey=" + tn;
    NeedToKnowMatrixTest.complete(staff("screener"), ofThisCase, "screen-complaint",
        variables("screeningDecision", "ACCEPT", "screeningReason", "มีมูล / Credible"));
    NeedToKnowMatrixTest.complete(staff("supervisor"), ofThisCase, "assign-investigator",
        variables("investigator", "investigator"));
    IntakeOverHttpTest.waitUntil(() -> !staff("investigator").get(ofThisCase).body().isEmpty());
    NeedToKnowMatrixTest.complete(staff("investigator"), ofThisCase, "conduct-fact-finding",
        variables("findings", "SERIOUS_OFFENCE", "findingsSummary", "มีมูลความผิดร้ายแรง / Serious"));
    NeedToKnowMatrixTest.complete(staff("supervisor"), ofThisCase, "review-findings",
        variables("findingsApproved", true));
    IntakeOverHttpTest.waitUntil(() -> !staff("authority").get(ofThisCase).body().isEmpty());
    String letters = "/api/staff/complaints/" + tn + "/letters";
    assertThat(staff("authority").post(letters, Map.of("kind", "committee-order")).status()).isEqualTo(409);
    NeedToKnowMatrixTest.complete(staff("authority"), ofThisCase, "appoint-committee",
        variables("committeeChair", "investigator"));
    Answer order = staff("authority").post(letters, Map.of("kind", "committee-order"));
    assertThat(order.status()).as(order.raw()).isEqualTo(201);
    String orderXml = documentXml(staff("authority"), order.body().get("href").asText());
    assertThat(orderXml).contains("คำสั่ง").contains(order.body().get("number").asText())
        .contains("แต่งตั้งคณะกรรมการสอบสวน").contains("นายผู้อำนวยการ ก").contains("จัดซื้อเครื่องพิมพ์แพงเกินจริง")
        .contains("สั่ง ณ วันที่").doesNotContain("นายจดหมาย");
    assertThat(staff("investigator2").download(order.body().get("href").asText()).statusCode()).isEqualTo(404);

    IntakeOverHttpTest.waitUntil(() -> !staff("investigator").get(ofThisCase).body().isEmpty());
    NeedToKnowMatrixTest.complete(staff("investigator"), ofThisCase, "record-first-meeting",
        variables("firstMeetingDate", "2026-12-01"));
    IntakeOverHttpTest.waitUntil(() -> !staff("investigator").get(ofThisCase).body().isEmpty());
    NeedToKnowMatrixTest.complete(staff("investigator"), ofThisCase, "disciplinary-investigation",
        variables("offenceProven", true, "investigationReport", "ผิดจริง / Proven"));
    IntakeOverHttpTest.waitUntil(() -> !staff("authority").get(ofThisCase).body().isEmpty());
    NeedToKnowMatrixTest.complete(staff("authority"), ofThisCase, "decide-penalty",
        variables("penalty", "DISMISSAL", "penaltyReason", "ทุจริตต่อหน้าที่ PENALTY-REASON"));
    IntakeOverHttpTest.waitUntil(() -> jdbc.sql("SELECT COUNT(*) FROM discipline_report WHERE tracking_number = ?")
        .param(tn).query(Integer.class).single() > 0);
    Answer penalty = staff("authority").post(letters, Map.of("kind", "penalty-order"));
    assertThat(penalty.status()).as(penalty.raw()).isEqualTo(201);
    String penaltyXml = documentXml(staff("authority"), penalty.body().get("href").asText());
    assertThat(penaltyXml).contains("ลงโทษ").contains("ปลดออก").contains("PENALTY-REASON")
        .contains(penalty.body().get("number").asText()).contains("ก.พ.ค.");
    JsonNode timeline = staff("authority").get("/api/staff/complaints/" + tn + "/timeline").body();
    assertThat(timeline.toString()).contains("\"kind\":\"LETTER\"");
  }

  private int fiscalYearOf(String trackingNumber) {
    return Integer.parseInt(trackingNumber.substring(4, 8));
  }

  private int reveals(String trackingNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM identity_reveal WHERE tracking_number = ?").param(trackingNumber)
        .query(Integer.class).single();
  }

  /** The text of a downloaded DOCX's main part. */
  static String documentXml(StaffClient who, String href) throws Exception {
    HttpResponse<byte[]> docx = who.download(href);
    assertThat(docx.statusCode()).isEqualTo(200);
    assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx.body()))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.getName().equals("word/document.xml")) {
          String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
          return xml.replaceAll("<[^>]+>", "") + "\n" + xml; // the text, then the XML (fonts are attributes)
        }
      }
    }
    throw new AssertionError("no word/document.xml");
  }

  private static void assertField(Answer answer, String field) {
    assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
    assertThat(answer.raw()).contains("\"" + field + "\"");
  }
}

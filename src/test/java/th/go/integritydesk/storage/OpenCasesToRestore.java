package th.go.integritydesk.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import th.go.integritydesk.Eventually;
import th.go.integritydesk.IntegrityDeskApplication;
import th.go.integritydesk.http.StaffClient;
import th.go.integritydesk.http.StaffClient.Answer;

/**
 * What the backup-and-restore tests (README, Back up and restore) put in a running system before its backup, and
 * what they ask of the restored one: a named complaint with evidence and a later message waiting at screening (its
 * screening deadline a timer), an anonymous one waiting for the complainant's reply (a message subscription and a
 * timer), and a complaint filed after the backup, which the restore cannot bring back.
 */
final class OpenCasesToRestore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String marker = UUID.randomUUID().toString().substring(0, 8);
  /** The operator's receipt secret, given to the restored system as to the first (README: lost without it). */
  private final String receiptSecret = "restore-test-receipt-secret-" + UUID.randomUUID();
  private final String name = "นางสาวกู้คืน Name" + marker;
  private final String email = "restored.Mail" + marker + "@example.org";
  private final String phone = "08" + Math.floorMod(marker.hashCode(), 100_000_000);
  private final String address = "บ้านเลขที่กู้คืน Addr" + marker;
  private final String laterMessage = "ข้อมูลเพิ่มเติม Reply" + marker;
  private final String fileName = "ใบเสร็จ-File" + marker + ".txt";
  private final byte[] fileBytes = ("หลักฐานในไฟล์ Bytes" + marker).getBytes(StandardCharsets.UTF_8);

  record Filed(String trackingNumber, String receiptCode) {}

  private Filed named;
  private Filed waitingForReply;
  private Filed afterTheBackup;

  /** The whole application, as `java -jar` with the operator's settings on the command line. */
  ConfigurableApplicationContext start(String applicationName, String... settings) {
    return start(applicationName, receiptSecret, settings);
  }

  /** The same with another receipt secret than the operator's. */
  ConfigurableApplicationContext start(String applicationName, String secret, String... settings) {
    List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.application.name=" + applicationName,
        "--integrity-desk.intake.receipt-secret=" + secret,
        "--integrity-desk.metrics.refresh=PT1H", "--integrity-desk.reminders.check-every=PT1H",
        // the codes that must not open a case are wrong codes to the throttle too (one client address here)
        "--integrity-desk.intake.receipt-attempts.limit=50",
        // the job executor looks for due jobs often, so that a timer made due by the moved clock runs within the test
        "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=500"));
    arguments.addAll(List.of(settings));
    return new SpringApplicationBuilder(IntegrityDeskApplication.class).run(arguments.toArray(String[]::new));
  }

  /** The open cases of the running system, before its backup. */
  void fileOpenCases(ConfigurableApplicationContext app) throws Exception {
    int port = port(app);
    named = fileNamedWithEvidence(port);
    Answer message = complainant(port, "POST", "/api/complaints/" + named.trackingNumber() + "/messages",
        named.receiptCode(), JSON.writeValueAsString(Map.of("text", laterMessage)));
    assertThat(message.status()).as(message.raw()).isEqualTo(201);
    waitingForReply = fileAnonymous(port, "รอคำตอบ Waiting" + marker);
    StaffClient screener = new StaffClient(port, "screener", "demo");
    for (Filed filed : List.of(named, waitingForReply)) {
      Eventually.within(WAIT, "screening of " + filed.trackingNumber(),
          () -> tasks(screener, filed, "screen-complaint").size() == 1);
    }
    Answer asked = screener.post("/engine-rest/task/" + tasks(screener, waitingForReply, "screen-complaint").get(0)
        .get("id").asText() + "/complete", StaffClient.variables("screeningDecision", "REQUEST_INFO",
        "infoRequest", "ขอชื่อร้าน / Which shop?"));
    assertThat(asked.status()).as(asked.raw()).isEqualTo(204);
    RuntimeService runtime = app.getBean(RuntimeService.class);
    Eventually.within(WAIT, "the wait for the complainant's reply", () -> runtime.createExecutionQuery()
        .processInstanceBusinessKey(waitingForReply.trackingNumber()).messageEventSubscriptionName(
            "ComplainantInfoReceived").count() == 1);
    // what the backup holds of the engine: the two cases' timers (screening deadline, the reply's time limit)
    assertThat(timer(app, named, "screening-deadline")).isNotNull();
    assertThat(timer(app, waitingForReply, "complainant-info-timeout")).isNotNull();
  }

  /** A complaint filed after the backup was taken: the restored system has never heard of it. */
  void fileAfterTheBackup(ConfigurableApplicationContext app) throws Exception {
    afterTheBackup = fileAnonymous(port(app), "หลังสำรอง After" + marker);
  }

  /**
   * The restored system carries on: the receipt codes open their cases, the sealed identity, message and evidence
   * read, the complainant's reply reaches the case that waited for it, a new complaint is filed, the screening
   * deadline's timer fires when its time comes, and a task completes.
   */
  void assertCarriesOn(ConfigurableApplicationContext app) throws Exception {
    int port = port(app);
    StaffClient screener = new StaffClient(port, "screener", "demo");
    StaffClient supervisor = new StaffClient(port, "supervisor", "demo");

    // receipt codes: the restored cases open, the one filed after the backup is not there
    Answer status = complainant(port, "GET", "/api/complaints/" + named.trackingNumber(), named.receiptCode(), null);
    assertThat(status.status()).as(status.raw()).isEqualTo(200);
    assertThat(status.body().get("stage").asText()).isEqualTo("SCREENING");
    Answer waiting = complainant(port, "GET", "/api/complaints/" + waitingForReply.trackingNumber(),
        waitingForReply.receiptCode(), null);
    assertThat(waiting.status()).as(waiting.raw()).isEqualTo(200);
    assertThat(waiting.body().get("awaitingInformation").asBoolean()).isTrue();
    assertThat(complainant(port, "GET", "/api/complaints/" + afterTheBackup.trackingNumber(),
        afterTheBackup.receiptCode(), null).status()).isEqualTo(404);

    // sealed data: the case file's later message and evidence, byte for byte, and the audited reveal
    Answer caseFile = screener.get("/api/staff/complaints/" + named.trackingNumber());
    assertThat(caseFile.status()).as(caseFile.raw()).isEqualTo(200);
    assertThat(caseFile.body().get("complainantSubmissions").get(0).get("body").asText()).isEqualTo(laterMessage);
    JsonNode evidence = caseFile.body().get("evidence").get(0);
    assertThat(evidence.get("fileName").asText()).isEqualTo(fileName);
    assertThat(screener.download(evidence.get("href").asText()).body()).isEqualTo(fileBytes);
    // sealed to the identity custodians: their key, in the restored database, opens with a custodian's passphrase
    Answer revealed = new StaffClient(port, "intake", "demo").withPassphrase("demo").post("/api/staff/complaints/"
        + named.trackingNumber() + "/identity", Map.of("reason", "ตรวจการกู้คืนข้อมูล / restore test"));
    assertThat(revealed.status()).as(revealed.raw()).isEqualTo(200);
    assertThat(revealed.body().get("name").asText()).isEqualTo(name);
    assertThat(revealed.body().get("email").asText()).isEqualTo(email);
    assertThat(revealed.body().get("phone").asText()).isEqualTo(phone);
    assertThat(revealed.body().get("address").asText()).isEqualTo(address);

    // the complainant answers the request for information: the case that waited goes back to screening
    Answer reply = complainant(port, "POST", "/api/complaints/" + waitingForReply.trackingNumber() + "/messages",
        waitingForReply.receiptCode(), "{\"text\":\"ร้านหน้าที่ว่าการ / The shop opposite the district office\"}");
    assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    assertThat(reply.body().get("answeredRequestForInformation").asBoolean()).isTrue();
    Eventually.within(WAIT, "screening again after the reply",
        () -> tasks(screener, waitingForReply, "screen-complaint").size() == 1);

    // a new complaint: the restored counter is the backup's, so it takes the lost complaint's number; the lost
    // complaint's receipt code does not open it
    Filed next = fileAnonymous(port, "หลังกู้คืน Next" + marker);
    assertThat(next.trackingNumber()).isEqualTo(afterTheBackup.trackingNumber());
    assertThat(complainant(port, "GET", "/api/complaints/" + next.trackingNumber(), afterTheBackup.receiptCode(), null)
        .status()).isEqualTo(404);
    assertThat(complainant(port, "GET", "/api/complaints/" + next.trackingNumber(), next.receiptCode(), null)
        .status()).isEqualTo(200);

    // a timer fires: past the screening deadline (counted from receipt), the job executor escalates the named case
    Job deadline = timer(app, named, "screening-deadline");
    assertThat(deadline).isNotNull();
    assertThat(tasks(supervisor, named, "escalate-screening")).isEmpty();
    try {
      ClockUtil.setCurrentTime(new Date(deadline.getDuedate().getTime() + Duration.ofMinutes(1).toMillis()));
      Eventually.within(WAIT, "the screening deadline's escalation",
          () -> tasks(supervisor, named, "escalate-screening").size() == 1);
    } finally {
      ClockUtil.reset();
    }
    assertThat(timer(app, named, "screening-deadline")).as("the timer's job ran").isNull();

    // a task completes: the screener accepts the named case, and fact-finding begins with its first task
    Answer accepted = screener.post("/engine-rest/task/" + tasks(screener, named, "screen-complaint").get(0).get("id")
        .asText() + "/complete", StaffClient.variables("screeningDecision", "ACCEPT",
        "screeningReason", "มีมูลน่าเชื่อ / Credible"));
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(204);
    Eventually.within(WAIT, "the investigator's assignment",
        () -> tasks(supervisor, named, "assign-investigator").size() == 1);
  }

  /** README: without the receipt secret the cases are whole, but their receipt codes open none of them. */
  void assertReceiptCodesOpenNothing(ConfigurableApplicationContext app) {
    int port = port(app);
    for (Filed filed : List.of(named, waitingForReply)) {
      Answer status = complainant(port, "GET", "/api/complaints/" + filed.trackingNumber(), filed.receiptCode(), null);
      assertThat(status.status()).as(status.raw()).isEqualTo(404);
      Answer caseFile = new StaffClient(port, "screener", "demo").get("/api/staff/complaints/"
          + filed.trackingNumber());
      assertThat(caseFile.status()).as(caseFile.raw()).isEqualTo(200);
    }
  }

  private Filed fileNamedWithEvidence(int port) throws Exception {
    String complaint = JSON.writeValueAsString(Map.of("channel", "WEB", "category", "BRIBERY",
        "subject", "เรียกรับเงิน Subject" + marker, "description", "ข้อเท็จจริง Facts" + marker,
        "accused", Map.of("unit", "กองคลัง", "rank", "OPERATIONAL"),
        "complainant", Map.of("name", name, "email", email, "phone", phone, "address", address),
        "consentToContact", true));
    String boundary = "----restore" + marker;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"complaint\"\r\nContent-Type: "
        + "application/json\r\n\r\n" + complaint + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; "
        + "name=\"evidence\"; filename=\"" + fileName + "\"\r\nContent-Type: text/plain\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(fileBytes);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    Answer receipt = new StaffClient(port, "nobody", "none").raw("POST", "/api/complaints",
        Map.of("Content-Type", "multipart/form-data; boundary=" + boundary), BodyPublishers.ofByteArray(body.toByteArray()));
    return filed(receipt);
  }

  private Filed fileAnonymous(int port, String subject) throws Exception {
    String complaint = JSON.writeValueAsString(Map.of("channel", "WEB", "category", "PROCUREMENT",
        "subject", subject, "description", "ฮั้วประมูล / Bid rigging " + subject,
        "accused", Map.of("unit", "กองคลัง", "rank", "OPERATIONAL")));
    return filed(complainant(port, "POST", "/api/complaints", null, complaint));
  }

  private static Filed filed(Answer receipt) {
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    return new Filed(receipt.body().get("trackingNumber").asText(), receipt.body().get("receiptCode").asText());
  }

  /** A complainant's request: no staff credentials, the receipt code when given, a JSON body when given. */
  private static Answer complainant(int port, String method, String path, String receiptCode, String json) {
    Map<String, String> headers = new java.util.HashMap<>();
    if (receiptCode != null) {
      headers.put("X-Receipt-Code", receiptCode);
    }
    if (json != null) {
      headers.put("Content-Type", "application/json");
    }
    return new StaffClient(port, "nobody", "none").raw(method, path, headers,
        json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json, StandardCharsets.UTF_8));
  }

  private static List<JsonNode> tasks(StaffClient staff, Filed filed, String taskKey) {
    Answer answer = staff.get("/engine-rest/task?processInstanceBusinessKey=" + filed.trackingNumber()
        + "&taskDefinitionKey=" + taskKey);
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    List<JsonNode> tasks = new ArrayList<>();
    answer.body().forEach(tasks::add);
    return tasks;
  }

  private static Job timer(ConfigurableApplicationContext app, Filed filed, String activityId) {
    RuntimeService runtime = app.getBean(RuntimeService.class);
    var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(filed.trackingNumber())
        .processDefinitionKey("complaint-lifecycle").singleResult();
    return app.getBean(ManagementService.class).createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(activityId).singleResult();
  }

  private static int port(ConfigurableApplicationContext app) {
    return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }
}

package th.go.integritydesk.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.IntegrityDeskApplication;
import th.go.integritydesk.postgres.PostgresForDumps;

/**
 * What a database dump gives away (docs/adr/0014-sealed-at-rest.md): a named complaint with an e-mail address, a
 * phone, a postal address and an evidence file, and a later submission from its complainant, are filed over HTTP;
 * then the H2 file itself, and the output of the real {@code pg_dump} of PostgreSQL (the plain SQL dump, and README's
 * custom-format backup as {@code pg_restore -f -} writes it out; {@link PostgresForDumps}), are searched for every one
 * of those strings and for the file's bytes (raw and in the dump's hex for bytea). None is there. The complaint's
 * facts, which stay in the clear on purpose, are found: the search works.
 */
class SealedAtRestDumpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String marker = UUID.randomUUID().toString().substring(0, 8);
  // each secret carries an ASCII token of its own, found whatever the database's encoding of the Thai around it
  private final String name = "นางสาวลับเฉพาะ Name" + marker;
  private final String email = "whistle.Mail" + marker + "@example.org";
  private final String phone = "08" + Math.floorMod(marker.hashCode(), 100_000_000);
  private final String address = "บ้านเลขที่ลับ Addr" + marker + " ถนนซ่อนเร้น";
  private final String reply = "ข้อมูลเพิ่มเติมลับ Reply" + marker;
  private final String fileName = "บัตรประชาชน-File" + marker + ".txt";
  private final byte[] fileBytes = ("หลักฐานลับในไฟล์ Bytes" + marker + " ใบเสร็จรับเงิน").getBytes(StandardCharsets.UTF_8);
  private final String facts = "ข้อเท็จจริงเปิดเผย Facts" + marker;

  @Test
  void theH2FileHoldsNoIdentityNoSubmissionAndNoEvidenceByte() throws Exception {
    Path data = Files.createTempDirectory("integrity-desk-dump");
    Path key = data.resolve("keys").resolve("master-key.json");
    MasterKeyTool.run("master-key", "new", key.toString());
    try (ConfigurableApplicationContext app = start(key, "--spring.datasource.url=jdbc:h2:file:"
        + data.resolve("db").resolve("integrity-desk")
        + ";LOCK_TIMEOUT=10000;WRITE_DELAY=100;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256")) {
      fileTheCase(app);
    }
    byte[] file = Files.readAllBytes(data.resolve("db").resolve("integrity-desk.mv.db"));
    assertThat(contains(file, ("Facts" + marker).getBytes(StandardCharsets.US_ASCII)))
        .as("the facts, in the clear on purpose").isTrue();
    assertNothingIdentifying(file);
  }

  @Test
  void aDumpOfPostgresHoldsNoIdentityNoSubmissionAndNoEvidenceByte() throws Exception {
    Path key = Files.createTempDirectory("integrity-desk-dump-keys").resolve("master-key.json");
    MasterKeyTool.run("master-key", "new", key.toString());
    String database = "sealed_dump";
    String url = PostgresForDumps.createDatabase(database);
    try (ConfigurableApplicationContext app = start(key, "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + PostgresForDumps.user(),
        "--spring.datasource.password=" + PostgresForDumps.password(), "--camunda.bpm.database.type=postgres")) {
      fileTheCase(app);
    }
    // the plain SQL dump, and the custom-format dump of README's backup as pg_restore gives it back as SQL
    byte[] plain = PostgresForDumps.run(List.of(PostgresForDumps.client("pg_dump"), database));
    Path custom = Files.createTempDirectory("integrity-desk-dump").resolve("integrity-desk.dump");
    PostgresForDumps.run(List.of(PostgresForDumps.client("pg_dump"), "-Fc", "-f", custom.toString(), database));
    byte[] restored = PostgresForDumps.run(List.of(PostgresForDumps.client("pg_restore"), "-f", "-",
        custom.toString()));
    String hex = HexFormat.of().formatHex(fileBytes);
    for (byte[] dump : List.of(plain, restored)) {
      assertThat(new String(dump, StandardCharsets.UTF_8)).contains("CREATE TABLE public.complainant_identity")
          .contains("COPY public.evidence");
      assertThat(contains(dump, facts.getBytes(StandardCharsets.UTF_8))).as("the facts, in the clear on purpose")
          .isTrue();
      assertNothingIdentifying(dump);
      assertThat(contains(dump, hex.getBytes(StandardCharsets.US_ASCII))).as("the evidence bytes as bytea hex")
          .isFalse();
    }
  }

  private ConfigurableApplicationContext start(Path key, String... more) {
    List<String> arguments = new ArrayList<>(List.of("--server.port=0",
        "--camunda.bpm.process-engine-name=sealeddump" + marker, "--spring.application.name=sealed-dump",
        "--integrity-desk.metrics.refresh=PT1H", "--integrity-desk.reminders.check-every=PT1H",
        "--integrity-desk.storage.master-key-file=" + key, "--integrity-desk.storage.create-missing-master-key=false"));
    arguments.addAll(List.of(more));
    return new SpringApplicationBuilder(IntegrityDeskApplication.class).run(arguments.toArray(String[]::new));
  }

  private void fileTheCase(ConfigurableApplicationContext app) throws Exception {
    String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    String complaint = JSON.writeValueAsString(java.util.Map.of("channel", "WEB", "category", "BRIBERY",
        "subject", "เรียกรับเงิน " + marker, "description", facts,
        "accused", java.util.Map.of("unit", "กองคลัง", "rank", "OPERATIONAL"),
        "complainant", java.util.Map.of("name", name, "email", email, "phone", phone, "address", address),
        "consentToContact", true));
    String boundary = "----sealed" + marker;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"complaint\"\r\nContent-Type: application/json"
        + "\r\n\r\n" + complaint + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\""
        + fileName + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(fileBytes);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> receipt = http.send(HttpRequest.newBuilder(URI.create(base + "/api/complaints"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(201);
    JsonNode answer = JSON.readTree(receipt.body());
    String trackingNumber = answer.get("trackingNumber").asText();
    HttpResponse<String> replied = http.send(HttpRequest.newBuilder(URI.create(base + "/api/complaints/" + trackingNumber
            + "/messages")).header("Content-Type", "application/json")
        .header("X-Receipt-Code", answer.get("receiptCode").asText())
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("text", reply)))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(replied.statusCode()).as(replied.body()).isEqualTo(201);

    // what is sealed still reads for those who may: the case file, the evidence, the reveal
    String screener = "Basic " + java.util.Base64.getEncoder().encodeToString("screener:demo".getBytes());
    HttpResponse<String> file = http.send(HttpRequest.newBuilder(URI.create(base + "/api/staff/complaints/"
        + trackingNumber)).header("Authorization", screener).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(file.statusCode()).isEqualTo(200);
    JsonNode caseFile = JSON.readTree(file.body());
    assertThat(caseFile.get("complainantSubmissions").get(0).get("body").asText()).isEqualTo(reply);
    assertThat(caseFile.get("evidence").get(0).get("fileName").asText()).isEqualTo(fileName);
    HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(base
        + caseFile.get("evidence").get(0).get("href").asText())).header("Authorization", screener).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.body()).isEqualTo(fileBytes);
    String intake = "Basic " + java.util.Base64.getEncoder().encodeToString("intake:demo".getBytes());
    HttpResponse<String> revealed = http.send(HttpRequest.newBuilder(URI.create(base + "/api/staff/complaints/"
        + trackingNumber + "/identity")).header("Authorization", intake).header("Content-Type", "application/json")
        .header("X-Custodian-Passphrase", "demo")
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"ทดสอบการเข้ารหัส / sealed-at-rest test\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(revealed.statusCode()).as(revealed.body()).isEqualTo(200);
    JsonNode identity = JSON.readTree(revealed.body());
    assertThat(identity.get("name").asText()).isEqualTo(name);
    assertThat(identity.get("email").asText()).isEqualTo(email);
    assertThat(identity.get("phone").asText()).isEqualTo(phone);
    assertThat(identity.get("address").asText()).isEqualTo(address);
    // the database holds the data keys only wrapped
    assertThat(app.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM case_key WHERE tracking_number = ?")
        .param(trackingNumber).query(Integer.class).single()).isEqualTo(1);
  }

  private void assertNothingIdentifying(byte[] dump) {
    for (String secret : List.of(name, email, phone, address, reply, fileName)) {
      assertThat(contains(dump, secret.getBytes(StandardCharsets.UTF_8))).as(secret).isFalse();
    }
    for (String token : List.of("Name", "Mail", "Addr", "Reply", "File", "Bytes")) {
      assertThat(contains(dump, (token + marker).getBytes(StandardCharsets.US_ASCII))).as(token).isFalse();
    }
    assertThat(contains(dump, phone.getBytes(StandardCharsets.US_ASCII))).as("the phone").isFalse();
    assertThat(contains(dump, fileBytes)).as("the evidence file's bytes").isFalse();
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}

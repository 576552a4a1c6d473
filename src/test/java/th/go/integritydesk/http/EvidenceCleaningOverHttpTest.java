package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.http.StaffClient.Answer;
import th.go.integritydesk.storage.FileMetadataTest;

/**
 * Officers get clean copies (issue 25): a phone photo sent by an anonymous complainant reaches the screener without
 * its GPS position, its owner or its camera's serial; the file as received is kept sealed apart; a file that cannot
 * be cleaned (an encrypted PDF) is not handed to officers at all.
 */
@HttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceCleaningOverHttpTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  private final List<String> filed = new ArrayList<>();

  @AfterAll
  void endTheCases() {
    NeedToKnowMatrixTest.endCases(runtime, filed);
  }

  @Test
  void officersGetThePhotoWithoutItsPlaceOwnerOrCameraAndNeverAnUncleanableFile() throws Exception {
    byte[] photo = FileMetadataTest.photoWithExif();
    ByteArrayOutputStream locked = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      document.getDocumentInformation().setAuthor(FileMetadataTest.OWNER);
      document.protect(new StandardProtectionPolicy("owner-secret", "", new AccessPermission()));
      document.save(locked);
    }
    Multipart body = new Multipart().json("complaint", IntakeOverHttpTest.complaint().toString())
        .file("evidence", "IMG_0042.jpg", "image/jpeg", photo)
        .file("evidence", "quote.pdf", "application/pdf", locked.toByteArray())
        .file("evidence", "note.txt", "text/plain", "ร้านกาแฟหน้าที่ว่าการ".getBytes(StandardCharsets.UTF_8));
    Answer receipt = new StaffClient(port, "nobody", "none").raw("POST", "/api/complaints",
        Map.of("Content-Type", body.contentType()), BodyPublishers.ofByteArray(body.bytes()));
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    String tn = receipt.body().get("trackingNumber").asText();
    filed.add(tn);
    // the complainant is told, file by file, in Thai and English
    var notices = receipt.body().get("files");
    assertThat(notices).hasSize(3);
    assertThat(notices.get(0).get("removed").toString()).contains("location").contains("person").contains("device");
    assertThat(notices.get(0).get("cleaned").asBoolean()).isTrue();
    assertThat(notices.get(0).get("th").asText()).contains("IMG_0042.jpg").contains("พิกัด GPS");
    assertThat(notices.get(0).get("en").asText()).contains("IMG_0042.jpg").contains("GPS position");
    assertThat(notices.get(1).get("cleaned").asBoolean()).isFalse();
    assertThat(notices.get(1).get("th").asText()).contains("ปิดผนึก");
    assertThat(notices.get(1).get("en").asText()).contains("kept sealed");
    assertThat(notices.get(2).get("removed")).isEmpty();
    assertThat(notices.get(2).get("en").asText()).contains("nothing in it");
    IntakeOverHttpTest.waitUntil(() -> new StaffClient(port, "screener", "demo")
        .get("/engine-rest/task?processInstanceBusinessKey=" + tn).body().size() == 1);

    StaffClient screener = new StaffClient(port, "screener", "demo");
    Answer file = screener.get("/api/staff/complaints/" + tn);
    var evidence = file.body().get("evidence");
    assertThat(evidence.get(0).get("metadataRemoved").toString()).contains("location").contains("person")
        .contains("device");
    assertThat(evidence.get(0).get("needsRelease").asBoolean()).isFalse();
    assertThat(evidence.get(1).get("needsRelease").asBoolean()).isTrue();
    assertThat(evidence.get(1).has("href")).isFalse();

    HttpResponse<byte[]> copy = screener.download(evidence.get(0).get("href").asText());
    assertThat(copy.statusCode()).isEqualTo(200);
    var metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(copy.body()));
    assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
    String bytes = new String(copy.body(), StandardCharsets.ISO_8859_1);
    assertThat(bytes).doesNotContain(FileMetadataTest.OWNER).doesNotContain(FileMetadataTest.SERIAL);
    assertThat(copy.headers().firstValue("Digest").orElseThrow())
        .isEqualTo("sha-256=" + th.go.integritydesk.intake.EvidenceFiles.sha256(copy.body()));

    Answer refused = screener.get("/api/staff/complaints/" + tn + "/evidence/" + evidence.get(1).get("id").asLong());
    assertThat(refused.status()).isEqualTo(409);

    String page = screener.get("/staff/case?tn=" + tn).raw();
    assertThat(page).contains("ผู้ดูแลข้อมูลตัวตน").contains("ลบข้อมูลที่อาจระบุตัวผู้ส่ง");
    // the file as received is kept, sealed: never in the clear in the database
    assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence WHERE tracking_number = ? AND original_sealed IS NOT NULL")
        .param(tn).query(Integer.class).single()).isEqualTo(2);

    // the release of an original: an identity custodian's, with a reason, recorded; then the case's readers get it
    long pdf = evidence.get(1).get("id").asLong();
    long text = evidence.get(2).get("id").asLong();
    String release = "/api/staff/complaints/" + tn + "/evidence/" + pdf + "/release";
    assertThat(screener.get("/api/staff/complaints/" + tn + "/evidence/" + pdf + "/original").status())
        .isEqualTo(409);
    assertThat(screener.post(release, Map.of("reason", "ต้นฉบับคือหลักฐาน / the original is the evidence")).status())
        .isEqualTo(403);
    StaffClient custodian = new StaffClient(port, "intake", "demo");
    Answer noPassphrase = custodian.post(release, Map.of("reason", "ต้นฉบับคือหลักฐาน / the original is the evidence"));
    assertThat(noPassphrase.status()).isEqualTo(400);
    assertThat(noPassphrase.raw()).contains("X-Custodian-Passphrase");
    custodian.withPassphrase("demo");
    Answer noReason = custodian.post(release, Map.of());
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.contentType()).startsWith("application/problem+json");
    assertThat(noReason.raw()).contains("reason");
    Answer nothingToRelease = custodian.post("/api/staff/complaints/" + tn + "/evidence/" + text + "/release",
        Map.of("reason", "ต้นฉบับคือหลักฐาน / the original is the evidence"));
    assertThat(nothingToRelease.status()).as(nothingToRelease.raw()).isEqualTo(409);
    Answer released = custodian.post(release, Map.of("reason", "ต้นฉบับคือหลักฐาน / the original is the evidence"));
    assertThat(released.status()).as(released.raw()).isEqualTo(200);
    assertThat(released.body().get("releasedBy").asText()).isEqualTo("intake");
    var after = screener.get("/api/staff/complaints/" + tn).body().get("evidence").get(1);
    assertThat(after.get("originalReleased").get("releasedBy").asText()).isEqualTo("intake");
    HttpResponse<byte[]> original = screener.download(after.get("originalHref").asText());
    assertThat(original.statusCode()).isEqualTo(200);
    assertThat(original.body()).isEqualTo(locked.toByteArray());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM case_read WHERE tracking_number = ? AND what = 'ORIGINAL' AND user_id = ?"
        + " AND allowed = TRUE").params(tn, "intake").query(Integer.class).single()).isEqualTo(2);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM case_read WHERE tracking_number = ? AND what = 'ORIGINAL' AND user_id = ?"
        + " AND allowed = FALSE").params(tn, "intake").query(Integer.class).single()).as("without a passphrase")
        .isEqualTo(1);
    assertThat(screener.get("/staff/case?tn=" + tn).raw()).contains(after.get("originalHref").asText());
    assertThat(new StaffClient(port, "supervisor", "demo").get("/api/staff/complaints/" + tn + "/timeline").raw())
        .contains("ORIGINAL_RELEASED");
  }

  @Test
  void theReceiptPageTellsTheComplainantWhatWasRemovedFromEachFile() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
        .cookieHandler(new java.net.CookieManager()).build();
    String base = "http://localhost:" + port;
    String form = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Multipart post = new Multipart().field("csrfToken", hidden(form, "csrfToken"))
        .field("idempotencyKey", hidden(form, "idempotencyKey")).field("channel", "WEB")
        .field("category", "GIFTS").field("subject", "ของขวัญราคาแพง").field("description", "ผู้รับเหมาส่งของขวัญ")
        .field("accused.unit", "กองพัสดุ").field("accused.rank", "OPERATIONAL").field("identity", "anonymous")
        .file("evidence", "IMG_0042.jpg", "image/jpeg", FileMetadataTest.photoWithExif());
    HttpResponse<String> receipt = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
            + "/complaints")).header("Content-Type", post.contentType())
        .POST(BodyPublishers.ofByteArray(post.bytes())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(receipt.statusCode()).isEqualTo(200);
    java.util.regex.Matcher number = java.util.regex.Pattern.compile("id=\"result-tracking\">([^<]+)<")
        .matcher(receipt.body());
    assertThat(number.find()).isTrue();
    filed.add(number.group(1));
    assertThat(receipt.body()).contains("id=\"result-files\"").contains("IMG_0042.jpg").contains("พิกัด GPS");
  }

  private static String hidden(String html, String name) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"")
        .matcher(html);
    assertThat(m.find()).as("hidden field " + name).isTrue();
    return m.group(1);
  }
}

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
        .file("evidence", "quote.pdf", "application/pdf", locked.toByteArray());
    Answer receipt = new StaffClient(port, "nobody", "none").raw("POST", "/api/complaints",
        Map.of("Content-Type", body.contentType()), BodyPublishers.ofByteArray(body.bytes()));
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    String tn = receipt.body().get("trackingNumber").asText();
    filed.add(tn);
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
  }
}

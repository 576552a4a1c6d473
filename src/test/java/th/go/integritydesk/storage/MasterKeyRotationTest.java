package th.go.integritydesk.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.http.StaffClient;
import th.go.integritydesk.http.StaffClient.Answer;

/**
 * A rotation of the master key under load, without a restart (docs/adr/0014-sealed-at-rest.md): complaints keep
 * coming in while the key file gets a new primary key; the running node reads the file again, the data keys are
 * re-wrapped under the new key, the old key is retired, and every complainant's identity still opens. No intake fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:key-rotation;DB_CLOSE_DELAY=-1",
        "integrity-desk.storage.rewrap-every=PT1H"})
@DirtiesContext
class MasterKeyRotationTest {

  static Path keyFile;

  @DynamicPropertySource
  static void keyFile(DynamicPropertyRegistry registry) throws Exception {
    keyFile = Files.createTempDirectory("integrity-desk-rotation").resolve("master-key.json");
    MasterKeyTool.run("master-key", "new", keyFile.toString());
    registry.add("integrity-desk.storage.master-key-file", keyFile::toString);
    registry.add("integrity-desk.storage.create-missing-master-key", () -> "false");
  }

  @LocalServerPort int port;
  @Autowired MasterKey masterKey;
  @Autowired SealedStore sealed;

  @Test
  void theMasterKeyIsRotatedAndRetiredWhileComplaintsComeIn() throws Exception {
    long first = masterKey.primaryId();
    StaffClient intake = new StaffClient(port, "intake", "demo");
    ConcurrentLinkedQueue<String[]> filed = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread complainants = new Thread(() -> {
      for (int i = 0; running.get() || i < 10; i++) {
        String name = "ผู้ร้องหมุนกุญแจ " + i;
        Answer answer = intake.post("/api/staff/complaints", Map.of("channel", "LETTER", "category", "BRIBERY",
            "subject", "เรียกรับเงิน " + i, "description", "ข้อเท็จจริง " + i,
            "accused", Map.of("unit", "กองคลัง", "rank", "OPERATIONAL"), "complainant", Map.of("name", name)));
        if (answer.status() == 201) {
          filed.add(new String[] {answer.body().get("trackingNumber").asText(), name});
        } else {
          failures.add(answer.status() + " " + answer.raw());
        }
      }
    });
    complainants.start();
    th.go.integritydesk.Eventually.within(java.time.Duration.ofSeconds(60), "complaints under the first key",
        () -> filed.size() >= 5);

    MasterKeyTool.run("master-key", "rotate", keyFile.toString());
    masterKey.reload();
    long second = masterKey.primaryId();
    assertThat(second).isNotEqualTo(first);
    assertThat(masterKey.keyIds()).containsExactlyInAnyOrder(first, second);
    th.go.integritydesk.Eventually.within(java.time.Duration.ofSeconds(60), "complaints under the second key",
        () -> filed.size() >= 15);
    running.set(false);
    complainants.join();
    while (sealed.rewrap() > 0) {
      // every page re-wrapped
    }
    assertThat(sealed.keysUnderOlderMasterKeys()).isZero();

    MasterKeyTool.run("master-key", "retire", keyFile.toString());
    masterKey.reload();
    assertThat(masterKey.keyIds()).containsExactly(second);
    assertThat(failures).isEmpty();
    sealed.forgetUnwrappedKeys();
    for (String[] c : List.copyOf(filed)) {
      Answer revealed = intake.withPassphrase("demo").post("/api/staff/complaints/" + c[0] + "/identity",
          Map.of("reason", "ตรวจสอบการหมุนกุญแจ / key rotation test"));
      assertThat(revealed.status()).as(revealed.raw()).isEqualTo(200);
      assertThat(revealed.body().get("name").asText()).isEqualTo(c[1]);
    }
  }
}

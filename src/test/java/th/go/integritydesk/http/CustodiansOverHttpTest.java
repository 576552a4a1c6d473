package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.http.StaffClient.Answer;
import th.go.integritydesk.storage.SealedStore;

/**
 * The identity custodians (issue 25, docs/adr/0018-identity-custodians.md): the name, phone and address are sealed
 * so that the application's own key opens only a ciphertext for the custodians; an administrator enrols the first
 * custodian with the printed recovery key, a custodian changes their passphrase, five wrong passphrases lock them out,
 * and a removed custodian opens nothing. Wrong keys and weak passphrases are 4xx problems naming the field.
 */
@HttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustodiansOverHttpTest {

  private static final String PASSPHRASE = "ต้นไม้ใหญ่ริมคลอง 2570";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired SealedStore sealed;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  private final List<String> filed = new ArrayList<>();

  @AfterAll
  void cleanUp() {
    NeedToKnowMatrixTest.endCases(runtime, filed);
    for (String id : List.of("custodian1", "custodian2", "custodian3", "custodian4")) {
      identity.deleteUser(id);
    }
  }

  @Test
  void theApplicationsKeyOpensNoNameAndCustodiansComeAndGoByTheRecoveryKeyAndTheirPassphrases() throws Exception {
    user("custodian1", "intake", "unit-acoc");
    user("custodian2", "intake", "unit-acoc");
    String name = "นางสาวผู้ดูแล ทดสอบ";
    String tn = fileNamed(name);

    // what the application's own key opens is a ciphertext for the custodians, not the name
    byte[] document = jdbc.sql("SELECT identity_sealed FROM complainant_identity WHERE tracking_number = ?").param(tn)
        .query((rs, i) -> rs.getBytes(1)).single();
    byte[] opened = sealed.open(tn, SealedStore.Purpose.IDENTITY, document).orElseThrow();
    assertThat(new String(opened, StandardCharsets.UTF_8)).doesNotContain(name).doesNotContain("0812345678")
        .doesNotContain("ซอยลับ");
    assertThat(new String(opened, StandardCharsets.ISO_8859_1)).doesNotContain("0812345678");

    // the first custodian, enrolled by an administrator with the printed recovery key
    StaffClient admin = new StaffClient(port, "admin", "demo");
    String enrol = "/api/staff/custodians";
    Answer wrongKey = admin.raw("POST", enrol, Map.of("Authorization", basic("admin"), "Content-Type",
        "application/json", "X-Custodian-Recovery-Key", "AAAAA-BBBBB-CCCCC"), body(Map.of("userId", "custodian1",
        "passphrase", PASSPHRASE)));
    assertThat(wrongKey.status()).isEqualTo(403);
    assertThat(wrongKey.raw()).contains("X-Custodian-Recovery-Key");
    String recovery = recoveryKey();
    Answer weak = admin.raw("POST", enrol, Map.of("Authorization", basic("admin"), "Content-Type", "application/json",
        "X-Custodian-Recovery-Key", recovery), body(Map.of("userId", "custodian1", "passphrase", "short")));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.raw()).contains("passphrase");
    Answer notIntake = admin.raw("POST", enrol, Map.of("Authorization", basic("admin"), "Content-Type",
        "application/json", "X-Custodian-Recovery-Key", recovery), body(Map.of("userId", "screener",
        "passphrase", PASSPHRASE)));
    assertThat(notIntake.status()).isEqualTo(400);
    assertThat(notIntake.raw()).contains("userId");
    Answer enrolled = admin.raw("POST", enrol, Map.of("Authorization", basic("admin"), "Content-Type",
        "application/json", "X-Custodian-Recovery-Key", recovery), body(Map.of("userId", "custodian1",
        "passphrase", PASSPHRASE)));
    assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
    assertThat(new StaffClient(port, "screener", "demo").raw("POST", enrol, Map.of("Authorization",
        basic("screener"), "Content-Type", "application/json", "X-Custodian-Recovery-Key", recovery),
        body(Map.of("userId", "custodian2", "passphrase", PASSPHRASE))).status()).isEqualTo(403);

    // the custodian reveals with their passphrase; the demo's passphrase is not theirs
    assertThat(reveal("custodian1", PASSPHRASE, tn).body().get("name").asText()).isEqualTo(name);
    assertThat(reveal("custodian1", "demo", tn).status()).isEqualTo(403);
    // they enrol a colleague with their own passphrase, then change theirs
    Answer colleague = new StaffClient(port, "custodian1", "demo").withPassphrase(header(PASSPHRASE))
        .post(enrol, Map.of("userId", "custodian2", "passphrase", PASSPHRASE + " สอง"));
    assertThat(colleague.status()).as(colleague.raw()).isEqualTo(201);
    assertThat(reveal("custodian2", PASSPHRASE + " สอง", tn).status()).isEqualTo(200);
    // nobody sets an enrolled custodian's passphrase for them (to lock them out, or to act as them)
    Answer takeover = new StaffClient(port, "custodian1", "demo").withPassphrase(header(PASSPHRASE))
        .post(enrol, Map.of("userId", "custodian2", "passphrase", "a passphrase of my choosing"));
    assertThat(takeover.status()).as(takeover.raw()).isEqualTo(409);
    assertThat(reveal("custodian2", PASSPHRASE + " สอง", tn).status()).isEqualTo(200);
    Answer changed = new StaffClient(port, "custodian1", "demo").withPassphrase(header(PASSPHRASE))
        .send("PUT", enrol + "/me/passphrase", Map.of("passphrase", PASSPHRASE + " ใหม่"));
    assertThat(changed.status()).as(changed.raw()).isEqualTo(204);
    assertThat(reveal("custodian1", PASSPHRASE, tn).status()).isEqualTo(403);
    assertThat(reveal("custodian1", PASSPHRASE + " ใหม่", tn).status()).isEqualTo(200);
    assertThat(new StaffClient(port, "supervisor", "demo").get(enrol).raw()).contains("custodian1")
        .contains("custodian2").doesNotContain("wrapped").doesNotContain("salt");

    // five wrong passphrases: locked out, the right one too, for the next minutes
    for (int i = 0; i < 5; i++) {
      assertThat(reveal("custodian2", "wrong " + i, tn).status()).isEqualTo(403);
    }
    Answer locked = reveal("custodian2", PASSPHRASE + " สอง", tn);
    assertThat(locked.status()).as(locked.raw()).isEqualTo(429);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM case_read WHERE tracking_number = ? AND user_id = 'custodian2'"
        + " AND what = 'IDENTITY' AND allowed = FALSE").param(tn).query(Integer.class).single()).isEqualTo(6);

    // a custodian who left: removed by an administrator, their passphrase opens nothing
    assertThat(admin.send("DELETE", enrol + "/custodian1", null).status()).isEqualTo(204);
    assertThat(reveal("custodian1", PASSPHRASE + " ใหม่", tn).status()).isEqualTo(403);
    assertThat(admin.send("DELETE", enrol + "/custodian1", null).status()).isEqualTo(404);
  }

  /**
   * A custodian leaves and an administrator rotates the key with the recovery key (ADR 0018, Rotation): the remaining
   * custodian and the demo's holder are
   * carried over without being asked, identities sealed before and after both open, the new one is sealed to the new
   * key, the old printed recovery key opens nothing any more (the new file's does), and the departed custodian's wrap,
   * put back from a backup taken before they left, opens nothing either.
   */
  @Test
  void aCustodianLeavesTheKeyIsRotatedAndNothingTheyHeldOpensTheNewKey() throws Exception {
    user("custodian3", "intake", "unit-acoc");
    user("custodian4", "intake", "unit-acoc");
    String stays = PASSPHRASE + " สาม";
    String leaves = PASSPHRASE + " สี่";
    String before = fileNamed("นายก่อน หมุนกุญแจ");
    StaffClient admin = new StaffClient(port, "admin", "demo");
    String custodiansPath = "/api/staff/custodians";
    String oldRecovery = recoveryKey();
    Answer first = admin.raw("POST", custodiansPath, Map.of("Authorization", basic("admin"), "Content-Type",
        "application/json", "X-Custodian-Recovery-Key", oldRecovery), body(Map.of("userId", "custodian3",
        "passphrase", stays)));
    assertThat(first.status()).as(first.raw()).isEqualTo(201);
    Answer second = new StaffClient(port, "custodian3", "demo").withPassphrase(header(stays))
        .post(custodiansPath, Map.of("userId", "custodian4", "passphrase", leaves));
    assertThat(second.status()).as(second.raw()).isEqualTo(201);
    assertThat(reveal("custodian4", leaves, before).status()).isEqualTo(200);
    long oldKey = jdbc.sql("SELECT MAX(id) FROM custodian_key").query(Long.class).single();
    // what a backup taken now holds of the custodian who is about to leave
    record Wrap(long keyId, byte[] salt, int iterations, byte[] wrapped, boolean toMember, Object enrolledAt) {}
    Wrap backedUp = jdbc.sql("SELECT key_id, salt, iterations, wrapped, to_member, enrolled_at FROM custodian_unlock"
            + " WHERE holder = 'custodian4'")
        .query((rs, i) -> new Wrap(rs.getLong(1), rs.getBytes(2), rs.getInt(3), rs.getBytes(4), rs.getBoolean(5),
            rs.getObject(6))).single();
    record Own(String publicKeyset, byte[] salt, int iterations, byte[] wrapped, Object createdAt) {}
    Own backedUpOwn = jdbc.sql("SELECT public_keyset, salt, iterations, wrapped, created_at FROM custodian_member"
            + " WHERE holder = 'custodian4'")
        .query((rs, i) -> new Own(rs.getString(1), rs.getBytes(2), rs.getInt(3), rs.getBytes(4), rs.getObject(5)))
        .single();

    // they leave; the key is rotated by an administrator with the recovery key (whoever keeps the paper prints the
    // new one): a custodian's passphrase, a screener, no key or a wrong one rotate nothing
    assertThat(admin.send("DELETE", custodiansPath + "/custodian4", null).status()).isEqualTo(204);
    String rotation = custodiansPath + "/rotation";
    assertThat(new StaffClient(port, "custodian3", "demo").withPassphrase(header(stays)).post(rotation, Map.of())
        .status()).isEqualTo(403);
    assertThat(new StaffClient(port, "screener", "demo").raw("POST", rotation, Map.of("Authorization",
        basic("screener"), "X-Custodian-Recovery-Key", oldRecovery), body(Map.of())).status()).isEqualTo(403);
    Answer noKey = admin.post(rotation, Map.of());
    assertThat(noKey.status()).as(noKey.raw()).isEqualTo(400);
    assertThat(noKey.raw()).contains("X-Custodian-Recovery-Key");
    Answer wrong = admin.raw("POST", rotation, Map.of("Authorization", basic("admin"),
        "X-Custodian-Recovery-Key", "AAAAA-BBBBB-CCCCC"), body(Map.of()));
    assertThat(wrong.status()).as(wrong.raw()).isEqualTo(403);
    assertThat(wrong.raw()).contains("X-Custodian-Recovery-Key");
    Answer rotated = admin.raw("POST", rotation, Map.of("Authorization", basic("admin"),
        "X-Custodian-Recovery-Key", oldRecovery), body(Map.of()));
    assertThat(rotated.status()).as(rotated.raw()).isEqualTo(201);
    long newKey = rotated.body().get("keyId").asLong();
    assertThat(newKey).isEqualTo(oldKey + 1);
    assertThat(rotated.raw()).contains("custodian3").doesNotContain("custodian4").doesNotContain("#");
    assertThat(Path.of(rotated.body().get("recoveryKeyFile").asText())).exists();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM custodian_unlock WHERE key_id < ?").param(newKey)
        .query(Integer.class).single()).as("no wrap of an older key is kept").isZero();
    // the old paper rotates no more; the new file's key does
    assertThat(admin.raw("POST", rotation, Map.of("Authorization", basic("admin"),
        "X-Custodian-Recovery-Key", oldRecovery), body(Map.of())).status()).isEqualTo(403);
    Answer again = admin.raw("POST", rotation, Map.of("Authorization", basic("admin"),
        "X-Custodian-Recovery-Key", recoveryKey()), body(Map.of()));
    assertThat(again.status()).as(again.raw()).isEqualTo(201);
    newKey++;

    // sealed before and after: both open, to the custodian who stays and to the demo's intake officer
    String after = fileNamed("นางหลัง หมุนกุญแจ");
    byte[] custodianSealed = sealed.open(after, SealedStore.Purpose.IDENTITY, jdbc.sql(
            "SELECT identity_sealed FROM complainant_identity WHERE tracking_number = ?").param(after)
        .query((rs, i) -> rs.getBytes(1)).single()).orElseThrow();
    assertThat(java.nio.ByteBuffer.wrap(custodianSealed).getLong()).as("sealed to the new key").isEqualTo(newKey);
    assertThat(reveal("custodian3", stays, before).body().get("name").asText()).isEqualTo("นายก่อน หมุนกุญแจ");
    assertThat(reveal("custodian3", stays, after).body().get("name").asText()).isEqualTo("นางหลัง หมุนกุญแจ");
    assertThat(reveal("intake", "demo", before).status()).isEqualTo(200);
    assertThat(reveal("intake", "demo", after).status()).isEqualTo(200);

    // the new file's key enrols (the old paper was refused above; a wrong recovery key counts towards its lock-out,
    // five in 15 minutes, for this class's tests together)
    Answer newPaper = admin.raw("POST", custodiansPath, Map.of("Authorization", basic("admin"), "Content-Type",
        "application/json", "X-Custodian-Recovery-Key", recoveryKey()), body(Map.of("userId", "custodian4",
        "passphrase", leaves + " ใหม่")));
    assertThat(newPaper.status()).as(newPaper.raw()).isEqualTo(201);
    assertThat(admin.send("DELETE", custodiansPath + "/custodian4", null).status()).isEqualTo(204);

    // the departed custodian's wrap and key pair, put back from the backup: their passphrase opens nothing now
    jdbc.sql("INSERT INTO custodian_unlock (key_id, holder, salt, iterations, wrapped, to_member, enrolled_at)"
            + " VALUES (?, 'custodian4', ?, ?, ?, ?, ?)")
        .params(backedUp.keyId(), backedUp.salt(), backedUp.iterations(), backedUp.wrapped(), backedUp.toMember(),
            backedUp.enrolledAt()).update();
    jdbc.sql("INSERT INTO custodian_member (holder, public_keyset, salt, iterations, wrapped, created_at)"
            + " VALUES ('custodian4', ?, ?, ?, ?, ?)")
        .params(backedUpOwn.publicKeyset(), backedUpOwn.salt(), backedUpOwn.iterations(), backedUpOwn.wrapped(),
            backedUpOwn.createdAt()).update();
    try {
      assertThat(reveal("custodian4", leaves, after).status()).isEqualTo(403);
      assertThat(reveal("custodian4", leaves, before).status()).isEqualTo(403);
    } finally {
      jdbc.sql("DELETE FROM custodian_unlock WHERE holder = 'custodian4'").update();
      jdbc.sql("DELETE FROM custodian_member WHERE holder = 'custodian4'").update();
    }
  }

  /** A web complaint that names its complainant (name, phone, address); its tracking number. */
  private String fileNamed(String name) {
    var complaint = IntakeOverHttpTest.complaint();
    complaint.putObject("complainant").put("name", name).put("phone", "0812345678").put("address", "99 ซอยลับ");
    complaint.put("consentToContact", true);
    Answer receipt = new StaffClient(port, "nobody", "none").raw("POST", "/api/complaints",
        Map.of("Content-Type", "application/json"),
        java.net.http.HttpRequest.BodyPublishers.ofString(complaint.toString(), StandardCharsets.UTF_8));
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    String tn = receipt.body().get("trackingNumber").asText();
    filed.add(tn);
    return tn;
  }

  /** A Thai passphrase travels in the header as an RFC 8187 value (percent-encoded UTF-8). */
  static String header(String passphrase) {
    return "utf-8''" + java.net.URLEncoder.encode(passphrase, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Answer reveal(String user, String passphrase, String tn) {
    return new StaffClient(port, user, "demo").withPassphrase(header(passphrase)).post("/api/staff/complaints/" + tn
        + "/identity", Map.of("reason", "ทดสอบผู้ดูแลข้อมูล / custodian test"));
  }

  /** The recovery key this test database's custodians' key was made with, from the file written at its making. */
  private String recoveryKey() throws Exception {
    String publicKeyset = jdbc.sql("SELECT public_keyset FROM custodian_key ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
        .query(String.class).single();
    String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(publicKeyset.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
    List<String> lines = Files.readAllLines(Path.of("target", "custodian-recovery",
        "custodian-recovery-key-" + fingerprint + ".txt"));
    return lines.get(1);
  }

  private static java.net.http.HttpRequest.BodyPublisher body(Map<String, Object> body) throws Exception {
    return java.net.http.HttpRequest.BodyPublishers.ofString(
        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body), StandardCharsets.UTF_8);
  }

  private static String basic(String user) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private void user(String id, String group, String unit) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identity.newUser(id);
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(id, group);
    identity.createMembership(id, unit);
  }
}

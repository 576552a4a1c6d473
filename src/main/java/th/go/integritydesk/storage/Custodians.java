package th.go.integritydesk.storage;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HybridConfig;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.integritydesk.process.EngineClock;
import th.go.integritydesk.web.InvalidInputException;
import th.go.integritydesk.web.PassphraseRefused;
import th.go.integritydesk.web.TooManyAttempts;

/**
 * The identity custodians' key (docs/adr/0018-identity-custodians.md): what only people need, the complainant's name,
 * phone and postal address, and the letters that carry them, are sealed to one HPKE key pair of the custodian role
 * (Tink, X25519 / HKDF-SHA256 / AES-256-GCM), inside the case's own sealing. The public key is in the database; the
 * private key is there only wrapped, once for each custodian under a key derived from that custodian's passphrase
 * (PBKDF2-HMAC-SHA256), and once under the printed recovery key. So the application server together with the
 * database and the master key opens none of them: a reveal needs a custodian's passphrase
 * ({@code X-Custodian-Passphrase}). The unwrapped private key lives only for the request that needed it.
 * <ul>
 *   <li>The key pair is made at the first start, with a recovery key written once to a file for the operator to
 *       print and delete ({@code integrity-desk.custodians.recovery-key-folder}).</li>
 *   <li>A custodian is enrolled by another custodian (with their passphrase) or by an administrator with the recovery
 *       key; each changes their own passphrase; an administrator removes one who leaves.</li>
 *   <li>Five wrong passphrases of one custodian within 15 minutes lock them out for the rest of those minutes (each
 *       try costs the server the key derivation, and is recorded).</li>
 *   <li>Demo profile only: every member of {@code intake} is a custodian with the passphrase {@code demo} (enrolled at
 *       first use). Outside it {@code demo} is refused as a passphrase, and the demo's own holder is removed.</li>
 * </ul>
 */
@Component
public class Custodians {

  /** The holder of the recovery key's wrap (not a user id: user ids have no {@code #}). */
  public static final String RECOVERY = "#recovery";
  static final String DEMO = "#demo";
  public static final String DEMO_PASSPHRASE = "demo";
  public static final String PASSPHRASE_HEADER = "X-Custodian-Passphrase";
  public static final String RECOVERY_HEADER = "X-Custodian-Recovery-Key";
  static final int MIN_PASSPHRASE = 12;
  private static final int LOCK_AFTER = 5;
  private static final Duration LOCK_WINDOW = Duration.ofMinutes(15);
  private static final Logger LOG = LoggerFactory.getLogger(Custodians.class);
  private static final Logger AUDIT = LoggerFactory.getLogger("integrity-desk.audit");
  private static final SecureRandom RANDOM = new SecureRandom();

  static {
    try {
      HybridConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The custodian role's private key, opened with one custodian's passphrase, for one request. */
  public static final class Unlocked {
    private final long keyId;
    private final KeysetHandle keyset;
    private final HybridDecrypt decrypt;
    private final String holder;

    private Unlocked(long keyId, KeysetHandle keyset, String holder) throws GeneralSecurityException {
      this.keyId = keyId;
      this.keyset = keyset;
      this.decrypt = keyset.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
      this.holder = holder;
    }

    public String holder() {
      return holder;
    }
  }

  public record Holder(String userId, String enrolledBy, java.time.Instant enrolledAt) {}

  private record RoleKey(long id, HybridEncrypt encrypt) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final boolean demo;
  private final int iterations;
  private final Path recoveryFolder;
  private final org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.IdentityService> identity;
  private volatile RoleKey current;

  public Custodians(JdbcClient jdbc, PlatformTransactionManager transactions, Environment environment,
                    org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.IdentityService> identity,
                    @Value("${integrity-desk.custodians.passphrase-iterations:600000}") int iterations,
                    @Value("${integrity-desk.custodians.recovery-key-folder:./data}") String recoveryFolder) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    this.identity = identity;
    this.iterations = iterations;
    this.recoveryFolder = Path.of(recoveryFolder);
  }

  /** Makes the key at start-up (not inside an intake); outside the demo, takes away the demo's own holder. */
  @EventListener(ApplicationReadyEvent.class)
  public void atStart() {
    roleKey();
    if (!demo) {
      int removed = jdbc.sql("DELETE FROM custodian_unlock WHERE holder = ?").param(DEMO).update();
      if (removed > 0) {
        LOG.warn("The demo's custodian holder was removed: outside the demo profile no custodian passphrase is"
            + " 'demo'. Enrol custodians with the recovery key (README, Identity custodians)");
      }
    }
  }

  /** Seals for the custodians: only a custodian's passphrase (or the recovery key) opens it again. */
  public byte[] seal(String trackingNumber, String purpose, byte[] plaintext) {
    RoleKey key = roleKey();
    try {
      byte[] sealed = key.encrypt().encrypt(plaintext, context(trackingNumber, purpose));
      byte[] out = new byte[8 + sealed.length];
      java.nio.ByteBuffer.wrap(out).putLong(key.id()).put(sealed);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens what {@link #seal} sealed, with a custodian's unlocked key. */
  public byte[] open(Unlocked unlocked, String trackingNumber, String purpose, byte[] sealed) {
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(sealed);
    long keyId = buffer.getLong();
    if (keyId != unlocked.keyId) {
      throw new IllegalStateException("sealed to custodian key " + keyId + ", unlocked " + unlocked.keyId);
    }
    byte[] body = new byte[buffer.remaining()];
    buffer.get(body);
    try {
      return unlocked.decrypt.decrypt(body, context(trackingNumber, purpose));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a custodian-sealed " + purpose + " of case " + trackingNumber
          + " does not open", e);
    }
  }

  /**
   * Opens the role's private key with the user's passphrase: 400 without one, 403 for a wrong one or for a user who is
   * not a custodian, 429 while locked out. Every refusal is logged for the audit; the caller records it on the case.
   */
  public Unlocked unlock(String userId, String given) {
    String passphrase = readable(given);
    if (passphrase == null || passphrase.isBlank()) {
      throw new InvalidInputException(PASSPHRASE_HEADER, "custodian.passphraseMissing");
    }
    if (locked(userId)) {
      AUDIT.warn("Custodian passphrase of {} refused: locked out after wrong tries", userId);
      throw new TooManyAttempts(LOCK_WINDOW);
    }
    RoleKey key = roleKey();
    Optional<Unlocked> unlocked;
    if (userId.startsWith("#")) {
      unlocked = Optional.empty();
    } else if (DEMO_PASSPHRASE.equals(passphrase)) {
      // the demo's passphrase opens nothing outside the demo profile
      unlocked = demo ? demoUnlock(key.id(), userId) : Optional.empty();
    } else {
      unlocked = tryUnlock(key.id(), userId, passphrase);
    }
    if (unlocked.isEmpty()) {
      ownTransaction.executeWithoutResult(status -> jdbc.sql(
              "INSERT INTO custodian_attempt (holder, attempted_at) VALUES (?, ?)")
          .params(userId, EngineClock.now()).update());
      AUDIT.warn("Custodian passphrase of {} refused", userId);
      throw new PassphraseRefused(PASSPHRASE_HEADER, "custodian.wrongPassphrase");
    }
    return unlocked.get();
  }

  /**
   * A passphrase as it came: an HTTP header carries only ASCII safely, so a passphrase in Thai comes either as an
   * RFC 8187 value ({@code utf-8''} and percent-encoded UTF-8, as {@code encodeURIComponent} makes it) or as raw UTF-8
   * bytes (curl), which the server read as ISO-8859-1; both are turned back into the passphrase. A form field's value is
   * already the passphrase.
   */
  static String readable(String given) {
    if (given == null) {
      return null;
    }
    if (given.regionMatches(true, 0, "utf-8''", 0, 7)) {
      try {
        return java.net.URLDecoder.decode(given.substring(7).replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return given;
      }
    }
    boolean latin1 = given.chars().allMatch(c -> c <= 0xFF) && given.chars().anyMatch(c -> c > 0x7F);
    if (latin1) {
      try {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(given.getBytes(StandardCharsets.ISO_8859_1))).toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        return given;
      }
    }
    return given;
  }

  /** Opens the role's private key with the printed recovery key (an administrator enrolling a custodian). */
  public Unlocked unlockWithRecovery(String recoveryKey) {
    if (recoveryKey == null || recoveryKey.isBlank()) {
      throw new InvalidInputException(RECOVERY_HEADER, "custodian.recoveryMissing");
    }
    if (locked(RECOVERY)) {
      throw new TooManyAttempts(LOCK_WINDOW);
    }
    Optional<Unlocked> unlocked = tryUnlock(roleKey().id(), RECOVERY, normaliseRecovery(recoveryKey));
    if (unlocked.isEmpty()) {
      ownTransaction.executeWithoutResult(status -> jdbc.sql(
              "INSERT INTO custodian_attempt (holder, attempted_at) VALUES (?, ?)")
          .params(RECOVERY, EngineClock.now()).update());
      AUDIT.warn("Custodian recovery key refused");
      throw new PassphraseRefused(RECOVERY_HEADER, "custodian.wrongRecoveryKey");
    }
    return unlocked.get();
  }

  /**
   * Makes {@code userId} a custodian with {@code passphrase}, with a key already unlocked by an enroller. An enrolled
   * custodian is refused (409): only they change their passphrase, so nobody else can set it, lock them out or act as
   * them; an administrator removes one first to enrol them again.
   */
  public void enroll(Unlocked by, String enrolledBy, String userId, String passphrase) {
    checkNewPassphrase(passphrase);
    if (userId == null || userId.isBlank() || userId.startsWith("#")) {
      throw new InvalidInputException("userId", "custodian.userId");
    }
    if (enrolled(userId.strip())) {
      throw new th.go.integritydesk.web.CaseStateConflict("custodian.alreadyEnrolled");
    }
    write(by, userId.strip(), passphrase, enrolledBy);
    AUDIT.info("Custodian {} enrolled by {}", userId, enrolledBy);
  }

  /** A custodian's own new passphrase (the old one unlocked the key). */
  public void change(Unlocked unlocked, String userId, String newPassphrase) {
    checkNewPassphrase(newPassphrase);
    write(unlocked, userId, newPassphrase, userId);
    AUDIT.info("Custodian {} changed their passphrase", userId);
  }

  /** Takes a custodian's wrap away (they left the role); false when they had none. */
  public boolean remove(String userId) {
    boolean removed = jdbc.sql("DELETE FROM custodian_unlock WHERE holder = ? AND holder NOT LIKE '#%'")
        .param(userId).update() > 0;
    if (removed) {
      AUDIT.info("Custodian {} removed", userId);
    }
    return removed;
  }

  public List<Holder> holders() {
    return jdbc.sql("SELECT holder, enrolled_by, enrolled_at FROM custodian_unlock WHERE holder NOT LIKE '#%'"
            + " ORDER BY holder FETCH FIRST 1000 ROWS ONLY")
        .query((rs, i) -> new Holder(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
  }

  public boolean enrolled(String userId) {
    return jdbc.sql("SELECT COUNT(*) FROM custodian_unlock WHERE holder = ?").param(userId)
        .query(Integer.class).single() > 0;
  }

  private void checkNewPassphrase(String passphrase) {
    if (passphrase == null || passphrase.strip().length() < MIN_PASSPHRASE || passphrase.length() > 200
        || passphrase.equalsIgnoreCase(DEMO_PASSPHRASE)) {
      throw new InvalidInputException("passphrase", "custodian.passphraseWeak", MIN_PASSPHRASE);
    }
  }

  /**
   * Forgets up to {@code batch} wrong passphrases older than the lock-out's window: they count for nothing any more
   * (the audit log and the case's read records keep each refusal). Run with retention.
   */
  public int forgetOldAttempts(int batch) {
    Timestamp before = Timestamp.from(EngineClock.now().toInstant().minus(LOCK_WINDOW));
    return ownTransaction.execute(status -> jdbc.sql("DELETE FROM custodian_attempt WHERE id IN (SELECT id FROM"
        + " custodian_attempt WHERE attempted_at < ? ORDER BY attempted_at FETCH FIRST " + batch + " ROWS ONLY)")
        .param(before).update());
  }

  private boolean locked(String holder) {
    Timestamp since = Timestamp.from(EngineClock.now().toInstant().minus(LOCK_WINDOW));
    return jdbc.sql("SELECT COUNT(*) FROM custodian_attempt WHERE holder = ? AND attempted_at > ?")
        .params(holder, since).query(Integer.class).single() >= LOCK_AFTER;
  }

  /**
   * The demo: a custodian enrolled with the demo passphrase, or a member of intake not enrolled at all, who opens the
   * key through the demo's own holder (nothing is written: a request in a transaction takes no second connection).
   */
  private Optional<Unlocked> demoUnlock(long keyId, String userId) {
    if (enrolled(userId)) {
      return tryUnlock(keyId, userId, DEMO_PASSPHRASE);
    }
    if (identity.getObject().createUserQuery().userId(userId).memberOfGroup("intake").count() == 0) {
      return Optional.empty();
    }
    return tryUnlock(keyId, DEMO, DEMO_PASSPHRASE);
  }

  private Optional<Unlocked> tryUnlock(long keyId, String holder, String passphrase) {
    record Wrap(byte[] salt, int iterations, byte[] wrapped) {}
    Optional<Wrap> wrap = jdbc.sql("SELECT salt, iterations, wrapped FROM custodian_unlock WHERE key_id = ?"
            + " AND holder = ?")
        .params(keyId, holder).query((rs, i) -> new Wrap(rs.getBytes(1), rs.getInt(2), rs.getBytes(3))).optional();
    if (wrap.isEmpty()) {
      // the same work as for a wrong passphrase: whether someone is a custodian is not told by the time it takes
      derive(passphrase, new byte[16], iterations);
      return Optional.empty();
    }
    try {
      Aead aead = new AesGcmJce(derive(passphrase, wrap.get().salt(), wrap.get().iterations()));
      KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
          new String(wrap.get().wrapped(), StandardCharsets.UTF_8), aead, associated(keyId, holder));
      return Optional.of(new Unlocked(keyId, keyset, holder));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  private void write(Unlocked unlocked, String holder, String passphrase, String enrolledBy) {
    // the private keyset, unwrapped for this request only, wrapped again for the holder
    KeysetHandle keyset = unlocked.keyset;
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    try {
      String wrapped = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset,
          new AesGcmJce(derive(passphrase, salt, iterations)), associated(unlocked.keyId, holder));
      int updated = jdbc.sql("UPDATE custodian_unlock SET salt = ?, iterations = ?, wrapped = ?, enrolled_by = ?,"
              + " enrolled_at = ? WHERE key_id = ? AND holder = ?")
          .params(salt, iterations, wrapped.getBytes(StandardCharsets.UTF_8), enrolledBy, EngineClock.now(),
              unlocked.keyId, holder).update();
      if (updated == 0) {
        jdbc.sql("INSERT INTO custodian_unlock (key_id, holder, salt, iterations, wrapped, enrolled_by, enrolled_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
            .params(unlocked.keyId, holder, salt, iterations, wrapped.getBytes(StandardCharsets.UTF_8), enrolledBy,
                EngineClock.now()).update();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private RoleKey roleKey() {
    RoleKey key = current;
    if (key != null) {
      return key;
    }
    synchronized (this) {
      if (current == null) {
        try {
          current = ownTransaction.execute(status -> load().orElseGet(this::create));
        } catch (DataIntegrityViolationException raced) {
          // another node made it first (its insert won): read theirs, in a transaction of its own
          current = ownTransaction.execute(status -> load().orElseThrow(() -> raced));
        }
      }
      return current;
    }
  }

  private Optional<RoleKey> load() {
    return jdbc.sql("SELECT id, public_keyset FROM custodian_key ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
        .query((rs, i) -> {
          try {
            KeysetHandle publicKeyset = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(rs.getString(2));
            return new RoleKey(rs.getLong(1), publicKeyset.getPrimitive(RegistryConfiguration.get(),
                HybridEncrypt.class));
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The custodians' public key does not parse", e);
          }
        }).optional();
  }

  /** The role's key pair, its recovery wrap (the recovery key goes to a file, once) and, in the demo, the demo's. */
  private RoleKey create() {
    try {
      KeysetHandle keyset = KeysetHandle.generateNew(HpkeParameters.builder()
          .setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256).setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
          .setAeadId(HpkeParameters.AeadId.AES_256_GCM).setVariant(HpkeParameters.Variant.NO_PREFIX).build());
      String publicJson = TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(keyset.getPublicKeysetHandle());
      long id = 1;
      jdbc.sql("INSERT INTO custodian_key (id, public_keyset, created_at) VALUES (?, ?, ?)")
          .params(id, publicJson, EngineClock.now()).update();
      Unlocked unlocked = new Unlocked(id, keyset, "#new");
      String recovery = newRecoveryKey();
      write(unlocked, RECOVERY, normaliseRecovery(recovery), null);
      if (demo) {
        write(unlocked, DEMO, DEMO_PASSPHRASE, null);
      }
      Path file = writeRecoveryFile(recovery, publicJson);
      LOG.warn("Made the identity custodians' key. Its recovery key is in {}: print it, keep it in a safe, delete the"
          + " file (README, Identity custodians). Enrol the first custodian with it.", file);
      return new RoleKey(id, keyset.getPublicKeysetHandle().getPrimitive(RegistryConfiguration.get(),
          HybridEncrypt.class));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path writeRecoveryFile(String recovery, String publicJson) {
    try {
      Files.createDirectories(recoveryFolder);
      String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(publicJson.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
      Path file = recoveryFolder.resolve("custodian-recovery-key-" + fingerprint + ".txt").toAbsolutePath();
      Files.writeString(file, "integrity-desk: recovery key of the identity custodians (key " + fingerprint + ")\n"
          + recovery + "\n");
      if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("The custodians' recovery key could not be written to " + recoveryFolder, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 160 random bits in Crockford-like groups of five (what a person types back from paper). */
  private static String newRecoveryKey() {
    byte[] bytes = new byte[20];
    RANDOM.nextBytes(bytes);
    String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    StringBuilder out = new StringBuilder();
    java.math.BigInteger value = new java.math.BigInteger(1, bytes);
    java.math.BigInteger base = java.math.BigInteger.valueOf(alphabet.length());
    for (int i = 0; i < 35; i++) {
      java.math.BigInteger[] division = value.divideAndRemainder(base);
      out.append(alphabet.charAt(division[1].intValue()));
      value = division[0];
      if (i % 5 == 4 && i < 34) {
        out.append('-');
      }
    }
    return out.toString();
  }

  private static String normaliseRecovery(String recovery) {
    return recovery.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }

  private static byte[] derive(String passphrase, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(), salt, iterations, 256);
      try {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      } finally {
        spec.clearPassword();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] associated(long keyId, String holder) {
    return ("custodian-key/" + keyId + "/" + holder).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] context(String trackingNumber, String purpose) {
    return ("integrity-desk/custodians/" + purpose + "/" + trackingNumber).getBytes(StandardCharsets.UTF_8);
  }
}

package th.go.integritydesk.storage;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.integritydesk.process.EngineClock;
import th.go.integritydesk.web.CaseStateConflict;
import th.go.integritydesk.web.InvalidInputException;
import th.go.integritydesk.web.PassphraseRefused;
import th.go.integritydesk.web.TooManyAttempts;

/**
 * The identity custodians' key (docs/adr/0018-identity-custodians.md): what only people need, the complainant's name,
 * phone and postal address, and the letters that carry them, are sealed to one HPKE key pair of the custodian role
 * (Tink, X25519 / HKDF-SHA256 / AES-256-GCM), inside the case's own sealing. The public key is in the database; the
 * private key is there only sealed, once to each custodian's own HPKE key pair, whose private key is wrapped under a
 * key derived from that custodian's passphrase (PBKDF2-HMAC-SHA256), and once to the printed recovery key's pair. So
 * the application server together with the database and the master key opens none of them: a reveal needs a
 * custodian's passphrase ({@code X-Custodian-Passphrase}). The unwrapped private key lives only for the request that
 * needed it.
 * <ul>
 *   <li>The key pair is made at the first start, with a recovery key written once to a file for the operator to
 *       print and delete ({@code integrity-desk.custodians.recovery-key-folder}).</li>
 *   <li>A custodian is enrolled by another custodian (with their passphrase) or by an administrator with the recovery
 *       key; each changes their own passphrase; an administrator removes one who leaves.</li>
 *   <li>The role key is rotated ({@link #rotate}) when a custodian leaves: a new pair, sealed to every remaining
 *       custodian's own public key (no passphrase of theirs is needed) and to a new recovery key; the old private key
 *       is sealed to the new pair, so what was sealed before still opens, and nothing sealed from then on opens with
 *       the old key or with any wrap of it a backup still holds.</li>
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
    /** older role keys opened through the chain (each sealed to the key after it), for this request */
    private final Map<Long, HybridDecrypt> older = new ConcurrentHashMap<>();

    private Unlocked(long keyId, KeysetHandle keyset, String holder) throws GeneralSecurityException {
      this.keyId = keyId;
      this.keyset = keyset;
      this.decrypt = keyset.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
      this.holder = holder;
    }

    public String holder() {
      return holder;
    }

    public long keyId() {
      return keyId;
    }
  }

  /** What a rotation did: the new key, who was carried over to it, who must be enrolled again, the recovery file. */
  public record Rotation(long keyId, List<String> carriedOver, List<String> notCarriedOver, String recoveryKeyFile) {}

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
      jdbc.sql("DELETE FROM custodian_member WHERE holder = ?").param(DEMO).update();
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
    if (keyId > unlocked.keyId) {
      // the key was rotated after this request unlocked the one before: asked again, it unlocks the new one
      throw new CaseStateConflict("custodian.keyChanged");
    }
    byte[] body = new byte[buffer.remaining()];
    buffer.get(body);
    try {
      return decryptFor(unlocked, keyId).decrypt(body, context(trackingNumber, purpose));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a custodian-sealed " + purpose + " of case " + trackingNumber
          + " does not open", e);
    }
  }

  /**
   * The private key a ciphertext was sealed to: the unlocked (newest) one, or an older one opened down the chain, each
   * older key's private keyset being sealed to the key that replaced it.
   */
  private HybridDecrypt decryptFor(Unlocked unlocked, long keyId) throws GeneralSecurityException {
    if (keyId == unlocked.keyId) {
      return unlocked.decrypt;
    }
    HybridDecrypt known = unlocked.older.get(keyId);
    if (known != null) {
      return known;
    }
    HybridDecrypt newer = decryptFor(unlocked, keyId + 1);
    byte[] olderSealed = jdbc.sql("SELECT older_sealed FROM custodian_key WHERE id = ?").param(keyId + 1)
        .query((rs, i) -> rs.getBytes(1)).optional()
        .orElseThrow(() -> new GeneralSecurityException("custodian key " + (keyId + 1) + " is not in the database"));
    if (olderSealed == null) {
      throw new GeneralSecurityException("custodian key " + (keyId + 1) + " carries no older key");
    }
    KeysetHandle keyset = TinkProtoKeysetFormat.parseKeyset(newer.decrypt(olderSealed, chain(keyId, keyId + 1)),
        InsecureSecretKeyAccess.get());
    HybridDecrypt decrypt = keyset.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
    unlocked.older.put(keyId, decrypt);
    return decrypt;
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
    jdbc.sql("DELETE FROM custodian_member WHERE holder = ? AND holder NOT LIKE '#%'").param(userId).update();
    if (removed) {
      AUDIT.info("Custodian {} removed (rotate the custodians' key: README, Identity custodians)", userId);
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
    record Wrap(byte[] salt, int iterations, byte[] wrapped, boolean toMember) {}
    Optional<Wrap> wrap = jdbc.sql("SELECT salt, iterations, wrapped, to_member FROM custodian_unlock WHERE key_id = ?"
            + " AND holder = ?")
        .params(keyId, holder).query((rs, i) -> new Wrap(rs.getBytes(1), rs.getInt(2), rs.getBytes(3),
            rs.getBoolean(4))).optional();
    Optional<Member> member = wrap.isPresent() && wrap.get().toMember() ? member(holder) : Optional.empty();
    if (wrap.isEmpty() || wrap.get().toMember() && member.isEmpty()) {
      // the same work as for a wrong passphrase: whether someone is a custodian is not told by the time it takes
      derive(passphrase, new byte[16], iterations);
      return Optional.empty();
    }
    try {
      if (wrap.get().toMember()) {
        // the holder's own private key under their passphrase, then the role's private key sealed to it
        Aead aead = new AesGcmJce(derive(passphrase, member.get().salt(), member.get().iterations()));
        HybridDecrypt own = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
                new String(member.get().wrapped(), StandardCharsets.UTF_8), aead, memberAssociated(holder))
            .getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
        KeysetHandle keyset = TinkProtoKeysetFormat.parseKeyset(
            own.decrypt(wrap.get().wrapped(), associated(keyId, holder)), InsecureSecretKeyAccess.get());
        return Optional.of(new Unlocked(keyId, keyset, holder));
      }
      // a wrap made before the custodians had key pairs of their own: the role's key right under the passphrase
      Aead aead = new AesGcmJce(derive(passphrase, wrap.get().salt(), wrap.get().iterations()));
      KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
          new String(wrap.get().wrapped(), StandardCharsets.UTF_8), aead, associated(keyId, holder));
      Unlocked unlocked = new Unlocked(keyId, keyset, holder);
      if (!TransactionSynchronizationManager.isActualTransactionActive()) {
        // given a key pair now, so that a rotation carries them over (not inside a request's transaction: that would
        // hold a second connection; the next unlock outside one does it)
        ownTransaction.executeWithoutResult(status -> upgrade(unlocked, holder, passphrase));
        LOG.info("Custodian {} now has a key pair of their own", holder);
      }
      return Optional.of(unlocked);
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  private record Member(byte[] salt, int iterations, byte[] wrapped, String publicKeyset) {}

  private Optional<Member> member(String holder) {
    return jdbc.sql("SELECT salt, iterations, wrapped, public_keyset FROM custodian_member WHERE holder = ?")
        .param(holder).query((rs, i) -> new Member(rs.getBytes(1), rs.getInt(2), rs.getBytes(3), rs.getString(4)))
        .optional();
  }

  /** A holder's new key pair of their own, its private key under their passphrase, and the role key sealed to it. */
  private record NewMember(String holder, String publicKeyset, byte[] salt, byte[] wrapped, byte[] sealedRole) {}

  private NewMember newMember(Unlocked role, String holder, String passphrase) {
    try {
      KeysetHandle own = KeysetHandle.generateNew(hpke());
      byte[] salt = new byte[16];
      RANDOM.nextBytes(salt);
      String wrappedOwn = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(own,
          new AesGcmJce(derive(passphrase, salt, iterations)), memberAssociated(holder));
      String ownPublic = TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(own.getPublicKeysetHandle());
      return new NewMember(holder, ownPublic, salt, wrappedOwn.getBytes(StandardCharsets.UTF_8),
          sealKeysetTo(ownPublic, role.keyset, associated(role.keyId, holder)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stores the holder's own key pair (replacing any earlier one: their rows of other keys are gone by then). */
  private void store(NewMember member) {
    int updated = jdbc.sql("UPDATE custodian_member SET public_keyset = ?, salt = ?, iterations = ?, wrapped = ?,"
            + " created_at = ? WHERE holder = ?")
        .params(member.publicKeyset(), member.salt(), iterations, member.wrapped(), EngineClock.now(), member.holder())
        .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO custodian_member (holder, public_keyset, salt, iterations, wrapped, created_at)"
              + " VALUES (?, ?, ?, ?, ?, ?)")
          .params(member.holder(), member.publicKeyset(), member.salt(), iterations, member.wrapped(),
              EngineClock.now())
          .update();
    }
  }

  /** A wrap of the older kind (the role key right under the passphrase) replaced by one to a new key pair. */
  private void upgrade(Unlocked role, String holder, String passphrase) {
    NewMember member = newMember(role, holder, passphrase);
    // the conditional update first: of two upgrades at once, the one that loses it stores no key pair
    int updated = jdbc.sql("UPDATE custodian_unlock SET salt = ?, iterations = 0, wrapped = ?, to_member = TRUE"
            + " WHERE key_id = ? AND holder = ? AND to_member = FALSE")
        .params(new byte[0], member.sealedRole(), role.keyId, holder).update();
    if (updated == 1) {
      store(member);
    }
  }

  /** A private keyset sealed (HPKE) to a public keyset given as Tink JSON. */
  private static byte[] sealKeysetTo(String publicKeyset, KeysetHandle keyset, byte[] context)
      throws GeneralSecurityException {
    HybridEncrypt to = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(publicKeyset)
        .getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
    return to.encrypt(TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()), context);
  }

  /** Makes the holder's row of the unlocked (current) role key: sealed to a new key pair of theirs. */
  private void write(Unlocked unlocked, String holder, String passphrase, String enrolledBy) {
    NewMember member = newMember(unlocked, holder, passphrase);
    int updated = jdbc.sql("UPDATE custodian_unlock SET salt = ?, iterations = 0, wrapped = ?, to_member = TRUE,"
            + " enrolled_by = ?, enrolled_at = ? WHERE key_id = ? AND holder = ?")
        .params(new byte[0], member.sealedRole(), enrolledBy, EngineClock.now(), unlocked.keyId, holder).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO custodian_unlock (key_id, holder, salt, iterations, wrapped, to_member, enrolled_by,"
              + " enrolled_at) VALUES (?, ?, ?, 0, ?, TRUE, ?, ?)")
          .params(unlocked.keyId, holder, new byte[0], member.sealedRole(), enrolledBy, EngineClock.now()).update();
    }
    // a row of an older key would be sealed to the key pair replaced here
    jdbc.sql("DELETE FROM custodian_unlock WHERE holder = ? AND key_id <> ?").params(holder, unlocked.keyId).update();
    store(member);
  }

  /**
   * The role's newest key: looked up once, then checked against the newest id in the database at each use (one read
   * of the primary key), so that a rotation on another node of a cluster is followed at the next seal.
   */
  private RoleKey roleKey() {
    RoleKey key = current;
    if (key != null) {
      Long newest = jdbc.sql("SELECT MAX(id) FROM custodian_key").query(Long.class).single();
      if (newest == null || newest == key.id()) {
        return key;
      }
      RoleKey loaded = load().orElseThrow();
      current = loaded;
      return loaded;
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
      KeysetHandle keyset = KeysetHandle.generateNew(hpke());
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

  /**
   * A new key pair for the custodian role (after a custodian left, or on a schedule), made with the newest key as
   * unlocked by the recovery key (the API asks for it: see ADR 0018, Rotation):
   * <ul>
   *   <li>its private key is sealed to each custodian's own key pair (and the demo's, in the demo), so none of them
   *       needs to be asked; a custodian whose wrap is of the older kind (made before custodians had key pairs, and
   *       not unlocked since) is not carried over, and is named, to be enrolled again;</li>
   *   <li>a new recovery key is written to a new file (the old printed one opens only the keys before);</li>
   *   <li>the old private key is sealed to the new pair, so that everything sealed before opens as it did;</li>
   *   <li>every wrap of the older keys is deleted, so a custodian removed before holds nothing that opens the new key,
   *       nor does any backup taken before.</li>
   * </ul>
   * 409 when the key was rotated meanwhile (the unlocked key is not the newest).
   */
  public Rotation rotate(Unlocked by, String rotatedBy) {
    Rotation rotation;
    try {
      rotation = ownTransaction.execute(status -> rotateNow(by, rotatedBy));
    } catch (DataIntegrityViolationException raced) {
      throw new CaseStateConflict("custodian.keyChanged");
    }
    current = null;
    roleKey();
    AUDIT.warn("Custodians' key rotated to key {} by {}: {} carried over, not carried over {}", rotation.keyId(),
        rotatedBy, rotation.carriedOver().size(), rotation.notCarriedOver());
    return rotation;
  }

  private Rotation rotateNow(Unlocked by, String rotatedBy) {
    Long newest = jdbc.sql("SELECT MAX(id) FROM custodian_key").query(Long.class).single();
    if (newest == null || newest != by.keyId) {
      throw new CaseStateConflict("custodian.keyChanged");
    }
    try {
      KeysetHandle keyset = KeysetHandle.generateNew(hpke());
      long id = by.keyId + 1;
      String publicJson = TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(keyset.getPublicKeysetHandle());
      jdbc.sql("INSERT INTO custodian_key (id, public_keyset, created_at, older_sealed) VALUES (?, ?, ?, ?)")
          .params(id, publicJson, EngineClock.now(), sealKeysetTo(publicJson, by.keyset, chain(by.keyId, id)))
          .update();
      Unlocked unlocked = new Unlocked(id, keyset, by.holder);
      record Carried(String holder, String publicKeyset, String enrolledBy, Timestamp enrolledAt) {}
      List<Carried> members = jdbc.sql("SELECT u.holder, m.public_keyset, u.enrolled_by, u.enrolled_at"
              + " FROM custodian_unlock u JOIN custodian_member m ON m.holder = u.holder"
              + " WHERE u.key_id = ? AND u.to_member = TRUE AND u.holder <> ?"
              + " ORDER BY u.holder FETCH FIRST 1000 ROWS ONLY")
          .params(by.keyId, RECOVERY)
          .query((rs, i) -> new Carried(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4)))
          .list();
      List<String> carried = new ArrayList<>();
      for (Carried member : members) {
        if (member.holder().equals(DEMO)) {
          continue;
        }
        jdbc.sql("INSERT INTO custodian_unlock (key_id, holder, salt, iterations, wrapped, to_member, enrolled_by,"
                + " enrolled_at) VALUES (?, ?, ?, 0, ?, TRUE, ?, ?)")
            .params(id, member.holder(), new byte[0], sealKeysetTo(member.publicKeyset(), keyset,
                associated(id, member.holder())), member.enrolledBy(), member.enrolledAt())
            .update();
        carried.add(member.holder());
      }
      if (demo) {
        // the demo's own holder, whatever kind its wrap was: the demo's passphrase is known
        write(unlocked, DEMO, DEMO_PASSPHRASE, null);
      }
      List<String> notCarried = jdbc.sql("SELECT holder FROM custodian_unlock WHERE key_id = ? AND to_member = FALSE"
              + " AND holder NOT LIKE '#%' ORDER BY holder FETCH FIRST 1000 ROWS ONLY")
          .param(by.keyId).query(String.class).list();
      String recovery = newRecoveryKey();
      write(unlocked, RECOVERY, normaliseRecovery(recovery), rotatedBy);
      jdbc.sql("DELETE FROM custodian_unlock WHERE key_id < ?").param(id).update();
      jdbc.sql("DELETE FROM custodian_member WHERE holder NOT IN (SELECT holder FROM custodian_unlock)").update();
      // written before the commit: a crash after it leaves a file for a key never stored, never a key without its file
      Path file = writeRecoveryFile(recovery, publicJson);
      return new Rotation(id, carried, notCarried, file.toString());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path writeRecoveryFile(String recovery, String publicJson) {
    try {
      Files.createDirectories(recoveryFolder);
      String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(publicJson.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
      Path file = recoveryFolder.resolve("custodian-recovery-key-" + fingerprint + ".txt").toAbsolutePath().normalize();
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

  private static HpkeParameters hpke() throws GeneralSecurityException {
    return HpkeParameters.builder()
        .setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256).setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
        .setAeadId(HpkeParameters.AeadId.AES_256_GCM).setVariant(HpkeParameters.Variant.NO_PREFIX).build();
  }

  /** What a holder's own private key is bound to, under their passphrase. */
  private static byte[] memberAssociated(String holder) {
    return ("custodian-member/" + holder).getBytes(StandardCharsets.UTF_8);
  }

  /** What an older role key is bound to, sealed to the key that replaced it. */
  private static byte[] chain(long older, long newer) {
    return ("custodian-key/" + older + "/sealed-to/" + newer).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] associated(long keyId, String holder) {
    return ("custodian-key/" + keyId + "/" + holder).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] context(String trackingNumber, String purpose) {
    return ("integrity-desk/custodians/" + purpose + "/" + trackingNumber).getBytes(StandardCharsets.UTF_8);
  }
}

package th.go.integritydesk.storage;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import th.go.integritydesk.process.EngineClock;

/**
 * Everything that can identify a complainant or tell their story, sealed before it reaches the database
 * (docs/adr/0014-sealed-at-rest.md): envelope encryption with Google Tink. Each case has its own data key (an AES-256-GCM
 * keyset, table {@code case_key}), stored only wrapped by the {@link MasterKey}, which is never in the database. Every
 * sealed value is bound to its case and purpose (the associated data), so a value copied into another case or field
 * does not open. Destroying a case's data key ({@link #destroy}) shreds everything sealed for it, backups included.
 */
@Component
public class SealedStore implements MeterBinder {

  /** What a sealed value is: part of the associated data, so one cannot stand in for another. */
  public enum Purpose {
    IDENTITY, CONTACT, EVIDENCE, EVIDENCE_NAME, SUBMISSION, NOTE, DOCUMENT, DOCUMENT_NAME, ORIGINAL, LETTER,
    LETTER_ADDRESSEE
  }

  private static final Logger LOG = LoggerFactory.getLogger(SealedStore.class);
  private static final int CACHED_KEYS = 4096;
  private static final int REWRAP_PAGE = 200;

  private final JdbcClient jdbc;
  private final MasterKey masterKey;
  private final Map<String, Aead> cache = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Aead> eldest) {
      return size() > CACHED_KEYS;
    }
  };

  public SealedStore(JdbcClient jdbc, MasterKey masterKey) {
    this.jdbc = jdbc;
    this.masterKey = masterKey;
  }

  /** Seals a value for the case, creating the case's data key in the caller's transaction if it has none yet. */
  public byte[] seal(String trackingNumber, Purpose purpose, byte[] plaintext) {
    try {
      return key(trackingNumber, true).orElseThrow().encrypt(plaintext, associated(trackingNumber, purpose));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sealing failed", e);
    }
  }

  public byte[] sealText(String trackingNumber, Purpose purpose, String text) {
    return text == null ? null : seal(trackingNumber, purpose, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Opens a value sealed for the case; empty when the case's key has been destroyed. */
  public Optional<byte[]> open(String trackingNumber, Purpose purpose, byte[] sealed) {
    if (sealed == null) {
      return Optional.empty();
    }
    Optional<Aead> key = key(trackingNumber, false);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(key.get().decrypt(sealed, associated(trackingNumber, purpose)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a sealed " + purpose + " of case " + trackingNumber + " does not open", e);
    }
  }

  public Optional<String> openText(String trackingNumber, Purpose purpose, byte[] sealed) {
    return open(trackingNumber, purpose, sealed).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /** Shreds everything sealed for the case: its data key is gone, in the caller's transaction. */
  public void destroy(String trackingNumber) {
    jdbc.sql("DELETE FROM case_key WHERE tracking_number = ?").param(trackingNumber).update();
    evict(trackingNumber);
    afterCommit(() -> evict(trackingNumber));
  }

  private Optional<Aead> key(String trackingNumber, boolean create) {
    Aead cached;
    synchronized (cache) {
      cached = cache.get(trackingNumber);
    }
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<byte[]> wrapped = jdbc.sql("SELECT wrapped FROM case_key WHERE tracking_number = ?")
        .param(trackingNumber).query(byte[].class).optional();
    try {
      if (wrapped.isPresent()) {
        Aead aead = unwrap(trackingNumber, wrapped.get());
        remember(trackingNumber, aead);
        return Optional.of(aead);
      }
      if (!create) {
        return Optional.empty();
      }
      KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      long under = masterKey.primaryId();
      jdbc.sql("INSERT INTO case_key (tracking_number, wrapped, wrapped_by, created_at) VALUES (?, ?, ?, ?)")
          .params(trackingNumber, wrap(trackingNumber, fresh), under, EngineClock.now())
          .update();
      Aead aead = fresh.getPrimitive(RegistryConfiguration.get(), Aead.class);
      // known only once it is committed: a rolled-back intake's number may be handed out again with no key
      afterCommit(() -> remember(trackingNumber, aead));
      return Optional.of(aead);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the data key of case " + trackingNumber + " does not open", e);
    }
  }

  private byte[] wrap(String trackingNumber, KeysetHandle key) throws GeneralSecurityException {
    return TinkProtoKeysetFormat.serializeEncryptedKeyset(key, masterKey.aead(), wrapping(trackingNumber));
  }

  private Aead unwrap(String trackingNumber, byte[] wrapped) throws GeneralSecurityException {
    return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, masterKey.aead(), wrapping(trackingNumber))
        .getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  /**
   * Re-wraps the data keys still wrapped under an older master key, one page at a time; each update only if the row
   * is still as read, so nodes of a cluster doing the same never undo each other. Answers how many it re-wrapped.
   */
  public int rewrap() {
    masterKey.reload();
    long primary = masterKey.primaryId();
    record Row(String trackingNumber, byte[] wrapped, long under) {}
    List<Row> page = jdbc.sql("SELECT tracking_number, wrapped, wrapped_by FROM case_key WHERE wrapped_by <> ?"
            + " ORDER BY tracking_number FETCH FIRST " + REWRAP_PAGE + " ROWS ONLY")
        .param(primary)
        .query((rs, i) -> new Row(rs.getString(1), rs.getBytes(2), rs.getLong(3)))
        .list();
    int done = 0;
    for (Row row : page) {
      try {
        KeysetHandle key = TinkProtoKeysetFormat.parseEncryptedKeyset(row.wrapped(), masterKey.aead(),
            wrapping(row.trackingNumber()));
        done += jdbc.sql("UPDATE case_key SET wrapped = ?, wrapped_by = ? WHERE tracking_number = ? AND wrapped_by = ?")
            .params(wrap(row.trackingNumber(), key), primary, row.trackingNumber(), row.under())
            .update();
      } catch (GeneralSecurityException e) {
        LOG.error("The data key of case {} does not open under the master key set (wrapped by key {})",
            row.trackingNumber(), row.under());
      }
    }
    return done;
  }

  /** The background re-wrap after a rotation: a page every few seconds while any key is under an older one. */
  @Scheduled(fixedDelayString = "${integrity-desk.storage.rewrap-every:PT10S}", initialDelayString = "PT10S")
  void rewrapInTheBackground() {
    try {
      int done;
      while ((done = rewrap()) > 0) {
        LOG.info("Re-wrapped {} case keys under master key {}", done, masterKey.primaryId());
      }
    } catch (RuntimeException e) {
      LOG.warn("Re-wrapping case keys failed; tried again later", e);
    }
  }

  /** Data keys not yet under the primary master key: 0 before an older key may be retired. */
  public long keysUnderOlderMasterKeys() {
    return jdbc.sql("SELECT COUNT(*) FROM case_key WHERE wrapped_by <> ?").param(masterKey.primaryId())
        .query(Long.class).single();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("integrity.desk.case.keys.under.old.master.key", this, SealedStore::keysUnderOlderMasterKeys)
        .description("case data keys still wrapped under an older master key (0 before retiring it)")
        .register(registry);
  }

  /** Forgets every unwrapped data key (tests: the next read unwraps under the master keys as they are now). */
  void forgetUnwrappedKeys() {
    synchronized (cache) {
      cache.clear();
    }
  }

  private void remember(String trackingNumber, Aead aead) {
    synchronized (cache) {
      cache.put(trackingNumber, aead);
    }
  }

  private void evict(String trackingNumber) {
    synchronized (cache) {
      cache.remove(trackingNumber);
    }
  }

  private static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          action.run();
        }
      });
    } else {
      action.run();
    }
  }

  private static byte[] associated(String trackingNumber, Purpose purpose) {
    return (trackingNumber + "/" + purpose.name()).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] wrapping(String trackingNumber) {
    return ("case-key/" + trackingNumber).getBytes(StandardCharsets.UTF_8);
  }
}

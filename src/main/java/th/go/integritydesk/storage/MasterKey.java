package th.go.integritydesk.storage;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that wraps every case's data key (docs/adr/0014-sealed-at-rest.md): a Tink AEAD keyset (AES-256-GCM), never
 * in the database. It comes from the environment ({@code INTEGRITY_DESK_MASTER_KEY}, the keyset's JSON) or from a key
 * file ({@code integrity-desk.storage.master-key-file}); the demo creates its file on first start, production refuses
 * to start without one. A key file is read again when it changes, so a rotation ({@link MasterKeyTool}) reaches a
 * running node without a restart; data keys wrapped under an older key of the set are re-wrapped in the background
 * ({@link SealedStore#rewrap}).
 */
@Component
public class MasterKey {

  private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
  private static final long RECHECK_MILLIS = 5_000;

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Loaded(KeysetHandle keyset, Aead aead, FileTime modified) {}

  private final String inline;
  private final Path file;
  private volatile Loaded loaded;
  private volatile long checkedAt;

  public MasterKey(@Value("${integrity-desk.storage.master-key:}") String inline,
                   @Value("${integrity-desk.storage.master-key-file:}") String file,
                   @Value("${integrity-desk.storage.create-missing-master-key:false}") boolean createMissing) {
    this.inline = inline == null || inline.isBlank() ? null : inline.strip();
    this.file = file == null || file.isBlank() ? null : Path.of(file).toAbsolutePath();
    if (this.inline == null && this.file == null) {
      throw new IllegalStateException("No master key: set INTEGRITY_DESK_MASTER_KEY (a Tink keyset in JSON) or"
          + " integrity-desk.storage.master-key-file (INTEGRITY_DESK_STORAGE_MASTER_KEY_FILE); see README, Keys");
    }
    if (this.inline == null && !Files.exists(this.file)) {
      if (!createMissing) {
        throw new IllegalStateException("The master key file " + this.file + " does not exist; create it with"
            + " 'java -jar integrity-desk.jar master-key new " + this.file + "' (README, Keys)");
      }
      create(this.file);
      LOG.warn("Created a new master key in {}: back it up apart from the database (README, Keys)", this.file);
    }
    this.loaded = load();
  }

  /** The wrapping primitive: encrypts under the primary key, decrypts under any key of the set. */
  public Aead aead() {
    return current().aead();
  }

  /** The id of the key new wraps are made under. */
  public long primaryId() {
    return Integer.toUnsignedLong(current().keyset().getPrimary().getId());
  }

  /** Every key id of the set (the primary and older ones still able to unwrap). */
  public List<Long> keyIds() {
    KeysetHandle keyset = current().keyset();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < keyset.size(); i++) {
      ids.add(Integer.toUnsignedLong(keyset.getAt(i).getId()));
    }
    return ids;
  }

  private Loaded current() {
    long now = System.currentTimeMillis();
    if (file != null && inline == null && now - checkedAt > RECHECK_MILLIS) {
      checkedAt = now;
      try {
        if (!Files.getLastModifiedTime(file).equals(loaded.modified())) {
          Loaded again = load();
          LOG.info("Master key file {} changed: {} key(s), primary {}", file, again.keyset().size(),
              Integer.toUnsignedLong(again.keyset().getPrimary().getId()));
          loaded = again;
        }
      } catch (IOException | RuntimeException e) {
        LOG.error("Master key file {} could not be read again; keeping the keys already loaded", file, e);
      }
    }
    return loaded;
  }

  /** Reads the key file again now (tests, and the re-wrap job right after a rotation). */
  public void reload() {
    checkedAt = 0;
    current();
  }

  private Loaded load() {
    try {
      String json = inline != null ? inline : Files.readString(file, StandardCharsets.UTF_8);
      KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
      return new Loaded(keyset, keyset.getPrimitive(RegistryConfiguration.get(), Aead.class),
          inline != null ? null : Files.getLastModifiedTime(file));
    } catch (IOException e) {
      throw new UncheckedIOException("The master key could not be read from " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The master key is not a Tink AEAD keyset in JSON", e);
    }
  }

  /** A new keyset of one AES-256-GCM key, written readable by its owner only; an existing file is kept. */
  static void create(Path file) {
    try {
      write(file, KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), false);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static void write(Path file, KeysetHandle keyset, boolean replace) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Path temporary = Files.createTempFile(folder, ".master-key", ".tmp");
      try {
        if (Files.getFileAttributeView(temporary, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
          Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temporary, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
        if (replace) {
          Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
              java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } else {
          Files.move(temporary, file);
        }
      } catch (FileAlreadyExistsException e) {
        // another process created it first: keep theirs
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The master key could not be written to " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

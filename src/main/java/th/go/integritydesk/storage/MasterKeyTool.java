package th.go.integritydesk.storage;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The operator's commands for the master key, run from the jar without starting the application
 * ({@code java -jar integrity-desk.jar master-key new|rotate|retire FILE}):
 * <ul>
 *   <li>{@code new}: a key file with one fresh key (refuses to overwrite one);</li>
 *   <li>{@code rotate}: adds a fresh key and makes it the primary; the older keys stay, so every node still unwraps
 *       every data key while the nodes re-wrap them under the new one;</li>
 *   <li>{@code retire}: removes every key but the primary, once no data key is wrapped under them any more (metric
 *       {@code integrity_desk_case_keys_under_old_master_key} is 0 on every node).</li>
 * </ul>
 */
public final class MasterKeyTool {

  private MasterKeyTool() {}

  /** Runs the command; answers what to print. */
  public static String run(String... args) throws IOException, GeneralSecurityException {
    if (args.length != 3 || !args[0].equals("master-key")) {
      throw new IllegalArgumentException("usage: master-key new|rotate|retire FILE");
    }
    Path file = Path.of(args[2]);
    switch (args[1]) {
      case "new" -> {
        if (Files.exists(file)) {
          throw new IllegalArgumentException(file + " exists already: rotate it instead");
        }
        MasterKey.create(file);
        return "created " + file;
      }
      case "rotate" -> {
        KeysetHandle keyset = read(file);
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
            .withRandomId().makePrimary());
        KeysetHandle rotated = builder.build();
        MasterKey.write(file, rotated, true);
        return "rotated " + file + ": primary " + Integer.toUnsignedLong(rotated.getPrimary().getId()) + ", "
            + rotated.size() + " keys";
      }
      case "retire" -> {
        KeysetHandle keyset = read(file);
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
        for (int i = keyset.size() - 1; i >= 0; i--) {
          if (!builder.getAt(i).isPrimary()) {
            builder.deleteAt(i);
          }
        }
        KeysetHandle retired = builder.build();
        MasterKey.write(file, retired, true);
        return "retired the older keys of " + file + ": primary " + Integer.toUnsignedLong(retired.getPrimary().getId());
      }
      default -> throw new IllegalArgumentException("usage: master-key new|rotate|retire FILE");
    }
  }

  private static KeysetHandle read(Path file) throws IOException, GeneralSecurityException {
    return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
        InsecureSecretKeyAccess.get());
  }
}

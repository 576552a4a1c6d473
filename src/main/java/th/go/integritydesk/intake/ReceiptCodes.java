package th.go.integritydesk.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The complainant's one-time receipt code: 100 random bits shown once as {@code XXXX-XXXX-XXXX-XXXX-XXXX} (base32),
 * stored only as a keyed hash: HMAC-SHA-256 under the server secret ({@code integrity-desk.intake.receipt-secret}).
 * 100 random bits need no key stretching (no dictionary to run), and the key makes a copied table worthless without
 * the secret. When the submission carries an Idempotency-Key the code is derived from it with the same secret, so a
 * retried submission answers with the very same code without the code ever being stored. Rows written before the
 * change still hold a BCrypt hash ({@code $2a$}/{@code $2b$}/{@code $2y$}): such a hash is checked with BCrypt once,
 * and the caller replaces it ({@link #isLegacy}). Why: docs/adr/0005-durable-intake.md.
 */
@Component
public class ReceiptCodes {

  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final int LENGTH = 20;
  /** Marks the stored form, so a later change of algorithm can tell old rows from new ones. */
  static final String PREFIX = "hmac-sha256:";
  private static final String ALGORITHM = "HmacSHA256";
  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec key;
  private final String dummyHash;

  public ReceiptCodes(@Value("${integrity-desk.intake.receipt-secret}") String secret) {
    if (secret == null || secret.length() < 32) {
      throw new IllegalStateException("integrity-desk.intake.receipt-secret must be set to at least 32 characters"
          + " (environment variable INTEGRITY_DESK_INTAKE_RECEIPT_SECRET)");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.dummyHash = hash("not-a-receipt-code");
  }

  public String random() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return format(bytes);
  }

  public String derived(String idempotencyKeyHash, String trackingNumber) {
    return format(mac("receipt:" + idempotencyKeyHash + ":" + trackingNumber));
  }

  /** The stored form of a code: {@code hmac-sha256:} and the HMAC of the normalised code, in hex (76 characters). */
  public String hash(String code) {
    return PREFIX + HexFormat.of().formatHex(mac("receipt-code-hash:" + normalise(code)));
  }

  /**
   * Whether the code belongs to the stored hash, compared in constant time; the same work whether or not a case
   * (and so a hash) exists, so timing does not tell which one of number and code is wrong.
   */
  public boolean matches(String code, String hash) {
    if (code == null || hash == null) {
      MessageDigest.isEqual(hash(code == null ? "x" : code).getBytes(StandardCharsets.US_ASCII),
          dummyHash.getBytes(StandardCharsets.US_ASCII));
      return false;
    }
    if (isLegacy(hash)) {
      return legacy().matches(normalise(code), hash);
    }
    return MessageDigest.isEqual(hash(code).getBytes(StandardCharsets.US_ASCII),
        hash.getBytes(StandardCharsets.US_ASCII));
  }

  /** A BCrypt hash from before the keyed hash: the caller stores {@link #hash} instead once the code matched. */
  public static boolean isLegacy(String hash) {
    return hash != null && (hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$"));
  }

  private static BCryptPasswordEncoder legacy() {
    return LegacyHashes.ENCODER;
  }

  /** Loaded only when an old row is met. */
  private static final class LegacyHashes {
    static final BCryptPasswordEncoder ENCODER = new BCryptPasswordEncoder();
  }

  private byte[] mac(String input) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String normalise(String code) {
    return code.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
  }

  private static String format(byte[] bytes) {
    StringBuilder chars = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5 && chars.length() < LENGTH) {
        chars.append(BASE32[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < LENGTH; i++) {
      if (i > 0 && i % 4 == 0) {
        grouped.append('-');
      }
      grouped.append(chars.charAt(i));
    }
    return grouped.toString();
  }
}

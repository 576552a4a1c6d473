package th.go.integritydesk.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The complainant's one-time receipt code: 100 random bits shown once as {@code XXXX-XXXX-XXXX-XXXX-XXXX} (base32),
 * stored only as a BCrypt hash. When the submission carries an Idempotency-Key the code is derived from it with a
 * server secret (HMAC), so a retried submission answers with the very same code without the code ever being stored.
 */
@Component
public class ReceiptCodes {

  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final int LENGTH = 20;
  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
  private final SecureRandom random = new SecureRandom();
  private final byte[] secret;
  private final String dummyHash;

  public ReceiptCodes(@Value("${integrity-desk.intake.receipt-secret}") String secret) {
    if (secret == null || secret.length() < 32) {
      throw new IllegalStateException("integrity-desk.intake.receipt-secret must be set to at least 32 characters"
          + " (environment variable INTEGRITY_DESK_INTAKE_RECEIPT_SECRET)");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.dummyHash = encoder.encode("not-a-receipt-code");
  }

  public String random() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return format(bytes);
  }

  public String derived(String idempotencyKeyHash, String trackingNumber) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return format(mac.doFinal(("receipt:" + idempotencyKeyHash + ":" + trackingNumber).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String hash(String code) {
    return encoder.encode(normalise(code));
  }

  /** Compares in constant effort whether or not the case exists, so timing does not tell which one is wrong. */
  public boolean matches(String code, String hash) {
    if (code == null || hash == null) {
      encoder.matches("x", dummyHash);
      return false;
    }
    return encoder.matches(normalise(code), hash);
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

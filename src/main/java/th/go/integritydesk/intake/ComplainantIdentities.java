package th.go.integritydesk.intake;

import th.go.integritydesk.storage.SealedStore;
import th.go.integritydesk.storage.SealedStore.Purpose;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import th.go.integritydesk.intake.ComplaintSubmission.Complainant;

/**
 * The complainant's identity, kept apart from the complaint and from the engine, and sealed (SealedStore): the name,
 * phone and postal address as one sealed document, the e-mail address apart (mail needs it). Reading it is a reveal:
 * only for the intake unit, with a reason, and recorded (who, when, why) in the same transaction as the read.
 */
@Repository
public class ComplainantIdentities {

  public record Identity(String name, String email, String phone, String address) {}

  public record Reveal(String trackingNumber, String revealedTo, String reason, Instant revealedAt) {}

  /** What is sealed as the identity document (the e-mail address is sealed apart). */
  record Sealed(String name, String phone, String address) {}

  private static final Logger AUDIT = LoggerFactory.getLogger("integrity-desk.audit");
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private final JdbcClient jdbc;
  private final SealedStore sealed;

  public ComplainantIdentities(JdbcClient jdbc, SealedStore sealed) {
    this.jdbc = jdbc;
    this.sealed = sealed;
  }

  public void store(String trackingNumber, Complainant complainant) {
    String email = blankToNull(complainant.email());
    String address = blankToNull(complainant.address());
    jdbc.sql("INSERT INTO complainant_identity (tracking_number, identity_sealed, email_sealed, has_email, has_address,"
            + " recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(trackingNumber, sealIdentity(trackingNumber, new Sealed(blankToNull(complainant.name()),
                blankToNull(complainant.phone()), address)),
            sealed.sealText(trackingNumber, Purpose.CONTACT, email), email != null, address != null, now())
        .update();
  }

  byte[] sealIdentity(String trackingNumber, Sealed identity) {
    try {
      return sealed.seal(trackingNumber, Purpose.IDENTITY, JSON.writeValueAsBytes(identity));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The identity as stored: sealed, or (a row from before sealing, not yet upgraded) in the clear columns. */
  private Identity read(String trackingNumber, java.sql.ResultSet rs) throws java.sql.SQLException {
    byte[] document = rs.getBytes("identity_sealed");
    String email = sealed.openText(trackingNumber, Purpose.CONTACT, rs.getBytes("email_sealed"))
        .orElse(rs.getString("email"));
    if (document == null) {
      return new Identity(rs.getString("name"), email, rs.getString("phone"), rs.getString("address"));
    }
    try {
      Sealed opened = JSON.readValue(sealed.open(trackingNumber, Purpose.IDENTITY, document)
          .orElse("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), Sealed.class);
      return new Identity(opened.name(), email, opened.phone(), opened.address());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the complainant left a postal address (nothing is opened, nothing recorded). */
  public boolean hasAddress(String trackingNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM complainant_identity WHERE tracking_number = ?"
            + " AND (has_address OR address IS NOT NULL)")
        .param(trackingNumber).query(Integer.class).single() > 0;
  }

  @Transactional
  public Optional<Identity> reveal(String trackingNumber, String revealedTo, String reason) {
    Optional<Identity> identity = jdbc.sql("SELECT identity_sealed, email_sealed, name, email, phone, address"
            + " FROM complainant_identity WHERE tracking_number = ?")
        .param(trackingNumber)
        .query((rs, i) -> read(trackingNumber, rs))
        .optional();
    jdbc.sql("INSERT INTO identity_reveal (tracking_number, revealed_to, reason, revealed_at) VALUES (?, ?, ?, ?)")
        .params(trackingNumber, revealedTo, reason, now()).update();
    AUDIT.info("Complainant identity of case {} revealed to {} (reason recorded)", trackingNumber, revealedTo);
    return identity;
  }

  /** Reveals in one page of the report. */
  public static final int REVEALS_PAGE = 100;

  /** One page of every reveal, newest first. */
  public List<Reveal> reveals(int page) {
    return jdbc.sql("SELECT tracking_number, revealed_to, reason, revealed_at FROM identity_reveal ORDER BY id DESC"
            + " OFFSET ? ROWS FETCH NEXT " + REVEALS_PAGE + " ROWS ONLY")
        .param(Math.max(0, page) * REVEALS_PAGE)
        .query((rs, i) -> new Reveal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
        .list();
  }

  public long revealCount() {
    return jdbc.sql("SELECT COUNT(*) FROM identity_reveal").query(Long.class).single();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Timestamp now() {
    return th.go.integritydesk.process.EngineClock.now();
  }
}

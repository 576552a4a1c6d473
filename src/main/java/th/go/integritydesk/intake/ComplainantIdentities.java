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
  private final th.go.integritydesk.storage.Custodians custodians;

  public ComplainantIdentities(JdbcClient jdbc, SealedStore sealed, th.go.integritydesk.storage.Custodians custodians) {
    this.jdbc = jdbc;
    this.sealed = sealed;
    this.custodians = custodians;
  }

  public void store(String trackingNumber, Complainant complainant) {
    String email = blankToNull(complainant.email());
    String address = blankToNull(complainant.address());
    jdbc.sql("INSERT INTO complainant_identity (tracking_number, identity_sealed, email_sealed, has_email, has_address,"
            + " recorded_at, custodian_key) VALUES (?, ?, ?, ?, ?, ?, 1)")
        .params(trackingNumber, sealIdentity(trackingNumber, new Sealed(blankToNull(complainant.name()),
                blankToNull(complainant.phone()), address)),
            sealed.sealText(trackingNumber, Purpose.CONTACT, email), email != null, address != null, now())
        .update();
  }

  /** Sealed to the identity custodians, inside the case's own sealing (shredded with the case's key). */
  byte[] sealIdentity(String trackingNumber, Sealed identity) {
    try {
      return sealed.seal(trackingNumber, Purpose.IDENTITY,
          custodians.seal(trackingNumber, Purpose.IDENTITY.name(), JSON.writeValueAsBytes(identity)));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The identity as stored: sealed to the custodians (opened with a custodian's unlocked key), sealed with the
   * application key only (a row from before the custodians' key, not yet upgraded), or in the clear columns (before
   * sealing at rest).
   */
  private Identity read(String trackingNumber, java.sql.ResultSet rs, th.go.integritydesk.storage.Custodians.Unlocked
      unlocked) throws java.sql.SQLException {
    byte[] document = rs.getBytes("identity_sealed");
    String email = sealed.openText(trackingNumber, Purpose.CONTACT, rs.getBytes("email_sealed"))
        .orElse(rs.getString("email"));
    if (document == null) {
      return new Identity(rs.getString("name"), email, rs.getString("phone"), rs.getString("address"));
    }
    try {
      byte[] opened = sealed.open(trackingNumber, Purpose.IDENTITY, document).orElse(null);
      if (opened == null) {
        return new Identity(null, email, null, null);
      }
      if (rs.getObject("custodian_key") != null) {
        opened = custodians.open(unlocked, trackingNumber, Purpose.IDENTITY.name(), opened);
      }
      Sealed identity = JSON.readValue(opened, Sealed.class);
      return new Identity(identity.name(), email, identity.phone(), identity.address());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The identity rows sealed with the application key only (before the custodians' key): sealed to the custodians, a
   * page at a time, each only if still so (after start-up, on every node: a second node or a restart half-way seals
   * none twice). The application can read these, so it can seal them; afterwards it cannot.
   */
  public int sealToCustodians(int page) {
    List<String> cases = jdbc.sql("SELECT tracking_number FROM complainant_identity WHERE custodian_key IS NULL"
            + " AND identity_sealed IS NOT NULL ORDER BY tracking_number FETCH FIRST " + page + " ROWS ONLY")
        .query(String.class).list();
    int sealedNow = 0;
    for (String trackingNumber : cases) {
      byte[] document = jdbc.sql("SELECT identity_sealed FROM complainant_identity WHERE tracking_number = ?")
          .param(trackingNumber).query((rs, i) -> rs.getBytes(1)).single();
      Optional<byte[]> opened = sealed.open(trackingNumber, Purpose.IDENTITY, document);
      if (opened.isEmpty()) {
        continue;
      }
      byte[] again = sealed.seal(trackingNumber, Purpose.IDENTITY,
          custodians.seal(trackingNumber, Purpose.IDENTITY.name(), opened.get()));
      sealedNow += jdbc.sql("UPDATE complainant_identity SET identity_sealed = ?, custodian_key = 1"
              + " WHERE tracking_number = ? AND custodian_key IS NULL")
          .params(again, trackingNumber).update();
    }
    return sealedNow;
  }

  /** Whether the complainant left a postal address (nothing is opened, nothing recorded). */
  public boolean hasAddress(String trackingNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM complainant_identity WHERE tracking_number = ?"
            + " AND (has_address OR address IS NOT NULL)")
        .param(trackingNumber).query(Integer.class).single() > 0;
  }

  /** Reveals the identity to a custodian whose passphrase unlocked the custodians' key; recorded with the reason. */
  @Transactional
  public Optional<Identity> reveal(String trackingNumber, String revealedTo, String reason,
                                   th.go.integritydesk.storage.Custodians.Unlocked unlocked) {
    Optional<Identity> identity = jdbc.sql("SELECT identity_sealed, email_sealed, name, email, phone, address,"
            + " custodian_key FROM complainant_identity WHERE tracking_number = ?")
        .param(trackingNumber)
        .query((rs, i) -> read(trackingNumber, rs, unlocked))
        .optional();
    jdbc.sql("INSERT INTO identity_reveal (tracking_number, revealed_to, reason, revealed_at) VALUES (?, ?, ?, ?)")
        .params(trackingNumber, revealedTo, reason, now()).update();
    AUDIT.info("Complainant identity of case {} revealed to {} (reason recorded)", trackingNumber, revealedTo);
    return identity;
  }

  /** Records a reveal of what was already opened with a custodian's key (a complainant letter downloaded). */
  public void recordReveal(String trackingNumber, String revealedTo, String reason) {
    jdbc.sql("INSERT INTO identity_reveal (tracking_number, revealed_to, reason, revealed_at) VALUES (?, ?, ?, ?)")
        .params(trackingNumber, revealedTo, reason, now()).update();
    AUDIT.info("Complainant identity of case {} revealed to {} (reason recorded)", trackingNumber, revealedTo);
  }

  /**
   * The e-mail address alone (the application holds it for mail, no custodian's key needed), for a forwarding letter
   * of a complainant who agreed to be contacted; recorded as a reveal.
   */
  @Transactional
  public Optional<String> revealEmail(String trackingNumber, String revealedTo, String reason) {
    Optional<String> email = jdbc.sql("SELECT email_sealed, email FROM complainant_identity WHERE tracking_number = ?")
        .param(trackingNumber)
        .query((rs, i) -> sealed.openText(trackingNumber, Purpose.CONTACT, rs.getBytes(1))
            .orElse(rs.getString(2)))
        .optional().filter(e -> e != null && !e.isBlank());
    recordReveal(trackingNumber, revealedTo, reason);
    return email;
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

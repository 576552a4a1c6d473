package th.go.integritydesk.intake;

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
 * The complainant's identity, kept apart from the complaint and from the engine. Reading it is a reveal: only for
 * the intake unit, with a reason, and recorded (who, when, why) in the same transaction as the read.
 */
@Repository
public class ComplainantIdentities {

  public record Identity(String name, String email, String phone, String address) {}

  public record Reveal(String trackingNumber, String revealedTo, String reason, Instant revealedAt) {}

  private static final Logger AUDIT = LoggerFactory.getLogger("integrity-desk.audit");
  private final JdbcClient jdbc;

  public ComplainantIdentities(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void store(String trackingNumber, Complainant complainant) {
    jdbc.sql("INSERT INTO complainant_identity (tracking_number, name, email, phone, address, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(trackingNumber, blankToNull(complainant.name()), blankToNull(complainant.email()),
            blankToNull(complainant.phone()), blankToNull(complainant.address()), now())
        .update();
  }

  @Transactional
  public Optional<Identity> reveal(String trackingNumber, String revealedTo, String reason) {
    Optional<Identity> identity = jdbc.sql("SELECT name, email, phone, address FROM complainant_identity WHERE tracking_number = ?")
        .param(trackingNumber)
        .query((rs, i) -> new Identity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
    jdbc.sql("INSERT INTO identity_reveal (tracking_number, revealed_to, reason, revealed_at) VALUES (?, ?, ?, ?)")
        .params(trackingNumber, revealedTo, reason, now()).update();
    AUDIT.info("Complainant identity of case {} revealed to {} (reason recorded)", trackingNumber, revealedTo);
    return identity;
  }

  public List<Reveal> reveals() {
    return jdbc.sql("SELECT tracking_number, revealed_to, reason, revealed_at FROM identity_reveal ORDER BY id DESC")
        .query((rs, i) -> new Reveal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
        .list();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Timestamp now() {
    return th.go.integritydesk.process.EngineClock.now();
  }
}

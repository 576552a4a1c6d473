package th.go.integritydesk.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import th.go.integritydesk.process.EngineClock;
import th.go.integritydesk.web.StaffAccessDenied;

/**
 * Legal holds ({@code legal_hold}): a supervisor keeps a case whole past its retention (a court, the NACC or an
 * auditor still needs it), with a reason; lifted the same way. Every hold and lift stays on record with who, when and
 * why; a case has at most one hold that is not lifted.
 */
@Repository
public class LegalHolds {

  public record Hold(long id, String setBy, String reason, Instant setAt, String liftedBy, String liftReason,
                     Instant liftedAt) {}

  private static final Logger AUDIT = LoggerFactory.getLogger("integrity-desk.audit");
  private final JdbcClient jdbc;

  public LegalHolds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Sets a hold; 409 when the case is already held or already reduced to its tombstone. */
  @Transactional
  public Hold set(String trackingNumber, String userId, String reason) {
    // the complaint row is locked first, so that two holds, or a hold and the removal, do not pass each other
    Optional<Boolean> removed = jdbc.sql("SELECT removed_at IS NOT NULL FROM complaint WHERE tracking_number = ?"
        + " FOR UPDATE").param(trackingNumber).query(Boolean.class).optional();
    if (removed.orElse(true)) {
      throw new StaffAccessDenied(HttpStatus.CONFLICT, "legalHold.removed");
    }
    if (current(trackingNumber).isPresent()) {
      throw new StaffAccessDenied(HttpStatus.CONFLICT, "legalHold.alreadyHeld");
    }
    jdbc.sql("INSERT INTO legal_hold (tracking_number, set_by, reason, set_at) VALUES (?, ?, ?, ?)")
        .params(trackingNumber, userId, reason.strip(), EngineClock.now()).update();
    AUDIT.info("Legal hold set on case {} by {}", trackingNumber, userId);
    return current(trackingNumber).orElseThrow();
  }

  /** Lifts the case's hold; 409 when it has none. */
  @Transactional
  public Hold lift(String trackingNumber, String userId, String reason) {
    jdbc.sql("SELECT tracking_number FROM complaint WHERE tracking_number = ? FOR UPDATE").param(trackingNumber)
        .query(String.class).optional();
    Hold hold = current(trackingNumber)
        .orElseThrow(() -> new StaffAccessDenied(HttpStatus.CONFLICT, "legalHold.none"));
    jdbc.sql("UPDATE legal_hold SET lifted_by = ?, lift_reason = ?, lifted_at = ? WHERE id = ? AND lifted_at IS NULL")
        .params(userId, reason.strip(), EngineClock.now(), hold.id()).update();
    AUDIT.info("Legal hold on case {} lifted by {}", trackingNumber, userId);
    return of(trackingNumber).stream().filter(h -> h.id() == hold.id()).findFirst().orElseThrow();
  }

  public Optional<Hold> current(String trackingNumber) {
    return of(trackingNumber).stream().filter(h -> h.liftedAt() == null).findFirst();
  }

  /** Every hold of the case, newest first (a handful at most). */
  public List<Hold> of(String trackingNumber) {
    return jdbc.sql("SELECT id, set_by, reason, set_at, lifted_by, lift_reason, lifted_at FROM legal_hold"
            + " WHERE tracking_number = ? ORDER BY id DESC FETCH FIRST 100 ROWS ONLY")
        .param(trackingNumber)
        .query((rs, i) -> new Hold(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
            rs.getString(5), rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
        .list();
  }
}

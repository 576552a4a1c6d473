package th.go.integritydesk.casefile;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.integritydesk.process.ComplaintLifecycle;
import th.go.integritydesk.process.EngineClock;
import th.go.integritydesk.process.HistoryTimeToLive;
import th.go.integritydesk.storage.Custodians;
import th.go.integritydesk.storage.SealedStore;

/**
 * PDPA retention of the application's own records (docs/adr/0017-retention.md). When a closed case's time is up (the
 * {@code complaint-lifecycle} time-to-live of {@code integrity-desk.history.*}, counted from its closing, as the
 * engine counts its own history), everything that can identify a person or tell the story is removed: the
 * complainant's identity and contact, evidence and originals, later submissions, messages, notes, documents, the
 * letters' text and addressee, the free text of the complaint, its receipt code and the case's data key (which
 * shreds whatever sealed copy of it a backup still holds). What is left is the tombstone the statistics count:
 * tracking number, fiscal year, channel, category, the accused's unit and rank, dates, stage and outcome.
 * <ul>
 *   <li>Run by the engine's history cleanup job ({@link CaseRetentionJob}): in its window, on one node of a cluster (the
 *       job is one row, locked by the node that runs it), and at once on {@code POST /engine-rest/history/cleanup
 *       ?immediatelyDue=true}.</li>
 *   <li>One case, one transaction of its own, claimed by a conditional update: a case is either whole or a tombstone,
 *       after a {@code kill -9} too, and the next run goes on with the cases left.</li>
 *   <li>A case under a {@link LegalHolds legal hold}, or with an instance still running, is left whole.</li>
 *   <li>The records of who read a case and of identity reveals stay for their own time
 *       ({@code integrity-desk.history.audit-time-to-live-days}), each removed when it is older.</li>
 * </ul>
 */
@Service
public class CaseRetention {

  private static final Logger LOG = LoggerFactory.getLogger(CaseRetention.class);
  /** Pages of due cases one run looks at, at most (each a batch). */
  private static final int MAX_PAGES = 10;
  private static final Logger AUDIT = LoggerFactory.getLogger("integrity-desk.audit");

  private final JdbcClient jdbc;
  private final SealedStore sealed;
  private final HistoryTimeToLive timeToLive;
  private final ObjectProvider<ProcessEngineConfiguration> engine;
  private final TransactionTemplate ownTransaction;
  private final int auditDays;
  private final Custodians custodians;

  public CaseRetention(JdbcClient jdbc, SealedStore sealed, Custodians custodians, HistoryTimeToLive timeToLive,
                       ObjectProvider<ProcessEngineConfiguration> engine, PlatformTransactionManager transactions,
                       @Value("${integrity-desk.history.audit-time-to-live-days:3650}") int auditDays) {
    this.jdbc = jdbc;
    this.sealed = sealed;
    this.custodians = custodians;
    this.timeToLive = timeToLive;
    this.engine = engine;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.auditDays = auditDays;
  }

  /** What one pass did. */
  public record Pass(int casesRemoved, int readsRemoved, int revealsRemoved, int attemptsRemoved) {
    public boolean full(int batch) {
      return casesRemoved >= batch || readsRemoved >= batch || revealsRemoved >= batch || attemptsRemoved >= batch;
    }
  }

  /** Removes up to {@code batch} cases whose time is up, and audit records older than theirs; each case on its own. */
  public Pass removeDue(int batch) {
    Instant now = EngineClock.now().toInstant();
    Timestamp closedBefore = Timestamp.from(now.minus(Duration.ofDays(
        timeToLive.daysFor(ComplaintLifecycle.PROCESS_KEY))));
    // keyset pages from the oldest closing on, past cases still running or on hold (left out by the query) and past a
    // case that failed (logged, tried again at the next run): none of them can hold the cases behind it back; at most
    // a few pages are looked at per run, the rest waits for the run that the full batch reschedules at once
    int removed = 0;
    Timestamp lastClosed = new Timestamp(0);
    String lastTn = "";
    for (int page = 0; page < MAX_PAGES && removed < batch; page++) {
      record Due(String trackingNumber, Timestamp closedAt) {}
      List<Due> due = jdbc.sql("""
              SELECT c.tracking_number, c.closed_at FROM complaint c
              WHERE c.closed_at < ? AND c.removed_at IS NULL
                AND (c.closed_at > ? OR (c.closed_at = ? AND c.tracking_number > ?))
                AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.tracking_number = c.tracking_number
                                AND h.lifted_at IS NULL)
                AND NOT EXISTS (SELECT 1 FROM %s e WHERE e.BUSINESS_KEY_ = c.tracking_number)
              ORDER BY c.closed_at, c.tracking_number FETCH FIRST %d ROWS ONLY"""
              .formatted(table("ACT_RU_EXECUTION"), batch - removed))
          .params(closedBefore, lastClosed, lastClosed, lastTn)
          .query((rs, i) -> new Due(rs.getString(1), rs.getTimestamp(2))).list();
      for (Due next : due) {
        lastClosed = next.closedAt();
        lastTn = next.trackingNumber();
        try {
          if (Boolean.TRUE.equals(ownTransaction.execute(status -> remove(next.trackingNumber(), closedBefore)))) {
            removed++;
          }
        } catch (HeldMeanwhile e) {
          LOG.info("Case {} was put on legal hold as its retention ended: kept whole", next.trackingNumber());
        } catch (RuntimeException e) {
          // the case stays whole (its transaction rolled back) and is tried again at the next run; the others go on
          LOG.error("Retention could not remove case {}: it stays whole and is tried again", next.trackingNumber(), e);
        }
      }
      if (due.size() < batch - removed || due.isEmpty()) {
        break;
      }
    }
    Timestamp auditBefore = Timestamp.from(now.minus(Duration.ofDays(auditDays)));
    int reads = ownTransaction.execute(status -> jdbc.sql("DELETE FROM case_read WHERE id IN (SELECT id FROM case_read"
        + " WHERE read_at < ? ORDER BY read_at FETCH FIRST " + batch + " ROWS ONLY)").param(auditBefore).update());
    int reveals = ownTransaction.execute(status -> jdbc.sql("DELETE FROM identity_reveal WHERE id IN (SELECT id FROM"
        + " identity_reveal WHERE revealed_at < ? ORDER BY revealed_at FETCH FIRST " + batch + " ROWS ONLY)")
        .param(auditBefore).update());
    // the lock-out's count of wrong custodian passphrases needs only its window
    int attempts = custodians.forgetOldAttempts(batch);
    if (removed > 0 || reads > 0 || reveals > 0 || attempts > 0) {
      LOG.info("Retention: {} case(s) reduced to their tombstone, {} read record(s), {} reveal record(s) and {} old"
          + " wrong passphrase(s) removed", removed, reads, reveals, attempts);
    }
    return new Pass(removed, reads, reveals, attempts);
  }

  /** One case, in the caller's (own) transaction; false when another run took it first or it is held now. */
  boolean remove(String trackingNumber, Timestamp closedBefore) {
    int claimed = jdbc.sql("""
            UPDATE complaint SET removed_at = ?, subject = NULL, description = NULL, accused_name = NULL,
              accused_position = NULL, location = NULL, amount_involved = NULL, incident_date = NULL,
              volunteer_code = NULL, reference_number = NULL, recorded_by = NULL, forwarded_to = NULL,
              receipt_code_hash = NULL, years_since_left_office = NULL
            WHERE tracking_number = ? AND removed_at IS NULL AND closed_at < ?
              AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.tracking_number = ? AND h.lifted_at IS NULL)""")
        .params(EngineClock.now(), trackingNumber, closedBefore, trackingNumber).update();
    if (claimed == 0) {
      return false;
    }
    // a hold set while this update waited for the row (LegalHolds locks it) is seen by a statement of its own
    if (jdbc.sql("SELECT COUNT(*) FROM legal_hold WHERE tracking_number = ? AND lifted_at IS NULL")
        .param(trackingNumber).query(Long.class).single() > 0) {
      throw new HeldMeanwhile();
    }
    for (String sql : List.of(
        "DELETE FROM complainant_identity WHERE tracking_number = ?",
        "DELETE FROM evidence WHERE tracking_number = ?",
        "DELETE FROM complainant_submission WHERE tracking_number = ?",
        "DELETE FROM complainant_message WHERE tracking_number = ?",
        "UPDATE case_note SET corrects = NULL WHERE tracking_number = ?",
        "DELETE FROM case_note WHERE tracking_number = ?",
        "UPDATE case_document SET replaces = NULL WHERE tracking_number = ?",
        "DELETE FROM case_document WHERE tracking_number = ?",
        "UPDATE letter_register SET addressee = NULL, addressee_sealed = NULL, subject = NULL, reason = NULL,"
            + " content = NULL WHERE tracking_number = ?",
        "UPDATE deadline_extension SET reason = NULL WHERE tracking_number = ?",
        "DELETE FROM idempotency_record WHERE tracking_number = ?",
        "DELETE FROM receipt_attempt WHERE tracking_number = ?")) {
      jdbc.sql(sql).param(trackingNumber).update();
    }
    // the revokes that kept the case from the accused unit's supervisors (ConflictedCases): nothing left to keep
    jdbc.sql("DELETE FROM " + table("ACT_RU_AUTHORIZATION") + " WHERE TYPE_ = 2 AND RESOURCE_ID_ IN (SELECT ID_ FROM "
        + table("ACT_HI_PROCINST") + " WHERE BUSINESS_KEY_ = ?)").param(trackingNumber).update();
    sealed.destroy(trackingNumber);
    AUDIT.info("Case {} reached the end of its retention: reduced to its tombstone", trackingNumber);
    return true;
  }

  /** Rolls the case's transaction back: a legal hold came first. */
  private static final class HeldMeanwhile extends RuntimeException {
    HeldMeanwhile() {
      super(null, null, false, false);
    }
  }

  private String table(String name) {
    ProcessEngineConfiguration configuration = engine.getIfAvailable();
    String prefix = configuration instanceof ProcessEngineConfigurationImpl impl && impl.getDatabaseTablePrefix() != null
        ? impl.getDatabaseTablePrefix() : "";
    return prefix + name;
  }
}

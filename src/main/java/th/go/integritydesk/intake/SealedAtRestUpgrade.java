package th.go.integritydesk.intake;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.integritydesk.storage.SealedStore;
import th.go.integritydesk.storage.SealedStore.Purpose;

/**
 * Seals what a database from before sealing at rest (V9) still holds in the clear: identities, later submissions and
 * evidence files, a page at a time, each page in its own transaction, each row only if it is still clear (so two
 * nodes starting at once, or a restart half-way, neither seal twice nor lose a row). Runs once after start-up.
 */
@Component
class SealedAtRestUpgrade {

  private static final Logger LOG = LoggerFactory.getLogger(SealedAtRestUpgrade.class);
  private static final int PAGE = 100;

  private final JdbcClient jdbc;
  private final SealedStore sealed;
  private final ComplainantIdentities identities;
  private final TransactionTemplate transactions;

  SealedAtRestUpgrade(JdbcClient jdbc, SealedStore sealed, ComplainantIdentities identities,
                      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.sealed = sealed;
    this.identities = identities;
    this.transactions = new TransactionTemplate(transactions);
  }

  @EventListener(ApplicationReadyEvent.class)
  void sealWhatIsStillClear() {
    Thread thread = new Thread(() -> {
      try {
        int total = 0;
        for (int done; (done = sealPage()) > 0; ) {
          total += done;
        }
        if (total > 0) {
          LOG.info("Sealed {} identities, submissions and evidence files kept in the clear before V9", total);
        }
      } catch (RuntimeException e) {
        LOG.error("Sealing the data kept in the clear before V9 stopped; it goes on at the next start", e);
      }
    }, "sealed-at-rest-upgrade");
    thread.setDaemon(true);
    thread.start();
  }

  /** Seals one page of each kind; answers how many rows it sealed. */
  int sealPage() {
    Integer done = transactions.execute(status -> identities() + submissions() + evidence()
        // sealed with the application key only, before the custodians' key (V17): sealed to the custodians now
        + identities.sealToCustodians(PAGE));
    return done == null ? 0 : done;
  }

  private int identities() {
    record Clear(String trackingNumber, String name, String email, String phone, String address) {}
    List<Clear> page = jdbc.sql("SELECT tracking_number, name, email, phone, address FROM complainant_identity"
            + " WHERE identity_sealed IS NULL AND (name IS NOT NULL OR email IS NOT NULL OR phone IS NOT NULL"
            + " OR address IS NOT NULL) ORDER BY tracking_number FETCH FIRST " + PAGE + " ROWS ONLY")
        .query((rs, i) -> new Clear(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5)))
        .list();
    int done = 0;
    for (Clear c : page) {
      done += jdbc.sql("UPDATE complainant_identity SET identity_sealed = ?, email_sealed = ?, has_email = ?,"
              + " has_address = ?, name = NULL, email = NULL, phone = NULL, address = NULL, custodian_key = 1"
              + " WHERE tracking_number = ? AND identity_sealed IS NULL")
          .params(identities.sealIdentity(c.trackingNumber(),
                  new ComplainantIdentities.Sealed(c.name(), c.phone(), c.address())),
              sealed.sealText(c.trackingNumber(), Purpose.CONTACT, c.email()), c.email() != null,
              c.address() != null, c.trackingNumber())
          .update();
    }
    return done;
  }

  private int submissions() {
    record Clear(long id, String trackingNumber, String body) {}
    List<Clear> page = jdbc.sql("SELECT id, tracking_number, body FROM complainant_submission"
            + " WHERE body_sealed IS NULL AND body <> '' ORDER BY id FETCH FIRST " + PAGE + " ROWS ONLY")
        .query((rs, i) -> new Clear(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .list();
    int done = 0;
    for (Clear c : page) {
      done += jdbc.sql("UPDATE complainant_submission SET body_sealed = ?, body = '' WHERE id = ? AND body_sealed IS NULL")
          .params(sealed.sealText(c.trackingNumber(), Purpose.SUBMISSION, c.body()), c.id())
          .update();
    }
    return done;
  }

  private int evidence() {
    record Clear(long id, String trackingNumber, String fileName, byte[] content) {}
    List<Clear> page = jdbc.sql("SELECT id, tracking_number, file_name, content FROM evidence WHERE NOT sealed"
            + " ORDER BY id FETCH FIRST " + PAGE + " ROWS ONLY")
        .query((rs, i) -> new Clear(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
        .list();
    int done = 0;
    for (Clear c : page) {
      done += jdbc.sql("UPDATE evidence SET content = ?, file_name_sealed = ?, file_name = '', sealed = TRUE"
              + " WHERE id = ? AND NOT sealed")
          .params(sealed.seal(c.trackingNumber(), Purpose.EVIDENCE, c.content()),
              sealed.sealText(c.trackingNumber(), Purpose.EVIDENCE_NAME, c.fileName()), c.id())
          .update();
    }
    return done;
  }
}

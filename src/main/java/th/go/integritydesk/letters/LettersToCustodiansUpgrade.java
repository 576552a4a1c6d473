package th.go.integritydesk.letters;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.integritydesk.process.Bilingual;
import th.go.integritydesk.storage.Custodians;
import th.go.integritydesk.storage.SealedStore;
import th.go.integritydesk.storage.SealedStore.Purpose;

/**
 * Letters to the complainant generated before the custodians' key (V17) were sealed with the application key only, and
 * the register held the complainant's name as their addressee: after start-up each is sealed to the custodians and
 * its addressee becomes "the complainant", a page at a time, each only if still so (a restart or a second node
 * half-way does none twice).
 */
@Component
class LettersToCustodiansUpgrade {

  private static final Logger LOG = LoggerFactory.getLogger(LettersToCustodiansUpgrade.class);
  private static final int PAGE = 100;

  private final JdbcClient jdbc;
  private final SealedStore sealed;
  private final Custodians custodians;
  private final TransactionTemplate transactions;

  LettersToCustodiansUpgrade(JdbcClient jdbc, SealedStore sealed, Custodians custodians,
                             PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.sealed = sealed;
    this.custodians = custodians;
    this.transactions = new TransactionTemplate(transactions);
  }

  @EventListener(ApplicationReadyEvent.class)
  void sealTheOldLetters() {
    Thread thread = new Thread(() -> {
      try {
        int total = 0;
        for (int done; (done = page()) > 0; ) {
          total += done;
        }
        if (total > 0) {
          LOG.info("Sealed {} letters to the complainant to the identity custodians", total);
        }
      } catch (RuntimeException e) {
        LOG.error("Sealing the older letters to the custodians stopped; it goes on at the next start", e);
      }
    }, "letters-to-custodians-upgrade");
    thread.setDaemon(true);
    thread.start();
  }

  int page() {
    List<String> kinds = java.util.Arrays.stream(LetterKind.values()).filter(LetterKind::toComplainant)
        .map(Enum::name).toList();
    record Old(long id, String trackingNumber, byte[] content) {}
    Integer done = transactions.execute(status -> {
      List<Old> page = jdbc.sql("SELECT id, tracking_number, content FROM letter_register WHERE custodian_key IS NULL"
              + " AND content IS NOT NULL AND kind IN (" + String.join(",", kinds.stream().map(k -> "?").toList())
              + ") ORDER BY id FETCH FIRST " + PAGE + " ROWS ONLY")
          .params(kinds.toArray())
          .query((rs, i) -> new Old(rs.getLong(1), rs.getString(2), rs.getBytes(3))).list();
      int sealedNow = 0;
      for (Old letter : page) {
        byte[] opened = sealed.open(letter.trackingNumber(), Purpose.LETTER, letter.content()).orElse(null);
        if (opened == null) {
          // its case's key is gone: nothing left to seal; marked so it is not looked at again
          jdbc.sql("UPDATE letter_register SET custodian_key = 0 WHERE id = ?").param(letter.id()).update();
          continue;
        }
        sealedNow += jdbc.sql("UPDATE letter_register SET content = ?, addressee_sealed = ?, custodian_key = 1"
                + " WHERE id = ? AND custodian_key IS NULL")
            .params(sealed.seal(letter.trackingNumber(), Purpose.LETTER,
                    custodians.seal(letter.trackingNumber(), Purpose.LETTER.name(), opened)),
                sealed.sealText(letter.trackingNumber(), Purpose.LETTER_ADDRESSEE,
                    Bilingual.thai("letter.text.complainant")), letter.id())
            .update();
      }
      return sealedNow;
    });
    return done == null ? 0 : done;
  }
}

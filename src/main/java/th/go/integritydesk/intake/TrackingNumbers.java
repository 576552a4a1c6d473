package th.go.integritydesk.intake;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.integritydesk.process.ThaiDates;

/**
 * Readable, unique tracking numbers by Buddhist-era fiscal year: {@code ACC-2569-000123}. The fiscal year runs
 * October to September (fiscal 2569 = 1 Oct 2025 to 30 Sep 2026). The counter row is updated inside the
 * caller's transaction, so a rolled-back intake gives its number back and two nodes never hand out the same one:
 * numbers are unique and gap-free. Its row lock is held until the caller commits, so callers take it last.
 */
@Component
public class TrackingNumbers {

  public static final String PATTERN = "^ACC-[0-9]{4}-[0-9]{6}$";
  private static final int BUDDHIST_ERA_OFFSET = 543;

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  public TrackingNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  public String next() {
    int fiscalYear = fiscalYear(LocalDate.now(Clock.fixed(ClockUtil.getCurrentTime().toInstant(), ThaiDates.BANGKOK)));
    return format(fiscalYear, increment(fiscalYear));
  }

  public static int fiscalYear(LocalDate date) {
    int year = date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
    return year + BUDDHIST_ERA_OFFSET;
  }

  public static String format(int fiscalYear, int sequence) {
    return String.format("ACC-%04d-%06d", fiscalYear, sequence);
  }

  private int increment(int fiscalYear) {
    // The counter row's lock (taken by this UPDATE) serialises intakes until the caller's transaction ends: the
    // caller takes the number as late as it can (IntakeService prepares everything before).
    if (bump(fiscalYear) == 0) {
      // the first complaint of a fiscal year: create the counter, then count
      createCounter(fiscalYear);
      if (bump(fiscalYear) == 0) {
        throw new IllegalStateException("no tracking-number counter for fiscal year " + fiscalYear);
      }
    }
    return jdbc.sql("SELECT last_value FROM tracking_number_counter WHERE fiscal_year = ?")
        .param(fiscalYear).query(Integer.class).single();
  }

  private int bump(int fiscalYear) {
    return jdbc.sql("UPDATE tracking_number_counter SET last_value = last_value + 1 WHERE fiscal_year = ?")
        .param(fiscalYear).update();
  }

  /**
   * Concurrent first intakes of a year all try to create the row; one wins, the others meet its primary key. The
   * INSERT runs under a savepoint of the caller's transaction (same connection: no second pool connection, which
   * concurrent intakes could starve each other of), so losing the race undoes only the INSERT, on H2 and on
   * PostgreSQL (where a failed statement would otherwise abort the whole transaction).
   */
  private void createCounter(int fiscalYear) {
    try {
      savepoint.executeWithoutResult(status -> jdbc.sql("INSERT INTO tracking_number_counter (fiscal_year, last_value)"
          + " VALUES (?, 0)").param(fiscalYear).update());
    } catch (DuplicateKeyException createdConcurrently) {
      // another intake created it: its row counts as well as ours
    }
  }
}

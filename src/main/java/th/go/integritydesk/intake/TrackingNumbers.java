package th.go.integritydesk.intake;

import th.go.integritydesk.storage.DurableCommits;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.annotation.Value;
import th.go.integritydesk.process.EngineClock;
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
 * The public intake instead {@link #reserve() reserves} a number in a short transaction of its own and consumes it in
 * its own transaction (ADR 0008): the lock is then held only for the reservation, and a number not consumed (a failed
 * or crashed intake) is handed to a later complaint, so numbers stay unique and, once in-flight intakes end, gap-free.
 */
@Component
public class TrackingNumbers implements MeterBinder {

  public static final String PATTERN = "^ACC-[0-9]{4}-[0-9]{6}$";
  private static final int BUDDHIST_ERA_OFFSET = 543;

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;
  private final TransactionTemplate ownTransaction;
  private final Duration abandonedAfter;
  private final List<Request> requests = new ArrayList<>();
  private boolean reserving;
  private volatile int waiting;
  private final AtomicLong reservations = new AtomicLong();
  private final AtomicLong reservedNumbers = new AtomicLong();

  public TrackingNumbers(JdbcClient jdbc, PlatformTransactionManager transactions,
                         @Value("${integrity-desk.intake.reservation-abandoned-after:PT10M}") Duration abandonedAfter) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    // nothing is acknowledged on a reservation alone: the intake's commit writes it to the file with its own
    this.ownTransaction.setName(DurableCommits.STORED_WITH_THE_NEXT);
    this.abandonedAfter = abandonedAfter;
  }

  /** The next number, in the caller's transaction (the counter's lock is held until the caller commits). */
  public String next() {
    int fiscalYear = currentFiscalYear();
    return format(fiscalYear, increment(fiscalYear, 1));
  }

  /**
   * A number for an intake that will {@link #consume consume} it in its own transaction, reserved and committed here
   * in a short transaction (the counter's lock is held only for that). A number given back by a failed intake, or
   * left by one that crashed more than {@code integrity-desk.intake.reservation-abandoned-after} ago, goes first.
   *
   * <p>Intakes that ask while a reservation is being committed wait for it to end, and the next of them then reserves
   * for all of them in one transaction, in the order they asked (as {@link DurableCommits} shares one fsync): under
   * load an intake costs one commit and a share of another instead of two, and a number is only ever reserved for an
   * intake that is waiting for it, so no number sits reserved for a complaint that has not arrived.
   */
  public String reserve() {
    Request mine = new Request();
    List<Request> batch;
    String answered;
    synchronized (requests) {
      requests.add(mine);
      waiting = requests.size();
      boolean interrupted = false;
      while (reserving && !mine.answered) {
        try {
          requests.wait();
        } catch (InterruptedException e) {
          interrupted = true; // a number may be being reserved for this intake: wait for it, then keep the flag
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (mine.answered) {
        batch = null;
        answered = mine.number;
      } else {
        reserving = true;
        batch = new ArrayList<>(requests);
        requests.clear();
        waiting = 0;
        answered = null;
      }
    }
    if (batch == null) {
      // reserved by another intake's transaction; null: that reservation failed, and this intake tries on its own
      return answered != null ? answered : reserve(1).get(0);
    }
    List<String> numbers = null;
    try {
      numbers = reserve(batch.size());
    } catch (RuntimeException failed) {
      if (batch.size() == 1) {
        throw failed;
      }
    } finally {
      synchronized (requests) {
        for (int i = 0; i < batch.size(); i++) {
          Request request = batch.get(i);
          request.number = numbers == null ? null : numbers.get(i);
          request.answered = true;
        }
        reserving = false;
        requests.notifyAll();
      }
    }
    return numbers != null ? mine.number : reserve(1).get(0);
  }

  /** Reserves {@code count} numbers in one transaction: given-back and abandoned ones first, then new ones. */
  private List<String> reserve(int count) {
    int fiscalYear = currentFiscalYear();
    List<String> numbers = ownTransaction.execute(status -> {
      Timestamp now = EngineClock.now();
      Timestamp abandoned = new Timestamp(now.getTime() - abandonedAfter.toMillis());
      List<String> reserved = new ArrayList<>(count);
      List<String> free = jdbc.sql("SELECT tracking_number FROM tracking_number_reservation WHERE fiscal_year = ?"
              + " AND (released = TRUE OR reserved_at < ?) ORDER BY tracking_number")
          .params(fiscalYear, abandoned).query(String.class).list();
      for (String number : free) {
        if (reserved.size() == count) {
          break;
        }
        int taken = jdbc.sql("UPDATE tracking_number_reservation SET released = FALSE, reserved_at = ?"
                + " WHERE tracking_number = ? AND (released = TRUE OR reserved_at < ?)")
            .params(now, number, abandoned).update();
        if (taken == 1) {
          reserved.add(number);
        }
      }
      int fresh = count - reserved.size();
      if (fresh > 0) {
        int last = increment(fiscalYear, fresh);
        for (int sequence = last - fresh + 1; sequence <= last; sequence++) {
          String number = format(fiscalYear, sequence);
          jdbc.sql("INSERT INTO tracking_number_reservation (tracking_number, fiscal_year, reserved_at, released)"
              + " VALUES (?, ?, ?, FALSE)").params(number, fiscalYear, now).update();
          reserved.add(number);
        }
      }
      return reserved;
    });
    reservations.incrementAndGet();
    reservedNumbers.addAndGet(count);
    return numbers;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("integrity.desk.tracking.reservations", reservations, AtomicLong::get)
        .description("Transactions that reserved tracking numbers (one serves every intake waiting at the time)")
        .register(registry);
    FunctionCounter.builder("integrity.desk.tracking.reserved", reservedNumbers, AtomicLong::get)
        .description("Tracking numbers reserved for intakes").register(registry);
    Gauge.builder("integrity.desk.tracking.waiting", this, numbers -> numbers.waiting)
        .description("Intakes waiting for a tracking-number reservation to end").register(registry);
  }

  /** An intake waiting for its number (guarded by {@code requests}); the number stays null if the reservation failed. */
  private static final class Request {
    boolean answered;
    String number;
  }

  /** In the intake's transaction: the reserved number now belongs to the complaint stored with it. */
  public void consume(String number) {
    if (jdbc.sql("DELETE FROM tracking_number_reservation WHERE tracking_number = ?").param(number).update() != 1) {
      throw new IllegalStateException("tracking number " + number + " is no longer reserved for this intake");
    }
  }

  /** A failed intake gives its reserved number back for the next complaint (in a transaction of its own). */
  public void release(String number) {
    ownTransaction.executeWithoutResult(status ->
        jdbc.sql("UPDATE tracking_number_reservation SET released = TRUE WHERE tracking_number = ?").param(number).update());
  }

  private static int currentFiscalYear() {
    return fiscalYear(LocalDate.now(Clock.fixed(ClockUtil.getCurrentTime().toInstant(), ThaiDates.BANGKOK)));
  }

  public static int fiscalYear(LocalDate date) {
    int year = date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
    return year + BUDDHIST_ERA_OFFSET;
  }

  public static String format(int fiscalYear, int sequence) {
    return String.format("ACC-%04d-%06d", fiscalYear, sequence);
  }

  /** Takes {@code count} numbers from the counter; returns the last of them. */
  private int increment(int fiscalYear, int count) {
    // The counter row's lock (taken by this UPDATE) serialises intakes until the caller's transaction ends: the
    // caller takes the number as late as it can (IntakeService prepares everything before).
    if (bump(fiscalYear, count) == 0) {
      // the first complaint of a fiscal year: create the counter, then count
      createCounter(fiscalYear);
      if (bump(fiscalYear, count) == 0) {
        throw new IllegalStateException("no tracking-number counter for fiscal year " + fiscalYear);
      }
    }
    return jdbc.sql("SELECT last_value FROM tracking_number_counter WHERE fiscal_year = ?")
        .param(fiscalYear).query(Integer.class).single();
  }

  private int bump(int fiscalYear, int count) {
    return jdbc.sql("UPDATE tracking_number_counter SET last_value = last_value + ? WHERE fiscal_year = ?")
        .params(count, fiscalYear).update();
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

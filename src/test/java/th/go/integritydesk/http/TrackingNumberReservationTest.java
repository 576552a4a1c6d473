package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import th.go.integritydesk.Eventually;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.integritydesk.intake.TrackingNumbers;
import th.go.integritydesk.process.EngineClock;

/**
 * Numbers reserved apart from the intake (ADR 0008) stay unique and leave no gap: a number given back by a failed
 * intake, or abandoned by a crashed one, goes to the next complaint; a consumed number is never handed out again.
 */
@HttpTest
class TrackingNumberReservationTest {

  @Autowired TrackingNumbers numbers;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired MeterRegistry meters;

  @Test
  void aNumberGivenBackGoesToTheNextIntakeAndAConsumedOneNeverAgain() {
    String first = numbers.reserve();
    numbers.release(first);
    assertThat(numbers.reserve()).as("the released number is reused first").isEqualTo(first);
    transactions.executeWithoutResult(status -> numbers.consume(first));
    String second = numbers.reserve();
    assertThat(second).isNotEqualTo(first).isEqualTo(next(first));
    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> numbers.consume(first)))
        .as("consumed twice").isInstanceOf(IllegalStateException.class);
    transactions.executeWithoutResult(status -> numbers.consume(second));
  }

  @Test
  void aNumberAbandonedByACrashedIntakeIsTakenOverOnlyAfterTheSetting() {
    String inFlight = numbers.reserve();
    String other = numbers.reserve();
    assertThat(other).as("an intake still in flight keeps its number").isNotEqualTo(inFlight);
    transactions.executeWithoutResult(status -> numbers.consume(other));
    // as if the intake that reserved it died eleven minutes ago (the default setting is PT10M)
    jdbc.sql("UPDATE tracking_number_reservation SET reserved_at = ? WHERE tracking_number = ?")
        .params(new Timestamp(EngineClock.now().getTime() - Duration.ofMinutes(11).toMillis()), inFlight).update();
    assertThat(numbers.reserve()).isEqualTo(inFlight);
    transactions.executeWithoutResult(status -> numbers.consume(inFlight));
  }

  @Test
  void intakesThatAskWhileANumberIsBeingReservedShareOneReservationAfterIt() throws Exception {
    String warm = numbers.reserve(); // the year's counter row exists
    transactions.executeWithoutResult(status -> numbers.consume(warm));
    int fiscalYear = Integer.parseInt(warm.substring(4, 8));
    double before = meters.get("integrity.desk.tracking.reservations").functionCounter().count();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(5);
    try {
      // another node's reservation holding the counter's row lock
      Future<?> other = threads.submit(() -> transactions.executeWithoutResult(status -> {
        jdbc.sql("UPDATE tracking_number_counter SET last_value = last_value WHERE fiscal_year = ?").param(fiscalYear)
            .update();
        locked.countDown();
        awaitQuietly(release);
        status.setRollbackOnly();
      }));
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
      List<Future<String>> intakes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        intakes.add(threads.submit(numbers::reserve));
      }
      // one of the four reserves and waits for the row; the other three wait for that reservation to end
      Eventually.within(Duration.ofSeconds(10), "three intakes waiting",
          () -> meters.get("integrity.desk.tracking.waiting").gauge().value() == 3.0);
      release.countDown();
      other.get(10, TimeUnit.SECONDS);
      Set<String> reserved = new TreeSet<>();
      for (Future<String> intake : intakes) {
        reserved.add(intake.get(10, TimeUnit.SECONDS));
      }
      assertThat(reserved).containsExactly(next(warm), next(next(warm)), next(next(next(warm))),
          next(next(next(next(warm)))));
      assertThat(meters.get("integrity.desk.tracking.reservations").functionCounter().count() - before)
          .as("the first intake's reservation, then one for the three that waited").isEqualTo(2.0);
      reserved.forEach(number -> transactions.executeWithoutResult(status -> numbers.consume(number)));
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String next(String number) {
    int sequence = Integer.parseInt(number.substring(9)) + 1;
    return TrackingNumbers.format(Integer.parseInt(number.substring(4, 8)), sequence);
  }
}

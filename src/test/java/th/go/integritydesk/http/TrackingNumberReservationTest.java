package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
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

  private static String next(String number) {
    int sequence = Integer.parseInt(number.substring(9)) + 1;
    return TrackingNumbers.format(Integer.parseInt(number.substring(4, 8)), sequence);
  }
}

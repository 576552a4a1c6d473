package th.go.integritydesk.intake;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.notification.ThaiDates;
import org.springframework.stereotype.Component;

/**
 * Readable, unique tracking numbers by Buddhist-era fiscal year: {@code ACC-2569-000123}. The fiscal year runs
 * October to September (fiscal 2569 = 1 Oct 2025 to 30 Sep 2026). The counter row is updated inside the
 * caller's transaction, so a rolled-back intake gives its number back and two nodes never hand out the same one.
 */
@Component
public class TrackingNumbers {

  public static final String PATTERN = "^ACC-[0-9]{4}-[0-9]{6}$";
  private static final int BUDDHIST_ERA_OFFSET = 543;

  private final JdbcClient jdbc;

  public TrackingNumbers(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
    // The first complaint of a fiscal year creates its counter; the UPDATE's row lock then serialises intakes.
    jdbc.sql("INSERT INTO tracking_number_counter (fiscal_year, last_value) SELECT ?, 0"
            + " WHERE NOT EXISTS (SELECT 1 FROM tracking_number_counter WHERE fiscal_year = ?)")
        .params(fiscalYear, fiscalYear).update();
    jdbc.sql("UPDATE tracking_number_counter SET last_value = last_value + 1 WHERE fiscal_year = ?")
        .param(fiscalYear).update();
    return jdbc.sql("SELECT last_value FROM tracking_number_counter WHERE fiscal_year = ?")
        .param(fiscalYear).query(Integer.class).single();
  }
}

package th.go.integritydesk.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import th.go.integritydesk.closure.CaseOutcome;
import th.go.integritydesk.intake.Category;
import th.go.integritydesk.intake.Channel;
import th.go.integritydesk.intake.TrackingNumbers;
import th.go.integritydesk.process.ThaiDates;

/**
 * The statistics of corruption complaints that the ITA asks every agency to publish (DOMAIN.md, "ITA"): received,
 * completed and in progress by month of the Buddhist-era fiscal year (October to September, Bangkok time), and the
 * year's breakdowns. Counts only: nothing here can name a case, a person or a unit. Month boundaries are computed
 * here, not in SQL, so H2 and PostgreSQL count the same.
 */
@Service
public class ComplaintStatistics {

  /** The first fiscal year anyone may ask for; earlier years predate any electronic record. */
  public static final int FIRST_FISCAL_YEAR = 2500;
  static final int BUDDHIST_ERA_OFFSET = 543;

  public record Month(String month, long received, long completed, long inProgress) {}

  public record Totals(long received, long completed, long inProgress) {}

  public record YearStatistics(int fiscalYear, LocalDate from, LocalDate to, List<Month> months, Totals total,
                               Map<String, Long> byChannel, Map<String, Long> byCategory,
                               Map<String, Long> byOutcome) {}

  private record Row(Instant receivedAt, Instant closedAt, String channel, String category, String outcome) {}

  private final JdbcClient jdbc;

  public ComplaintStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The fiscal year of today in Bangkok, by the engine clock. */
  public static int currentFiscalYear() {
    return TrackingNumbers.fiscalYear(LocalDate.ofInstant(now(), ThaiDates.BANGKOK));
  }

  /** The first day (1 October) of a Buddhist-era fiscal year. */
  public static LocalDate firstDay(int fiscalYear) {
    return LocalDate.of(fiscalYear - BUDDHIST_ERA_OFFSET - 1, 10, 1);
  }

  public YearStatistics of(int fiscalYear) {
    LocalDate from = firstDay(fiscalYear);
    Instant start = midnight(from);
    Instant end = midnight(from.plusYears(1));
    Instant now = now();
    List<Row> rows = jdbc.sql("""
            SELECT received_at, closed_at, channel, category, outcome FROM complaint
            WHERE received_at < :end AND (closed_at IS NULL OR closed_at >= :start)""")
        .param("start", OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
        .param("end", OffsetDateTime.ofInstant(end, ZoneOffset.UTC))
        .query((rs, i) -> new Row(instant(rs.getObject(1, OffsetDateTime.class)),
            instant(rs.getObject(2, OffsetDateTime.class)), rs.getString(3), rs.getString(4), rs.getString(5)))
        .list();

    List<Month> months = new ArrayList<>();
    long received = 0;
    long completed = 0;
    long inProgressAtEnd = 0;
    YearMonth month = YearMonth.from(from);
    for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
      Instant monthStart = midnight(month.atDay(1));
      Instant monthEnd = midnight(month.plusMonths(1).atDay(1));
      long monthReceived = rows.stream().filter(r -> within(r.receivedAt(), monthStart, monthEnd)).count();
      long monthCompleted = rows.stream().filter(r -> within(r.closedAt(), monthStart, monthEnd)).count();
      long inProgress = 0;
      if (!monthStart.isAfter(now)) {
        // the current month counts what is open now; a past month what was open when it ended
        Instant at = monthEnd.isAfter(now) ? now : monthEnd;
        inProgress = rows.stream().filter(r -> openAt(r, at)).count();
        inProgressAtEnd = inProgress;
      }
      months.add(new Month(month.toString(), monthReceived, monthCompleted, inProgress));
      received += monthReceived;
      completed += monthCompleted;
    }

    Map<String, Long> byChannel = zeros(Channel.values());
    Map<String, Long> byCategory = zeros(Category.values());
    Map<String, Long> byOutcome = zeros(CaseOutcome.values());
    for (Row r : rows) {
      if (within(r.receivedAt(), start, end)) {
        byChannel.computeIfPresent(r.channel(), (k, v) -> v + 1);
        byCategory.computeIfPresent(r.category(), (k, v) -> v + 1);
      }
      if (r.outcome() != null && within(r.closedAt(), start, end)) {
        byOutcome.computeIfPresent(r.outcome(), (k, v) -> v + 1);
      }
    }
    return new YearStatistics(fiscalYear, from, from.plusYears(1).minusDays(1), months,
        new Totals(received, completed, inProgressAtEnd), byChannel, byCategory, byOutcome);
  }

  private static boolean within(Instant t, Instant start, Instant end) {
    return t != null && !t.isBefore(start) && t.isBefore(end);
  }

  private static boolean openAt(Row r, Instant at) {
    return r.receivedAt().isBefore(at) && (r.closedAt() == null || !r.closedAt().isBefore(at));
  }

  private static Map<String, Long> zeros(Enum<?>[] values) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Enum<?> value : values) {
      counts.put(value.name(), 0L);
    }
    return counts;
  }

  static Instant midnight(LocalDate date) {
    return date.atStartOfDay(ThaiDates.BANGKOK).toInstant();
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}

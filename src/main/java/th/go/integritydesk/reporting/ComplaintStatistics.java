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

  private final JdbcClient jdbc;
  private final CacheSettings settings;

  public ComplaintStatistics(JdbcClient jdbc, CacheSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /** The fiscal year of today in Bangkok, by the engine clock. */
  public static int currentFiscalYear() {
    return TrackingNumbers.fiscalYear(LocalDate.ofInstant(now(), ThaiDates.BANGKOK));
  }

  /** The first day (1 October) of a Buddhist-era fiscal year. */
  public static LocalDate firstDay(int fiscalYear) {
    return LocalDate.of(fiscalYear - BUDDHIST_ERA_OFFSET - 1, 10, 1);
  }

  /** A year's figures as last computed, and when (engine clock). */
  private record Cached(YearStatistics statistics, Instant computedAt) {}

  private final Map<Integer, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The year's statistics, computed once and served from memory for a while: the current fiscal year for
   * {@code integrity-desk.statistics.cache.current} (a case that changes shows within that time), an earlier year for
   * {@code integrity-desk.statistics.cache.past} (only retention changes it: a case received in an earlier year and
   * closed now is counted as closed in this year, and was open at the end of each earlier month either way).
   * Anonymous readers thus cost one aggregate query per year and period, not one each, however many they are.
   */
  public YearStatistics of(int fiscalYear) {
    Instant now = now();
    java.time.Duration keep = fiscalYear >= currentFiscalYear() ? settings.current : settings.past;
    Cached cached = cache.get(fiscalYear);
    if (cached != null && !now.isBefore(cached.computedAt()) && now.isBefore(cached.computedAt().plus(keep))) {
      return cached.statistics();
    }
    YearStatistics computed = compute(fiscalYear);
    if (!keep.isZero() && !keep.isNegative()) {
      cache.put(fiscalYear, new Cached(computed, now));
    }
    return computed;
  }

  /** How long the figures are served from memory. */
  @org.springframework.stereotype.Component
  @org.springframework.boot.context.properties.ConfigurationProperties(prefix = "integrity-desk.statistics.cache")
  public static class CacheSettings {
    private java.time.Duration current = java.time.Duration.ofSeconds(30);
    private java.time.Duration past = java.time.Duration.ofHours(6);

    public java.time.Duration getCurrent() { return current; }
    public void setCurrent(java.time.Duration value) { current = value; }
    public java.time.Duration getPast() { return past; }
    public void setPast(java.time.Duration value) { past = value; }
  }

  /**
   * Counted in the database in one pass over the complaints that touch the year (received before its end and not
   * closed before its start: the indexes on the dates bound it), with the month boundaries computed here, so H2 and
   * PostgreSQL count the same; then the year's breakdowns, grouped in the database.
   */
  YearStatistics compute(int fiscalYear) {
    LocalDate from = firstDay(fiscalYear);
    Instant start = midnight(from);
    Instant end = midnight(from.plusYears(1));
    Instant now = now();
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT COUNT(*)");
    YearMonth month = YearMonth.from(from);
    List<Boolean> started = new ArrayList<>();
    for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
      Instant monthStart = midnight(month.atDay(1));
      Instant monthEnd = midnight(month.plusMonths(1).atDay(1));
      sql.append(", SUM(CASE WHEN received_at >= ? AND received_at < ? THEN 1 ELSE 0 END)");
      params.add(utc(monthStart));
      params.add(utc(monthEnd));
      sql.append(", SUM(CASE WHEN closed_at >= ? AND closed_at < ? THEN 1 ELSE 0 END)");
      params.add(utc(monthStart));
      params.add(utc(monthEnd));
      // the current month counts what is open now; a past month what was open when it ended; a later month nothing
      Instant at = monthEnd.isAfter(now) ? now : monthEnd;
      sql.append(", SUM(CASE WHEN received_at < ? AND (closed_at IS NULL OR closed_at >= ?) THEN 1 ELSE 0 END)");
      params.add(utc(at));
      params.add(utc(at));
      started.add(!monthStart.isAfter(now));
    }
    sql.append(" FROM complaint WHERE received_at < ? AND (closed_at IS NULL OR closed_at >= ?)");
    params.add(utc(end));
    params.add(utc(start));
    long[] sums = jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
      long[] values = new long[36];
      for (int c = 0; c < 36; c++) {
        values[c] = rs.getLong(c + 2);
      }
      return values;
    }).single();

    List<Month> months = new ArrayList<>();
    long received = 0;
    long completed = 0;
    long inProgressAtEnd = 0;
    month = YearMonth.from(from);
    for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
      long inProgress = started.get(i) ? sums[i * 3 + 2] : 0;
      if (started.get(i)) {
        inProgressAtEnd = inProgress;
      }
      months.add(new Month(month.toString(), sums[i * 3], sums[i * 3 + 1], inProgress));
      received += sums[i * 3];
      completed += sums[i * 3 + 1];
    }

    Map<String, Long> byChannel = zeros(Channel.values());
    Map<String, Long> byCategory = zeros(Category.values());
    Map<String, Long> byOutcome = zeros(CaseOutcome.values());
    count(byChannel, "SELECT channel, COUNT(*) FROM complaint WHERE received_at >= ? AND received_at < ? GROUP BY channel",
        start, end);
    count(byCategory, "SELECT category, COUNT(*) FROM complaint WHERE received_at >= ? AND received_at < ?"
        + " GROUP BY category", start, end);
    count(byOutcome, "SELECT outcome, COUNT(*) FROM complaint WHERE outcome IS NOT NULL AND closed_at >= ?"
        + " AND closed_at < ? GROUP BY outcome", start, end);
    return new YearStatistics(fiscalYear, from, from.plusYears(1).minusDays(1), months,
        new Totals(received, completed, inProgressAtEnd), byChannel, byCategory, byOutcome);
  }

  /** Adds the grouped counts to the known keys (a value the enums no longer name is left out, as before). */
  private void count(Map<String, Long> counts, String sql, Instant start, Instant end) {
    jdbc.sql(sql).params(utc(start), utc(end)).query((rs, i) -> {
      String key = rs.getString(1);
      long count = rs.getLong(2);
      return counts.computeIfPresent(key, (k, v) -> v + count);
    }).list();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
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

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}

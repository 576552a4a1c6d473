package th.go.integritydesk.reporting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import th.go.integritydesk.closure.CaseOutcome;
import th.go.integritydesk.intake.Category;
import th.go.integritydesk.intake.Stage;
import th.go.integritydesk.process.ComplaintLifecycle;
import th.go.integritydesk.process.Deadlines;
import th.go.integritydesk.process.DisciplinaryAction;
import th.go.integritydesk.process.FactFinding;

/**
 * Figures for supervisors and analysts: how long each step takes against its deadline, what is overdue now, and the
 * cases by stage, category, accused's unit and volunteer. Reads the complaint table and the engine's history, never
 * the complainant's identity.
 */
@Service
class StaffReports {

  static final Set<String> PROCESSES = Set.of(ComplaintLifecycle.PROCESS_KEY, FactFinding.PROCESS_KEY, DisciplinaryAction.PROCESS_KEY);
  private static final double DAY_MILLIS = 86_400_000d;

  record StepTime(String step, String name, long count, Double medianDays, Double p90Days, List<String> deadlines,
                  Double limitDays, long overLimit) {}

  record Overdue(String trackingNumber, String task, String taskName, Instant due, double daysLate,
                 List<String> candidateGroups, String assignee) {}

  record UnitCount(String unit, long received, long open) {}

  record VolunteerCount(String volunteerCode, long received, long open, Map<String, Long> outcomes) {}

  record Report(Instant asOf, int fiscalYear, List<StepTime> stageTimes, long overdueCount, List<Overdue> overdue,
                Map<String, Long> byStage, Map<String, Long> byCategory, long unitCount, List<UnitCount> byUnit,
                long volunteerCount, List<VolunteerCount> volunteers) {}

  private final JdbcClient jdbc;
  private final ComplaintManual manual;
  private final Deadlines deadlines;
  private final DatatypeFactory durations;
  private final th.go.integritydesk.casefile.NeedToKnow needToKnow;
  private final String tablePrefix;

  StaffReports(JdbcClient jdbc, ComplaintManual manual, Deadlines deadlines,
               th.go.integritydesk.casefile.NeedToKnow needToKnow, org.camunda.bpm.engine.ProcessEngine engine)
      throws DatatypeConfigurationException {
    this.jdbc = jdbc;
    this.manual = manual;
    this.deadlines = deadlines;
    this.needToKnow = needToKnow;
    this.durations = DatatypeFactory.newInstance();
    String prefix = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration()).getDatabaseTablePrefix();
    this.tablePrefix = prefix == null ? "" : prefix;
  }

  /** Midnight in Bangkok at the start of the fiscal year. */
  static Instant start(int fiscalYear) {
    return ComplaintStatistics.midnight(ComplaintStatistics.firstDay(fiscalYear));
  }

  Report of(int fiscalYear, th.go.integritydesk.web.StaffUser reader) {
    Instant start = ComplaintStatistics.midnight(ComplaintStatistics.firstDay(fiscalYear));
    Instant end = ComplaintStatistics.midnight(ComplaintStatistics.firstDay(fiscalYear + 1));
    OverduePage overdue = overdue(reader);
    return new Report(ClockUtil.getCurrentTime().toInstant(), fiscalYear, stageTimes(fiscalYear), overdue.total(),
        overdue.first(), byStage(), byCategory(start, end), distinct("accused_unit", start, end), byUnit(start, end),
        distinct("volunteer_code", start, end), volunteers(start, end));
  }

  /** Rows in the first page of overdue work (the report says how many there are in all). */
  static final int OVERDUE_PAGE = 50;

  /**
   * Finished user tasks and stages of the lifecycle models that ended in the fiscal year: how many, the median and 90th
   * percentile in days (nearest rank: {@code PERCENTILE_DISC}, which H2 and PostgreSQL both run), and how many took
   * longer than the deadline. Aggregated in the database, one row per step, whatever the history holds (the end-time
   * indexes of the engine's history tables bound what is read to the year asked). A deadline in days is the same
   * length for every task; one in months is measured from the start of the fiscal year.
   */
  List<StepTime> stageTimes(int fiscalYear) {
    Instant start = ComplaintStatistics.midnight(ComplaintStatistics.firstDay(fiscalYear));
    Instant end = ComplaintStatistics.midnight(ComplaintStatistics.firstDay(fiscalYear + 1));
    Map<String, List<String>> limits = manual.deadlinesByElement();
    Map<String, Long> limitMillis = new TreeMap<>();
    limits.forEach((step, keys) -> {
      String limit = keys.isEmpty() ? null : deadlines.all().get(keys.get(0));
      if (limit != null) {
        limitMillis.put(step, limitMillis(limit, start.toEpochMilli()));
      }
    });
    List<Object> params = new ArrayList<>();
    String overLimit = overLimitCase("TASK_DEF_KEY_", limitMillis, params);
    // the engine's tables hold timestamps without a zone, written in the JVM's: compare them as the engine does
    params.add(java.sql.Timestamp.from(start));
    params.add(java.sql.Timestamp.from(end));
    params.addAll(PROCESSES);
    List<StepTime> times = new ArrayList<>(jdbc.sql("SELECT TASK_DEF_KEY_, MIN(NAME_), COUNT(*),"
            + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY DURATION_),"
            + " PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY DURATION_), " + overLimit
            + " FROM " + table("ACT_HI_TASKINST")
            + " WHERE END_TIME_ >= ? AND END_TIME_ < ? AND DURATION_ IS NOT NULL AND PROC_DEF_KEY_ IN (?, ?, ?)"
            + " GROUP BY TASK_DEF_KEY_")
        .params(params).query((rs, i) -> step(rs, limits)).list());
    List<String> stages = limits.keySet().stream().filter(k -> times.stream().noneMatch(t -> t.step().equals(k)))
        .toList();
    if (!stages.isEmpty()) {
      List<Object> stageParams = new ArrayList<>();
      String stageOverLimit = overLimitCase("ACT_ID_", limitMillis, stageParams);
      stageParams.add(java.sql.Timestamp.from(start));
      stageParams.add(java.sql.Timestamp.from(end));
      stageParams.addAll(stages);
      times.addAll(jdbc.sql("SELECT ACT_ID_, MIN(ACT_NAME_), COUNT(*),"
              + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY DURATION_),"
              + " PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY DURATION_), " + stageOverLimit
              + " FROM " + table("ACT_HI_ACTINST")
              + " WHERE ACT_TYPE_ = 'callActivity' AND END_TIME_ >= ? AND END_TIME_ < ? AND DURATION_ IS NOT NULL"
              + " AND ACT_ID_ IN (" + String.join(", ", java.util.Collections.nCopies(stages.size(), "?")) + ")"
              + " GROUP BY ACT_ID_")
          .params(stageParams).query((rs, i) -> step(rs, limits)).list());
    }
    times.sort(java.util.Comparator.comparing(StepTime::step));
    return times;
  }

  /** {@code SUM(CASE key WHEN step THEN (DURATION_ > limit) ...)}: the tasks of each step over its deadline. */
  private static String overLimitCase(String column, Map<String, Long> limitMillis, List<Object> params) {
    if (limitMillis.isEmpty()) {
      return "0";
    }
    StringBuilder sql = new StringBuilder("SUM(CASE");
    limitMillis.forEach((step, millis) -> {
      sql.append(" WHEN ").append(column).append(" = ? AND DURATION_ > ? THEN 1");
      params.add(step);
      params.add(millis);
    });
    return sql.append(" ELSE 0 END)").toString();
  }

  private StepTime step(java.sql.ResultSet rs, Map<String, List<String>> limits) throws java.sql.SQLException {
    String step = rs.getString(1);
    List<String> keys = limits.getOrDefault(step, List.of());
    String limit = keys.isEmpty() ? null : deadlines.all().get(keys.get(0));
    return new StepTime(step, rs.getString(2), rs.getLong(3), days(longOrNull(rs, 4)), days(longOrNull(rs, 5)), keys,
        limit == null ? null : days(limitMillis(limit, System.currentTimeMillis())), rs.getLong(6));
  }

  private static Long longOrNull(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** Nearest-rank percentile of sorted values (null when there are none): what PERCENTILE_DISC answers. */
  static Long percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(percent / 100d * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static Double days(Long millis) {
    return millis == null ? null : Math.round(millis / DAY_MILLIS * 10) / 10d;
  }

  private long limitMillis(String iso, long start) {
    return durations.newDuration(iso).getTimeInMillis(new Date(start));
  }

  record OverduePage(long total, List<Overdue> first) {}

  /**
   * Open tasks past their due date: how many, and the first {@link #OVERDUE_PAGE} (oldest first) in one query with the
   * case's tracking number and the task's candidate groups. A case the reader may not read (need to know: a
   * supervisor of the accused's unit, an analyst) is listed without its tracking number.
   */
  OverduePage overdue(th.go.integritydesk.web.StaffUser reader) {
    Date now = ClockUtil.getCurrentTime();
    java.sql.Timestamp at = new java.sql.Timestamp(now.getTime());
    long total = jdbc.sql("SELECT COUNT(*) FROM " + table("ACT_RU_TASK") + " WHERE DUE_DATE_ < ?").param(at)
        .query(Long.class).single();
    Map<String, Overdue> byTask = new LinkedHashMap<>();
    jdbc.sql("SELECT T.ID_, T.TASK_DEF_KEY_, T.NAME_, T.DUE_DATE_, T.ASSIGNEE_, P.BUSINESS_KEY_, L.GROUP_ID_"
            + " FROM (SELECT ID_, TASK_DEF_KEY_, NAME_, DUE_DATE_, ASSIGNEE_, PROC_INST_ID_ FROM " + table("ACT_RU_TASK")
            + " WHERE DUE_DATE_ < ? ORDER BY DUE_DATE_, ID_ FETCH FIRST " + OVERDUE_PAGE + " ROWS ONLY) T"
            + " LEFT JOIN " + table("ACT_RU_EXECUTION") + " P ON P.ID_ = T.PROC_INST_ID_"
            + " LEFT JOIN " + table("ACT_RU_IDENTITYLINK") + " L ON L.TASK_ID_ = T.ID_ AND L.TYPE_ = '"
            + IdentityLinkType.CANDIDATE + "' AND L.GROUP_ID_ IS NOT NULL"
            + " ORDER BY T.DUE_DATE_, T.ID_, L.GROUP_ID_")
        .param(at)
        .query((rs, i) -> {
          String id = rs.getString(1);
          Overdue o = byTask.get(id);
          if (o == null) {
            Instant due = rs.getTimestamp(4).toInstant();
            o = new Overdue(rs.getString(6), rs.getString(2), rs.getString(3), due,
                days(now.getTime() - due.toEpochMilli()), new ArrayList<>(), rs.getString(5));
            byTask.put(id, o);
          }
          if (rs.getString(7) != null) {
            o.candidateGroups().add(rs.getString(7));
          }
          return id;
        }).list();
    Map<String, Boolean> readable = new HashMap<>();
    List<Overdue> first = byTask.values().stream().map(o -> o.trackingNumber() == null
        || readable.computeIfAbsent(o.trackingNumber(), tn -> needToKnow.mayRead(reader, tn)) ? o
        : new Overdue(null, o.task(), o.taskName(), o.due(), o.daysLate(), o.candidateGroups(), o.assignee())).toList();
    return new OverduePage(total, first);
  }

  private String table(String name) {
    return tablePrefix + name;
  }

  Map<String, Long> byStage() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      if (stage != Stage.CLOSED) {
        counts.put(stage.name(), 0L);
      }
    }
    jdbc.sql("SELECT stage, COUNT(*) FROM complaint WHERE stage <> 'CLOSED' GROUP BY stage")
        .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  Map<String, Long> byCategory(Instant start, Instant end) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Category category : Category.values()) {
      counts.put(category.name(), 0L);
    }
    jdbc.sql("SELECT category, COUNT(*) FROM complaint WHERE received_at >= ? AND received_at < ? GROUP BY category")
        .params(utc(start), utc(end)).query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  /** Rows of a breakdown by a free-text field (the accused's unit, the volunteer code): the largest ones. */
  static final int TOP = 200;

  /** How many different units or volunteer codes the period's complaints name (the breakdowns show the largest). */
  long distinct(String column, Instant start, Instant end) {
    return jdbc.sql("SELECT COUNT(DISTINCT " + column + ") FROM complaint WHERE received_at >= ? AND received_at < ?")
        .params(utc(start), utc(end)).query(Long.class).single();
  }

  /** Units by complaints received in the period, the {@link #TOP} largest (units are typed in: there may be more). */
  List<UnitCount> byUnit(Instant start, Instant end) {
    return jdbc.sql("""
            SELECT accused_unit, COUNT(*), SUM(CASE WHEN closed_at IS NULL THEN 1 ELSE 0 END) FROM complaint
            WHERE received_at >= ? AND received_at < ? GROUP BY accused_unit ORDER BY COUNT(*) DESC, accused_unit
            FETCH FIRST %d ROWS ONLY""".formatted(TOP))
        .params(utc(start), utc(end))
        .query((rs, i) -> new UnitCount(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
  }

  /** Volunteers by complaints received in the period, with their outcomes: the {@link #TOP} who sent the most. */
  List<VolunteerCount> volunteers(Instant start, Instant end) {
    Map<String, VolunteerCount> byCode = new TreeMap<>();
    jdbc.sql("""
            SELECT volunteer_code, outcome, COUNT(*) FROM complaint
            WHERE volunteer_code IS NOT NULL AND received_at >= ? AND received_at < ? AND volunteer_code IN (
              SELECT volunteer_code FROM complaint WHERE volunteer_code IS NOT NULL AND received_at >= ?
              AND received_at < ? GROUP BY volunteer_code ORDER BY COUNT(*) DESC, volunteer_code
              FETCH FIRST %d ROWS ONLY)
            GROUP BY volunteer_code, outcome""".formatted(TOP))
        .params(utc(start), utc(end), utc(start), utc(end))
        .query((rs, i) -> {
          String code = rs.getString(1);
          String outcome = rs.getString(2);
          long count = rs.getLong(3);
          VolunteerCount v = byCode.computeIfAbsent(code, c -> new VolunteerCount(c, 0, 0, zeroOutcomes()));
          if (outcome != null) {
            v.outcomes().merge(outcome, count, Long::sum);
          }
          byCode.put(code, new VolunteerCount(code, v.received() + count, v.open() + (outcome == null ? count : 0),
              v.outcomes()));
          return code;
        }).list();
    return new ArrayList<>(byCode.values());
  }

  private static Map<String, Long> zeroOutcomes() {
    Map<String, Long> outcomes = new LinkedHashMap<>();
    for (CaseOutcome outcome : CaseOutcome.values()) {
      outcomes.put(outcome.name(), 0L);
    }
    return outcomes;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}

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
import java.util.stream.Collectors;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
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

  record Report(Instant asOf, int fiscalYear, List<StepTime> stageTimes, List<Overdue> overdue,
                Map<String, Long> byStage, Map<String, Long> byCategory, List<UnitCount> byUnit,
                List<VolunteerCount> volunteers) {}

  private final JdbcClient jdbc;
  private final HistoryService history;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ComplaintManual manual;
  private final Deadlines deadlines;
  private final DatatypeFactory durations;

  StaffReports(JdbcClient jdbc, HistoryService history, TaskService tasks, RuntimeService runtime,
               ComplaintManual manual, Deadlines deadlines) throws DatatypeConfigurationException {
    this.jdbc = jdbc;
    this.history = history;
    this.tasks = tasks;
    this.runtime = runtime;
    this.manual = manual;
    this.deadlines = deadlines;
    this.durations = DatatypeFactory.newInstance();
  }

  Report of(int fiscalYear) {
    Instant start = ComplaintStatistics.midnight(ComplaintStatistics.firstDay(fiscalYear));
    Instant end = ComplaintStatistics.midnight(ComplaintStatistics.firstDay(fiscalYear + 1));
    return new Report(ClockUtil.getCurrentTime().toInstant(), fiscalYear, stageTimes(), overdue(), byStage(),
        byCategory(start, end), byUnit(start, end), volunteers(start, end));
  }

  /** Finished user tasks and stages of the lifecycle models: median and 90th percentile in days, against the limit. */
  List<StepTime> stageTimes() {
    Map<String, List<String>> limits = manual.deadlinesByElement();
    Map<String, List<long[]>> byStep = new TreeMap<>();
    Map<String, String> names = new HashMap<>();
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().finished().list()) {
      if (task.getProcessDefinitionKey() != null && PROCESSES.contains(task.getProcessDefinitionKey())
          && task.getDurationInMillis() != null && task.getStartTime() != null) {
        byStep.computeIfAbsent(task.getTaskDefinitionKey(), k -> new ArrayList<>())
            .add(new long[] {task.getStartTime().getTime(), task.getDurationInMillis()});
        names.putIfAbsent(task.getTaskDefinitionKey(), task.getName());
      }
    }
    for (HistoricActivityInstance stage : history.createHistoricActivityInstanceQuery().activityType("callActivity")
        .finished().list()) {
      if (stage.getDurationInMillis() != null && limits.containsKey(stage.getActivityId())) {
        byStep.computeIfAbsent(stage.getActivityId(), k -> new ArrayList<>())
            .add(new long[] {stage.getStartTime().getTime(), stage.getDurationInMillis()});
        names.putIfAbsent(stage.getActivityId(), stage.getActivityName());
      }
    }
    List<StepTime> times = new ArrayList<>();
    byStep.forEach((step, samples) -> {
      List<String> keys = limits.getOrDefault(step, List.of());
      String limit = keys.isEmpty() ? null : deadlines.all().get(keys.get(0));
      long over = limit == null ? 0 : samples.stream().filter(s -> s[1] > limitMillis(limit, s[0])).count();
      List<Long> sorted = samples.stream().map(s -> s[1]).sorted().toList();
      times.add(new StepTime(step, names.get(step), sorted.size(), days(percentile(sorted, 50)),
          days(percentile(sorted, 90)), keys, limit == null ? null : days(limitMillis(limit, System.currentTimeMillis())),
          over));
    });
    return times;
  }

  /** Nearest-rank percentile of sorted values (null when there are none). */
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

  /** Open tasks past their due date, oldest first, with the case's tracking number and who holds the task. */
  List<Overdue> overdue() {
    Date now = ClockUtil.getCurrentTime();
    List<Task> late = tasks.createTaskQuery().dueBefore(now).orderByDueDate().asc().list();
    Set<String> instanceIds = late.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
        .collect(Collectors.toSet());
    Map<String, String> businessKeys = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
        businessKeys.put(pi.getId(), pi.getBusinessKey());
      }
    }
    List<Overdue> overdue = new ArrayList<>();
    for (Task task : late) {
      List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(IdentityLink::getGroupId).toList();
      overdue.add(new Overdue(businessKeys.get(task.getProcessInstanceId()), task.getTaskDefinitionKey(),
          task.getName(), task.getDueDate().toInstant(), days(now.getTime() - task.getDueDate().getTime()), groups,
          task.getAssignee()));
    }
    return overdue;
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

  List<UnitCount> byUnit(Instant start, Instant end) {
    return jdbc.sql("""
            SELECT accused_unit, COUNT(*), SUM(CASE WHEN closed_at IS NULL THEN 1 ELSE 0 END) FROM complaint
            WHERE received_at >= ? AND received_at < ? GROUP BY accused_unit ORDER BY COUNT(*) DESC, accused_unit""")
        .params(utc(start), utc(end))
        .query((rs, i) -> new UnitCount(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
  }

  List<VolunteerCount> volunteers(Instant start, Instant end) {
    Map<String, VolunteerCount> byCode = new TreeMap<>();
    jdbc.sql("""
            SELECT volunteer_code, outcome, COUNT(*) FROM complaint
            WHERE volunteer_code IS NOT NULL AND received_at >= ? AND received_at < ?
            GROUP BY volunteer_code, outcome""")
        .params(utc(start), utc(end))
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

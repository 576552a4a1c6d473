package th.go.integritydesk.reporting;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The application's case metrics for Prometheus, read from the shared database so every node reports the same
 * cluster-wide figures: complaints received by channel, open cases by stage, overdue tasks by task.
 */
@Component
public class CaseMetrics {

  private final JdbcClient jdbc;
  private final String taskTable;
  private final MultiGauge received;
  private final MultiGauge open;
  private final MultiGauge overdue;

  public CaseMetrics(JdbcClient jdbc, org.camunda.bpm.engine.ManagementService management, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.taskTable = management.getTableName(org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.class);
    this.received = MultiGauge.builder("integrity_desk.complaints.received")
        .description("Complaints received, by channel").register(registry);
    this.open = MultiGauge.builder("integrity_desk.cases.open")
        .description("Cases not yet closed, by stage").register(registry);
    this.overdue = MultiGauge.builder("integrity_desk.tasks.overdue")
        .description("Open tasks past their due date, by task").register(registry);
  }

  @Scheduled(fixedDelayString = "${integrity-desk.metrics.refresh:PT30S}")
  public void refresh() {
    received.register(rows("SELECT channel, COUNT(*) FROM complaint GROUP BY channel", "channel"), true);
    open.register(rows("SELECT stage, COUNT(*) FROM complaint WHERE stage <> 'CLOSED' GROUP BY stage", "stage"), true);
    List<MultiGauge.Row<?>> late = new ArrayList<>();
    // counted in the database (the engine's task query would load every late task)
    jdbc.sql("SELECT TASK_DEF_KEY_, COUNT(*) FROM " + taskTable + " WHERE DUE_DATE_ < ? AND TASK_DEF_KEY_ IS NOT NULL"
            + " GROUP BY TASK_DEF_KEY_")
        .param(new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime()))
        .query((rs, i) -> late.add(MultiGauge.Row.of(Tags.of("task", rs.getString(1)), rs.getLong(2)))).list();
    overdue.register(late, true);
  }

  private List<MultiGauge.Row<?>> rows(String sql, String tag) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    jdbc.sql(sql).query((rs, i) -> rows.add(MultiGauge.Row.of(Tags.of(tag, rs.getString(1)), rs.getLong(2)))).list();
    return rows;
  }
}

package th.go.integritydesk.process;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's plan for group task lists linear (docs/adr/0006-fast-group-task-lists.md). The engine's task
 * query joins the authorizations on {@code RESOURCE_ID_ IN (task id, definition key, '*')} after filtering them with
 * {@code PERMS_ & 2 = 2}; PostgreSQL has no statistics for that expression, guesses 0.5% of the rows (50 where a
 * group has 10,000 task authorizations) and re-reads every authorization for every task, which grows with the
 * square of the open tasks. Statistics on the expressions make it probe the RESOURCE_ID_ index per task instead.
 * <p>It also gives the tasks an index in the order every Tasklist filter of ours lists them (due date, then newest
 * first, as Tasklist adds): PostgreSQL then reads the first page in that order and stops after 15 rows instead of
 * sorting every open task of the group (at 100,000 open cases: 360 ms to 75 ms; ADR 0009).
 * Created after the engine has created or upgraded its tables, on every start (idempotent), so a fresh and an
 * upgraded database both have them; PostgreSQL only (H2 plans this query differently and has no such statistics).
 */
@Component
@Order(20)
public class TaskQueryStatistics extends AbstractProcessEnginePlugin {

  static final String NAME = "integrity_desk_auth_perms";
  static final String TASK_ORDER_INDEX = "integrity_desk_task_due_created";
  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryStatistics.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
    String tasks = configuration.getDatabaseTablePrefix() + "ACT_RU_TASK";
    try (Connection connection = configuration.getDataSource().getConnection();
         Statement statement = connection.createStatement()) {
      if (!exists(statement, "SELECT count(*) FROM pg_statistic_ext WHERE stxname = '" + NAME + "'")) {
        // TASK READ (2) and PROCESS_DEFINITION READ_TASK (64): the permissions a task query checks
        statement.execute("CREATE STATISTICS IF NOT EXISTS " + NAME
            + " (mcv) ON (PERMS_ & 2), (PERMS_ & 64), RESOURCE_TYPE_ FROM " + table);
        statement.execute("ANALYZE " + table);
        LOG.info("Created statistics {} on {} for the task query's authorization check", NAME, table);
      }
      if (!exists(statement, "SELECT count(*) FROM pg_indexes WHERE indexname = '" + TASK_ORDER_INDEX + "'")) {
        // the order of our filters (orderByDueDate) followed by Tasklist's default (created, newest first); the
        // directions match the engine's ORDER BY (PostgreSQL's defaults: ascending nulls last, descending nulls first)
        statement.execute("CREATE INDEX IF NOT EXISTS " + TASK_ORDER_INDEX + " ON " + tasks
            + " (DUE_DATE_ ASC, CREATE_TIME_ DESC)");
        LOG.info("Created index {} on {} for the order of the task lists", TASK_ORDER_INDEX, tasks);
      }
    } catch (SQLException e) {
      // another node creating them at the same moment, or no right to: the application works, only slower
      LOG.warn("Could not create the statistics {} or the index {}: {}", NAME, TASK_ORDER_INDEX, e.getMessage());
    }
  }

  private static boolean exists(Statement statement, String countQuery) throws SQLException {
    try (ResultSet rs = statement.executeQuery(countQuery)) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }
}

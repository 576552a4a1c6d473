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
 * Keeps PostgreSQL's plans for the engine's queries that grow with the open cases linear or flat. First, group task
 * lists (docs/adr/0006-fast-group-task-lists.md). The engine's task
 * query joins the authorizations on {@code RESOURCE_ID_ IN (task id, definition key, '*')} after filtering them with
 * {@code PERMS_ & 2 = 2}; PostgreSQL has no statistics for that expression, guesses 0.5% of the rows (50 where a
 * group has 10,000 task authorizations) and re-reads every authorization for every task, which grows with the
 * square of the open tasks. Statistics on the expressions make it probe the RESOURCE_ID_ index per task instead.
 * <p>It also gives the tasks an index in the order every Tasklist filter of ours lists them (due date, then newest
 * first, as Tasklist adds): PostgreSQL then reads the first page in that order and stops after 15 rows instead of
 * sorting every open task of the group (at 100,000 open cases: 360 ms to 75 ms; ADR 0009).
 * <p>And it gives the job executor's acquisition an index of the jobs it may take, by due date: the engine's schema
 * has none, so every acquisition read every job, and every open case keeps its deadline timers in that table (at
 * 100,000 open cases: 200,000 timers, 42 ms per acquisition, and the job executor acquires whenever a job is
 * committed, about once per complaint under load; with the index 0.8 ms, whatever the number of open cases; ADR 0009).
 * Created after the engine has created or upgraded its tables, on every start (idempotent), so a fresh and an
 * upgraded database both have them; PostgreSQL only (H2 plans these queries differently, has no such statistics and
 * no partial indexes).
 */
@Component
@Order(20)
public class PostgresQueryPlans extends AbstractProcessEnginePlugin {

  static final String NAME = "integrity_desk_auth_perms";
  static final String TASK_ORDER_INDEX = "integrity_desk_task_due_created";
  static final String JOB_ACQUISITION_INDEX = "integrity_desk_job_acquirable";
  private static final Logger LOG = LoggerFactory.getLogger(PostgresQueryPlans.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection();
         Statement statement = connection.createStatement()) {
      createMissing(statement, configuration.getDatabaseTablePrefix());
    } catch (SQLException e) {
      LOG.warn("Could not check the statistics {} and the indexes {} and {}: {}", NAME, TASK_ORDER_INDEX,
          JOB_ACQUISITION_INDEX, e.getMessage());
    }
  }

  /**
   * Each on its own: one that cannot be created (another node creating it at the same moment, no right to) must not
   * keep the others from being created.
   */
  static void createMissing(Statement statement, String tablePrefix) {
    String table = tablePrefix + "ACT_RU_AUTHORIZATION";
    String tasks = tablePrefix + "ACT_RU_TASK";
    String jobs = tablePrefix + "ACT_RU_JOB";
    ensure(statement, "the statistics " + NAME + " on " + table + " for the task query's authorization check",
        "SELECT count(*) FROM pg_statistic_ext WHERE stxname = '" + NAME + "'",
        // TASK READ (2) and PROCESS_DEFINITION READ_TASK (64): the permissions a task query checks
        "CREATE STATISTICS IF NOT EXISTS " + NAME + " (mcv) ON (PERMS_ & 2), (PERMS_ & 64), RESOURCE_TYPE_ FROM "
            + table,
        "ANALYZE " + table);
    // the order of our filters (orderByDueDate) followed by Tasklist's default (created, newest first); the
    // directions match the engine's ORDER BY (PostgreSQL's defaults: ascending nulls last, descending nulls first)
    ensure(statement, "the index " + TASK_ORDER_INDEX + " on " + tasks + " for the order of the task lists",
        "SELECT count(*) FROM pg_indexes WHERE indexname = '" + TASK_ORDER_INDEX + "'",
        "CREATE INDEX IF NOT EXISTS " + TASK_ORDER_INDEX + " ON " + tasks + " (DUE_DATE_ ASC, CREATE_TIME_ DESC)");
    // the acquisition's own conditions (RETRIES_ > 0, SUSPENSION_STATE_ = 1, DUEDATE_ null or due): PostgreSQL
    // reads the two due-date ranges of this index (a BitmapOr) instead of every timer of every open case
    ensure(statement, "the index " + JOB_ACQUISITION_INDEX + " on " + jobs + " for the job executor's acquisition",
        "SELECT count(*) FROM pg_indexes WHERE indexname = '" + JOB_ACQUISITION_INDEX + "'",
        "CREATE INDEX IF NOT EXISTS " + JOB_ACQUISITION_INDEX + " ON " + jobs
            + " (DUEDATE_) WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1");
  }

  /** Creates what {@code existsQuery} does not find; a failure is logged (the application works, only slower). */
  private static void ensure(Statement statement, String what, String existsQuery, String... create) {
    try {
      if (!exists(statement, existsQuery)) {
        for (String sql : create) {
          statement.execute(sql);
        }
        LOG.info("Created {}", what);
      }
    } catch (SQLException e) {
      LOG.warn("Could not create {}: {}", what, e.getMessage());
    }
  }

  private static boolean exists(Statement statement, String countQuery) throws SQLException {
    try (ResultSet rs = statement.executeQuery(countQuery)) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }
}

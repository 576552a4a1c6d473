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
 * Created after the engine has created or upgraded its tables, on every start (idempotent), so a fresh and an
 * upgraded database both have them; PostgreSQL only (H2 plans this query differently and has no such statistics).
 */
@Component
@Order(20)
public class TaskQueryStatistics extends AbstractProcessEnginePlugin {

  static final String NAME = "integrity_desk_auth_perms";
  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryStatistics.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
    try (Connection connection = configuration.getDataSource().getConnection();
         Statement statement = connection.createStatement()) {
      if (exists(statement)) {
        return;
      }
      // TASK READ (2) and PROCESS_DEFINITION READ_TASK (64): the permissions a task query checks
      statement.execute("CREATE STATISTICS IF NOT EXISTS " + NAME
          + " (mcv) ON (PERMS_ & 2), (PERMS_ & 64), RESOURCE_TYPE_ FROM " + table);
      statement.execute("ANALYZE " + table);
      LOG.info("Created statistics {} on {} for the task query's authorization check", NAME, table);
    } catch (SQLException e) {
      // another node creating them at the same moment, or no right to: the application works, only slower
      LOG.warn("Could not create statistics {} on {}: {}", NAME, table, e.getMessage());
    }
  }

  private static boolean exists(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_statistic_ext WHERE stxname = '" + NAME + "'")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }
}

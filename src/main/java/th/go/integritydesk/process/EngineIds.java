package th.go.integritydesk.process;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Short ids for every row the engine writes, taken in blocks from one database sequence
 * (docs/adr/0011-short-engine-ids.md). The Camunda starter's default, a 36-character UUID, is repeated in every
 * runtime and history row several times over (the row's id, its process instance, root process instance, execution,
 * activity instance, task...) and again in each of their indexes: two fifths of a closed case's bytes were ids. A
 * number from a sequence is 1 to 9 characters for the first billion.
 * <p>Unique across every node on one database without coordination: each node takes a block of {@value #BLOCK} ids
 * with one {@code nextval} (the sequence steps by the block), and a sequence never hands out a value twice, not after
 * a rollback nor after a crash (PostgreSQL logs it ahead of use; H2 stores it with the next commit, and nothing that
 * uses an id commits before that). Camunda's own {@code DbIdGenerator} does the same with a counter row under
 * optimistic locking, which fails a command when two nodes take a block at the same moment; a sequence has no such
 * conflict. A restart discards the rest of its block: gaps, never repeats.
 * <p>The block is taken on the connection of the engine command that needs the id (a command always has one), so a
 * busy pool can never leave the node waiting for a second connection; only without a command (never in the engine
 * today) does it borrow one from the pool. The sequence is created, when missing, before the engine writes anything.
 */
@Component
@Order(5)
public class EngineIds extends AbstractProcessEnginePlugin implements IdGenerator {

  static final String SEQUENCE = "integrity_desk_engine_id";
  static final int BLOCK = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(EngineIds.class);

  private volatile DataSource dataSource;
  private volatile String nextBlock;
  private long next = 1;
  private long last = 0;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getIdGenerator() != this) {
      return;
    }
    useDatabase(configuration.getDataSource(), configuration.getDatabaseType());
  }

  /** Where the blocks come from (a second node's generator, in a test); creates the sequence when it is missing. */
  public void useDatabase(DataSource dataSource, String databaseType) {
    this.dataSource = dataSource;
    this.nextBlock = "postgres".equals(databaseType)
        ? "SELECT nextval('" + SEQUENCE + "')"
        : "SELECT NEXT VALUE FOR " + SEQUENCE;
    String create = "CREATE SEQUENCE IF NOT EXISTS " + SEQUENCE + " START WITH 1 INCREMENT BY " + BLOCK;
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      try {
        statement.execute(create);
      } catch (SQLException raced) {
        // another node created it at the same moment (PostgreSQL's IF NOT EXISTS is not atomic): it exists now
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        statement.execute(create);
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("cannot create the engine's id sequence " + SEQUENCE, e);
    }
    LOG.info("Engine ids come from the sequence {} in blocks of {}", SEQUENCE, BLOCK);
  }

  @Override
  public synchronized String getNextId() {
    if (next > last) {
      long first = takeBlock();
      next = first;
      last = first + BLOCK - 1;
    }
    return Long.toString(next++);
  }

  private long takeBlock() {
    if (nextBlock == null) {
      throw new IllegalStateException("the engine asked for an id before its configuration was initialised");
    }
    CommandContext command = Context.getCommandContext();
    try {
      if (command != null) {
        return takeBlock(command.getDbSqlSession().getSqlSession().getConnection());
      }
      try (Connection connection = dataSource.getConnection()) {
        return takeBlock(connection);
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("cannot take a block of ids from the sequence " + SEQUENCE, e);
    }
  }

  private long takeBlock(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet value = statement.executeQuery(nextBlock)) {
      value.next();
      return value.getLong(1);
    }
  }
}

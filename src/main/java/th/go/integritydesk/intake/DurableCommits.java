package th.go.integritydesk.intake;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "Acknowledged" means on disk: an intake's 201 goes out only after its commit is durable. Why and what it costs:
 * docs/adr/0005-durable-intake.md.
 * <ul>
 *   <li>Embedded H2 file database: {@code WRITE_DELAY=0} on the URL makes every commit write its changes to the file
 *   before the commit returns (a killed JVM loses nothing committed); {@link #committed()} then forces the file to
 *   the device ({@code CHECKPOINT SYNC}, an fsync), so a power cut does not lose an acknowledged complaint either.</li>
 *   <li>PostgreSQL: the commit itself waits for the WAL flush ({@code synchronous_commit = on}, the default, and
 *   {@code fsync = on}); nothing to add.</li>
 * </ul>
 * At start-up the database's setting is checked and a weaker one logged as an error.
 */
@Component
public class DurableCommits {

  private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);
  private final DataSource dataSource;
  private volatile Boolean h2File;
  private volatile boolean syncRefused;
  private final Object syncs = new Object();
  private long requested;
  private long completed;
  private boolean syncing;

  private final boolean forceToDevice;

  public DurableCommits(DataSource dataSource,
                        @Value("${integrity-desk.durability.h2-force-to-device:true}") boolean forceToDevice) {
    this.dataSource = dataSource;
    this.forceToDevice = forceToDevice;
  }

  /**
   * Called after an intake's commit, before it is acknowledged. Group commit: one fsync covers every commit written
   * before it started, so concurrent intakes share one instead of queueing for one each (H2 runs them one at a time).
   */
  public void committed() {
    if (!forceToDevice || !isH2File() || syncRefused) {
      return;
    }
    long mine;
    long covered;
    synchronized (syncs) {
      mine = ++requested;
      while (completed < mine && syncing) {
        waitFor(syncs);
      }
      if (completed >= mine) {
        return;
      }
      syncing = true;
      covered = requested;
    }
    try {
      sync();
    } finally {
      synchronized (syncs) {
        syncing = false;
        completed = Math.max(completed, covered);
        syncs.notifyAll();
      }
    }
  }

  private void sync() {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT SYNC");
    } catch (SQLException e) {
      // the commit is written (WRITE_DELAY=0) whatever happens here; only the fsync is missing
      syncRefused = true;
      LOG.error("CHECKPOINT SYNC refused ({}): acknowledged complaints survive a crash of the application but not"
          + " of the machine. The H2 user needs admin rights.", e.getMessage());
    }
  }

  private static void waitFor(Object monitor) {
    try {
      monitor.wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the disk", e);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  public void checkSettings() {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      String product = connection.getMetaData().getDatabaseProductName();
      if (isH2File()) {
        String delay = single(statement, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME = 'WRITE_DELAY'");
        if (!"0".equals(delay)) {
          LOG.error("H2 WRITE_DELAY is {} ms, not 0: commits of the last {} ms are lost if the application is killed."
              + " Add ;WRITE_DELAY=0 to spring.datasource.url (docs/adr/0005-durable-intake.md).", delay, delay);
        }
      } else if ("PostgreSQL".equals(product)) {
        String synchronousCommit = single(statement, "SHOW synchronous_commit");
        String fsync = single(statement, "SHOW fsync");
        if ("off".equals(synchronousCommit) || "off".equals(fsync)) {
          LOG.error("PostgreSQL runs with synchronous_commit = {} and fsync = {}: acknowledged complaints can be lost"
              + " in a crash. Set both to on (docs/adr/0005-durable-intake.md).", synchronousCommit, fsync);
        }
      }
    } catch (SQLException e) {
      LOG.warn("Could not check the database's durability settings: {}", e.getMessage());
    }
  }

  private boolean isH2File() {
    Boolean known = h2File;
    if (known == null) {
      try (Connection connection = dataSource.getConnection()) {
        String url = connection.getMetaData().getURL();
        known = url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
      } catch (SQLException e) {
        known = false;
      }
      h2File = known;
    }
    return known;
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}

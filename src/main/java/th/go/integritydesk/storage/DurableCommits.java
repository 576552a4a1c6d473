package th.go.integritydesk.storage;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "Acknowledged" means on disk: nothing is answered before the commit it reports is in the database's files. Why and
 * what it costs: docs/adr/0005-durable-intake.md.
 * <ul>
 *   <li>Embedded H2 file database: H2 commits in memory and writes its store to the file later ({@code WRITE_DELAY}).
 *   The transaction manager ({@link DurableTransactionManager}) therefore calls {@link #stored(boolean)} after every
 *   commit that changed something, before it returns: one store of H2's file covers every commit made before it
 *   started (group commit), so a killed JVM loses nothing that was committed, and concurrent commits share one write
 *   instead of queueing for one each. An intake's transaction ({@link #FORCED_TO_THE_DEVICE}) also has the file
 *   forced to the device (an fsync, in the same shared write) before its 201, so a power cut does not lose an
 *   acknowledged complaint either.</li>
 *   <li>PostgreSQL: the commit itself waits for the WAL flush ({@code synchronous_commit = on}, the default, and
 *   {@code fsync = on}); nothing to add.</li>
 * </ul>
 * At start-up the database's setting is checked and a weaker one logged as an error.
 */
@Component
public class DurableCommits implements MeterBinder {

  /**
   * The name of a transaction whose commit need not be in the file before it returns: nothing is acknowledged on it
   * alone (a tracking number's reservation, which the intake's own commit stores with it, as a store writes every
   * change made before it).
   */
  public static final String STORED_WITH_THE_NEXT = "integrity-desk.stored-with-the-next-commit";

  /**
   * The name of a transaction that is acknowledged to someone who may never ask again (an intake's 201): its commit
   * returns once the file is forced to the device, so that a power cut does not lose it either.
   */
  public static final String FORCED_TO_THE_DEVICE = "integrity-desk.forced-to-the-device";

  private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);
  private final DataSource dataSource;
  private volatile Boolean h2File;
  private volatile MVStore store;
  private final Group writes = new Group();
  private final AtomicLong storesWritten = new AtomicLong();
  private final AtomicLong storesAsked = new AtomicLong();
  private final AtomicLong forcesWritten = new AtomicLong();
  private volatile boolean transactionManagerStores;

  private final boolean forceToDevice;

  public DurableCommits(DataSource dataSource,
                        @Value("${integrity-desk.durability.h2-force-to-device:true}") boolean forceToDevice) {
    this.dataSource = dataSource;
    this.forceToDevice = forceToDevice;
  }

  /**
   * Called by the transaction manager after every commit that changed something, before the commit returns: on H2,
   * the commit is in the file (the operating system's) when this returns, and on the device too when
   * {@code forced} (an fsync). One write covers every commit made before it started (group commit), and it forces the
   * file if any of them asked.
   */
  public void stored(boolean forced) {
    if (!isH2File()) {
      return;
    }
    storesAsked.incrementAndGet();
    writes.covered(forced && forceToDevice, force -> {
      MVStore mv = mvStore();
      mv.commit();
      storesWritten.incrementAndGet();
      if (force) {
        mv.sync();
        forcesWritten.incrementAndGet();
      }
    });
  }

  /**
   * Whether the transaction on this connection, about to commit, changed anything that {@link #stored(boolean)} must
   * write (on H2; elsewhere nothing is to be written, and the answer is false). When in doubt, true.
   */
  public boolean changes(Connection connection) {
    if (!isH2File()) {
      return false;
    }
    try {
      return connection == null
          || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
          || session.hasPendingTransaction();
    } catch (SQLException | RuntimeException e) {
      return true;
    }
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("integrity.desk.h2.stores", storesWritten, AtomicLong::get)
        .description("Writes of H2's store to its file for committed transactions (one covers every commit made"
            + " before it started)").register(registry);
    FunctionCounter.builder("integrity.desk.h2.stored.commits", storesAsked, AtomicLong::get)
        .description("Committed transactions that waited for their write to H2's file").register(registry);
    FunctionCounter.builder("integrity.desk.h2.forces", forcesWritten, AtomicLong::get)
        .description("Forces of H2's file to the device (fsync) for acknowledged intakes").register(registry);
  }

  /** H2's store (the file) behind the pool's connections; looked up again if the database was closed and reopened. */
  private MVStore mvStore() {
    MVStore known = store;
    if (known != null && !known.isClosed()) {
      return known;
    }
    try (Connection connection = dataSource.getConnection()) {
      SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
      known = session.getDatabase().getStore().getMvStore();
      store = known;
      return known;
    } catch (SQLException | RuntimeException e) {
      throw new IllegalStateException("H2's store could not be reached to write a commit to the file", e);
    }
  }

  /**
   * One write for everyone waiting: a caller is covered by the first write that starts after it asked, and waits for
   * it; whoever finds no write running starts one for all who asked so far, forcing the file to the device if any of
   * them asked for that.
   */
  private static final class Group {
    private long requested;
    private long completed;
    private long forceWanted;
    private boolean running;

    void covered(boolean force, Consumer<Boolean> write) {
      long covers;
      boolean forcing;
      synchronized (this) {
        long mine = ++requested;
        if (force) {
          forceWanted = mine;
        }
        while (completed < mine && running) {
          waitFor(this);
        }
        if (completed >= mine) {
          return;
        }
        running = true;
        covers = requested;
        forcing = forceWanted > completed;
      }
      boolean done = false;
      try {
        write.accept(forcing);
        done = true;
      } finally {
        synchronized (this) {
          running = false;
          if (done) {
            completed = Math.max(completed, covers);
          }
          notifyAll();
        }
      }
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

  /** Set by {@link DurableTransactionManager} when it is the application's transaction manager. */
  void storedByTheTransactionManager() {
    transactionManagerStores = true;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void checkSettings() {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      String product = connection.getMetaData().getDatabaseProductName();
      if (isH2File()) {
        String delay = single(statement, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME = 'WRITE_DELAY'");
        if (!transactionManagerStores && !"0".equals(delay)) {
          LOG.error("H2 WRITE_DELAY is {} ms and the transaction manager is not {}: commits of the last {} ms are"
              + " lost if the application is killed (docs/adr/0005-durable-intake.md).", delay,
              DurableTransactionManager.class.getSimpleName(), delay);
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

package th.go.integritydesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import th.go.integritydesk.IntegrityDeskApplication;
import th.go.integritydesk.storage.DurableCommits;
import th.go.integritydesk.storage.DurableTransactionManager;

/**
 * On the H2 file database a commit returns only once it is in the file (ADR 0005): the application's transaction
 * manager writes H2's store after every commit that changed something, one write for every commit made meanwhile; an
 * intake's transaction also forces the file to the device. Here with the job executor off, so that nothing but this
 * test commits: right after each commit nothing is left unwritten. (That a killed JVM then loses nothing is
 * CrashDuringIntakeTest's part.) H2's own background write waits a minute here ({@code WRITE_DELAY=60000}), so that
 * it never writes between a commit and the check of what that commit left unwritten; and H2's background
 * housekeeping is off ({@code AUTO_COMPACT_FILL_RATE=0}):
 * it moves committed pages into new chunks, which shows as unsaved changes until the next store, although nothing
 * committed is missing from the file (the old chunks hold it until a stored version no longer needs them). With it on,
 * the last check below failed about once in thirty rounds of the concurrent commits.
 */
// after every test that uses a cached Spring test context
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 2)
class DurableCommitsOnH2FileTest {

  @Test
  void aCommitReturnsOnceItIsInTheFile() throws Exception {
    Path data = Files.createTempDirectory("integrity-desk-durable");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IntegrityDeskApplication.class).run(
        "--server.port=0", "--camunda.bpm.process-engine-name=durablecommits",
        "--spring.application.name=durable-commits", "--camunda.bpm.job-execution.enabled=false",
        "--integrity-desk.metrics.refresh=PT1H", "--integrity-desk.reminders.check-every=PT1H",
        // nor the search index's catch-up (it reads the complaints every two seconds)
        "--integrity-desk.search.refresh=PT1H",
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("integrity-desk")
            + ";LOCK_TIMEOUT=10000;WRITE_DELAY=60000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256"
            + ";AUTO_COMPACT_FILL_RATE=0")) {
      PlatformTransactionManager transactions = app.getBean(PlatformTransactionManager.class);
      assertThat(transactions).isInstanceOf(DurableTransactionManager.class);
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      MeterRegistry meters = app.getBean(MeterRegistry.class);
      MVStore store = store(app.getBean(DataSource.class));
      jdbc.sql("CREATE TABLE durable_probe (id INT PRIMARY KEY, note VARCHAR(20))").update();
      store.commit();

      // a commit that changed something: written once, before it returned; nothing left in memory
      double[] before = counts(meters);
      write(transactions, null, jdbc, 1);
      assertThat(delta(meters, before)).as("stored commits, stores, forces").containsExactly(1, 1, 0);
      assertThat(store.hasUnsavedChanges()).as("left unwritten after the commit returned").isFalse();

      // a transaction that only read: no write, no wait
      before = counts(meters);
      new TransactionTemplate(transactions).execute(status -> jdbc.sql("SELECT COUNT(*) FROM durable_probe")
          .query(Integer.class).single());
      assertThat(delta(meters, before)).containsExactly(0, 0, 0);

      // a reservation-like transaction is written with the next commit, not on its own
      before = counts(meters);
      write(transactions, DurableCommits.STORED_WITH_THE_NEXT, jdbc, 2);
      assertThat(delta(meters, before)).containsExactly(0, 0, 0);
      assertThat(store.hasUnsavedChanges()).isTrue();
      write(transactions, null, jdbc, 3);
      assertThat(store.hasUnsavedChanges()).as("the next commit writes both").isFalse();

      // an intake's transaction: written and forced to the device
      before = counts(meters);
      write(transactions, DurableCommits.FORCED_TO_THE_DEVICE, jdbc, 4);
      assertThat(delta(meters, before)).containsExactly(1, 1, 1);
      assertThat(store.hasUnsavedChanges()).isFalse();

      // commits at the same moment: each returns written; they may share writes, never need more than one each
      before = counts(meters);
      int threads = 8;
      int each = 25;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = 100 + t * each;
        done.add(pool.submit((Callable<Object>) () -> {
          start.await();
          for (int id = first; id < first + each; id++) {
            write(transactions, id % 5 == 0 ? DurableCommits.FORCED_TO_THE_DEVICE : null, jdbc, id);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<Object> f : done) {
        f.get();
      }
      pool.shutdown();
      double[] delta = delta(meters, before);
      assertThat(delta[0]).as("stored commits").isEqualTo(threads * each);
      assertThat(delta[1]).as("stores").isBetween(1.0, (double) threads * each);
      assertThat(delta[2]).as("forces").isBetween(1.0, (double) threads * each / 5);
      assertThat(store.hasUnsavedChanges()).isFalse();
      assertThat(jdbc.sql("SELECT COUNT(*) FROM durable_probe").query(Integer.class).single())
          .isEqualTo(4 + threads * each);
    } finally {
      FileSystemUtils.deleteRecursively(data);
    }
  }

  private static void write(PlatformTransactionManager transactions, String name, JdbcClient jdbc, int id) {
    TransactionTemplate template = new TransactionTemplate(transactions);
    template.setName(name);
    template.executeWithoutResult(status -> jdbc.sql("INSERT INTO durable_probe (id, note) VALUES (?, ?)")
        .params(id, "probe " + id).update());
  }

  private static MVStore store(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
      return session.getDatabase().getStore().getMvStore();
    }
  }

  private static double[] counts(MeterRegistry meters) {
    return new double[] {meters.get("integrity.desk.h2.stored.commits").functionCounter().count(),
        meters.get("integrity.desk.h2.stores").functionCounter().count(),
        meters.get("integrity.desk.h2.forces").functionCounter().count()};
  }

  private static double[] delta(MeterRegistry meters, double[] before) {
    double[] now = counts(meters);
    return new double[] {now[0] - before[0], now[1] - before[1], now[2] - before[2]};
  }
}

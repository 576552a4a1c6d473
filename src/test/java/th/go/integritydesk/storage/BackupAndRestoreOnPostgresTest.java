package th.go.integritydesk.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import th.go.integritydesk.postgres.PostgresForDumps;

/**
 * README's backup and restore of PostgreSQL, done as README says: a running system with open cases (a task, a
 * message subscription, timers, sealed identity and evidence) is dumped with {@code pg_dump -Fc} while it runs; one
 * more complaint comes in after the dump; the system stops; {@code pg_restore} puts the dump into a new, empty
 * database, and the application starts on it with the same master key file and receipt secret. The restored system
 * carries on ({@link OpenCasesToRestore#assertCarriesOn}): receipt codes open their cases, sealed data reads, the
 * complainant's reply reaches the waiting case, a timer fires, a task completes; the complaint filed after the dump is
 * not there. It runs the machine's own client programs against a PostgreSQL 15 ({@link PostgresForDumps}).
 */
// after every test that uses a cached Spring test context (these applications run the engine named "default")
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 2)
class BackupAndRestoreOnPostgresTest {

  @TempDir Path folder;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aDumpOfTheRunningSystemRestoredIntoANewDatabaseCarriesOn() throws Exception {
    Path backups = Files.createDirectories(folder.resolve("backups"));
    // the operator's key file, apart from the database and its dumps (README, Keys)
    Path key = folder.resolve("keys").resolve("master-key.json");
    MasterKeyTool.run("master-key", "new", key.toString());
    OpenCasesToRestore cases = new OpenCasesToRestore();
    String live = "integrity_desk_live";
    String restored = "integrity_desk_restored";
    Path dump = backups.resolve("integrity-desk.dump");

    try (ConfigurableApplicationContext running = cases.start("pg-before-backup", settings(PostgresForDumps
        .createDatabase(live), key))) {
      cases.fileOpenCases(running);
      // README: pg_dump -Fc -f integrity-desk.dump <database>, while the application runs
      PostgresForDumps.run(List.of(PostgresForDumps.client("pg_dump"), "-Fc", "-f", dump.toString(), live));
      cases.fileAfterTheBackup(running);
    }
    assertThat(Files.size(dump)).isPositive();

    // README: createdb -O <application user> <new database>; pg_restore --exit-on-error -d <new database> ...
    String url = PostgresForDumps.createDatabase(restored);
    PostgresForDumps.run(List.of(PostgresForDumps.client("pg_restore"), "--exit-on-error", "-d", restored,
        dump.toString()));
    try (ConfigurableApplicationContext restoredSystem = cases.start("pg-after-restore", settings(url, key))) {
      cases.assertCarriesOn(restoredSystem);
    }
  }

  private static String[] settings(String url, Path key) {
    return new String[] {"--spring.profiles.active=postgres,demo", "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + PostgresForDumps.user(),
        "--spring.datasource.password=" + PostgresForDumps.password(),
        "--integrity-desk.storage.master-key-file=" + key, "--integrity-desk.storage.create-missing-master-key=false"};
  }
}

package th.go.integritydesk.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * README's backup and restore of the embedded H2 default, done as README says: the demo's data folder (the database
 * file and the master key file that the first start made beside it) holds open cases (a task, a message subscription,
 * timers, sealed identity and evidence); the application stops, the two files are copied, and it starts again and
 * takes one more complaint. The copies are put into a new, empty folder and the application starts on it (same
 * receipt secret). The restored system carries on ({@link OpenCasesToRestore#assertCarriesOn}): receipt codes open
 * their cases, sealed data reads, the complainant's reply reaches the waiting case, a timer fires, a task completes;
 * the complaint filed after the backup is not there. Started once more with another receipt secret, the cases are
 * whole but no receipt code opens them (what README says is lost without the secret).
 */
// after every test that uses a cached Spring test context (these applications run the engine named "default")
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 2)
class BackupAndRestoreOnH2Test {

  private static final String DATABASE = "integrity-desk.mv.db";
  private static final String KEY = "master-key.json";

  @TempDir Path folder;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCopyOfTheStoppedSystemsFilesRestoredIntoANewFolderCarriesOn() throws Exception {
    Path data = folder.resolve("live").resolve("data");
    Path backup = Files.createDirectories(folder.resolve("backup"));
    Path restored = folder.resolve("restored").resolve("data");
    OpenCasesToRestore cases = new OpenCasesToRestore();

    try (ConfigurableApplicationContext running = cases.start("h2-before-backup", settings(data))) {
      cases.fileOpenCases(running);
    }
    // README: stop the application and copy ./data/integrity-desk.mv.db, with ./data/master-key.json in the demo
    Files.copy(data.resolve(DATABASE), backup.resolve(DATABASE));
    Files.copy(data.resolve(KEY), backup.resolve(KEY));
    try (ConfigurableApplicationContext runningAgain = cases.start("h2-after-backup", settings(data))) {
      cases.fileAfterTheBackup(runningAgain);
    }

    // README: restore by putting the files back (here into a new folder) before the start
    Files.createDirectories(restored);
    Files.copy(backup.resolve(DATABASE), restored.resolve(DATABASE));
    Files.copy(backup.resolve(KEY), restored.resolve(KEY));
    try (ConfigurableApplicationContext restoredSystem = cases.start("h2-after-restore", settings(restored))) {
      cases.assertCarriesOn(restoredSystem);
    }
    // and what is lost without the receipt secret (README): the same files started with another secret
    try (ConfigurableApplicationContext otherSecret = cases.start("h2-other-secret",
        "another-receipt-secret-of-at-least-32-characters", settings(restored))) {
      cases.assertReceiptCodesOpenNothing(otherSecret);
    }
  }

  /** The demo's defaults, with ./data/ in a folder of the test's own. */
  private static String[] settings(Path data) {
    return new String[] {"--spring.datasource.url=jdbc:h2:file:" + data.resolve("integrity-desk")
        + ";LOCK_TIMEOUT=10000;WRITE_DELAY=100;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256",
        "--integrity-desk.storage.master-key-file=" + data.resolve(KEY)};
  }
}

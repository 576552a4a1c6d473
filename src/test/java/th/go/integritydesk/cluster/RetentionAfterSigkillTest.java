package th.go.integritydesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import th.go.integritydesk.Eventually;

/**
 * The retention removal survives {@code kill -9} (issue 25, docs/adr/0017-retention.md): the application runs in a
 * JVM of its own on an H2 file holding thousands of closed cases whose time is up (retention 0 days), with an identity,
 * evidence, a note and a data key each. An administrator's {@code POST /engine-rest/history/cleanup?immediatelyDue=true}
 * starts the removal; the JVM is killed with SIGKILL while it runs. Then, in the database as the kill left it, every
 * case is either whole or its tombstone (one case, one transaction), and some of each; started again, the next run
 * removes the rest. The year's statistics are the same before, after the kill and at the end.
 */
// after every test that uses a cached Spring test context (it starts no context in this JVM, but it is slow)
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 2)
class RetentionAfterSigkillTest {

  private static final int CASES = 3000;
  private static final String[] SETTINGS = {"--integrity-desk.history.default-time-to-live-days=0",
      "--integrity-desk.history.time-to-live-days.complaint-lifecycle=0",
      // a killed node's lock on the cleanup job lapses soon, so the next start takes the job again
      "--camunda.bpm.job-execution.lock-time-in-millis=5000",
      "--integrity-desk.statistics.cache.current=PT0S", "--integrity-desk.statistics.cache.past=PT0S"};

  @Test
  void aKillMidRemovalLeavesEveryCaseWholeOrATombstoneAndTheNextRunFinishes() throws Exception {
    Path folder = Files.createTempDirectory("integrity-desk-retention-kill");
    boolean passed = false;
    try {
      CrashDuringIntakeTest.App app = CrashDuringIntakeTest.App.start(folder, SETTINGS);
      app.stop();
      insertClosedCases(folder);

      app = CrashDuringIntakeTest.App.start(folder, SETTINGS);
      String before = statistics(app.port);
      cleanUpNow(app.port);
      CrashDuringIntakeTest.App running = app;
      Eventually.within(Duration.ofSeconds(120), "a third of the cases removed (log: " + app.log + ")",
          () -> removalsLogged(running.log) >= CASES / 3 || !running.process.isAlive());
      app.kill();

      int[] state = consistentState(folder);
      System.out.printf("RETENTION-KILL-TEST killed with %d tombstones and %d whole cases of %d%n", state[0], state[1],
          CASES);
      assertThat(state[0]).as("tombstones when killed").isPositive();
      assertThat(state[1]).as("whole cases when killed (the kill was mid-removal)").isPositive();

      app = CrashDuringIntakeTest.App.start(folder, SETTINGS);
      assertThat(statistics(app.port)).as("statistics after the kill").isEqualTo(before);
      cleanUpNow(app.port);
      CrashDuringIntakeTest.App again = app;
      Eventually.within(Duration.ofSeconds(180), "the rest removed (log: " + app.log + ")",
          () -> tombstoneOfTheLast(again.port));
      assertThat(statistics(app.port)).as("statistics after the removal").isEqualTo(before);
      app.stop();

      int[] end = consistentState(folder);
      assertThat(end[0]).isEqualTo(CASES);
      assertThat(end[1]).isZero();
      passed = true;
    } finally {
      if (passed) {
        FileSystemUtils.deleteRecursively(folder);
      } else {
        System.out.println("RETENTION-KILL-TEST failed: database and application logs kept in " + folder);
      }
    }
  }

  private static String url(Path folder) {
    return "jdbc:h2:file:" + folder.resolve("data/integrity-desk");
  }

  /** Closed in January 2026 (fiscal 2569), each with what retention removes: identity, evidence, note, data key. */
  private static void insertClosedCases(Path folder) throws Exception {
    Random random = new Random(25);
    byte[] file = new byte[4096];
    try (Connection db = DriverManager.getConnection(url(folder), "sa", "")) {
      db.setAutoCommit(false);
      try (PreparedStatement complaint = db.prepareStatement("""
              INSERT INTO complaint (tracking_number, fiscal_year, channel, category, subject, description,
                accused_name, accused_unit, accused_rank, nacc_finding_of_fault, received_at, stage, outcome, closed_at)
              VALUES (?, 2569, 'WEB', 'BRIBERY', ?, ?, 'นายทดสอบ การลบ', 'กองคลัง', 'OPERATIONAL', FALSE, ?, 'CLOSED',
                'NO_GROUNDS', ?)""");
           PreparedStatement identity = db.prepareStatement("INSERT INTO complainant_identity (tracking_number,"
               + " identity_sealed, email_sealed, has_email, has_address, recorded_at, custodian_key)"
               + " VALUES (?, ?, ?, TRUE, FALSE, ?, 1)");
           PreparedStatement evidence = db.prepareStatement("INSERT INTO evidence (tracking_number, file_name,"
               + " file_name_sealed, content_type, size_bytes, sha256, content, sealed, received_at)"
               + " VALUES (?, '', ?, 'image/jpeg', 4096, ?, ?, TRUE, ?)");
           PreparedStatement note = db.prepareStatement("INSERT INTO case_note (tracking_number, author, written_at,"
               + " text_sealed, written_through) VALUES (?, 'investigator', ?, ?, 'API')");
           PreparedStatement key = db.prepareStatement("INSERT INTO case_key (tracking_number, wrapped, wrapped_by,"
               + " created_at) VALUES (?, ?, 1, ?)")) {
        Instant received = Instant.parse("2026-01-05T02:00:00Z");
        for (int i = 0; i < CASES; i++) {
          String tn = "ACC-2569-8" + String.format("%05d", i);
          Timestamp at = Timestamp.from(received.plusSeconds(i));
          Timestamp closed = Timestamp.from(received.plus(Duration.ofDays(10)).plusSeconds(i));
          complaint.setString(1, tn);
          complaint.setString(2, "เรื่องที่จะถูกลบ " + i);
          complaint.setString(3, "ข้อเท็จจริงที่จะถูกลบ " + i);
          complaint.setTimestamp(4, at);
          complaint.setTimestamp(5, closed);
          complaint.addBatch();
          random.nextBytes(file);
          identity.setString(1, tn);
          identity.setBytes(2, bytes(random, 120));
          identity.setBytes(3, bytes(random, 60));
          identity.setTimestamp(4, at);
          identity.addBatch();
          evidence.setString(1, tn);
          evidence.setBytes(2, bytes(random, 40));
          evidence.setString(3, "0".repeat(64));
          evidence.setBytes(4, file.clone());
          evidence.setTimestamp(5, at);
          evidence.addBatch();
          note.setString(1, tn);
          note.setTimestamp(2, at);
          note.setBytes(3, bytes(random, 200));
          note.addBatch();
          key.setString(1, tn);
          key.setBytes(2, bytes(random, 150));
          key.setTimestamp(3, at);
          key.addBatch();
          if (i % 500 == 499) {
            for (PreparedStatement batch : new PreparedStatement[] {complaint, identity, evidence, note, key}) {
              batch.executeBatch();
            }
            db.commit();
          }
        }
      }
      db.commit();
    }
  }

  private static byte[] bytes(Random random, int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Counts tombstones and whole cases, and fails on any case half-removed. */
  private static int[] consistentState(Path folder) throws Exception {
    int tombstones = 0;
    int whole = 0;
    try (Connection db = DriverManager.getConnection(url(folder), "sa", "");
         ResultSet rs = db.createStatement().executeQuery("""
             SELECT c.tracking_number, c.removed_at IS NOT NULL, c.subject IS NULL, c.channel, c.outcome,
               (SELECT COUNT(*) FROM complainant_identity i WHERE i.tracking_number = c.tracking_number),
               (SELECT COUNT(*) FROM evidence e WHERE e.tracking_number = c.tracking_number),
               (SELECT COUNT(*) FROM case_note n WHERE n.tracking_number = c.tracking_number),
               (SELECT COUNT(*) FROM case_key k WHERE k.tracking_number = c.tracking_number)
             FROM complaint c WHERE c.tracking_number LIKE 'ACC-2569-8%'""")) {
      while (rs.next()) {
        String tn = rs.getString(1);
        boolean removed = rs.getBoolean(2);
        int rows = rs.getInt(6) + rs.getInt(7) + rs.getInt(8) + rs.getInt(9);
        assertThat(rs.getString(4)).as(tn + " channel kept").isEqualTo("WEB");
        assertThat(rs.getString(5)).as(tn + " outcome kept").isEqualTo("NO_GROUNDS");
        if (removed) {
          assertThat(rs.getBoolean(3)).as(tn + " text removed with the tombstone").isTrue();
          assertThat(rows).as(tn + " a tombstone holds nothing else").isZero();
          tombstones++;
        } else {
          assertThat(rows).as(tn + " a case not removed is whole").isEqualTo(4);
          whole++;
        }
      }
    }
    assertThat(tombstones + whole).isEqualTo(CASES);
    return new int[] {tombstones, whole};
  }

  private static long removalsLogged(Path log) {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
          .filter(line -> line.contains("reached the end of its retention")).count();
    } catch (Exception e) {
      return 0;
    }
  }

  private static boolean tombstoneOfTheLast(int port) {
    try {
      HttpResponse<String> file = send(port, "GET", "/api/staff/complaints/ACC-2569-8"
          + String.format("%05d", CASES - 1), "supervisor");
      return file.statusCode() == 200 && file.body().contains("\"removedAt\":\"");
    } catch (Exception e) {
      return false;
    }
  }

  private static String statistics(int port) throws Exception {
    HttpResponse<String> answer = CrashDuringIntakeTest.get(port, "/api/statistics?fiscalYear=2569", Map.of());
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.body();
  }

  private static void cleanUpNow(int port) throws Exception {
    HttpResponse<String> job = send(port, "POST", "/engine-rest/history/cleanup?immediatelyDue=true", "admin");
    assertThat(job.statusCode()).as(job.body()).isEqualTo(200);
  }

  private static HttpResponse<String> send(int port, String method, String path, String user) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(20))
        .method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST") ? "{}" : "")).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}

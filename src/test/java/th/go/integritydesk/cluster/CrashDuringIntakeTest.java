package th.go.integritydesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import th.go.integritydesk.Eventually;
import th.go.integritydesk.IntegrityDeskApplication;
import th.go.integritydesk.OneTaskProcess;

/**
 * No acknowledged complaint is ever lost: the application runs in a JVM of its own on the embedded default (H2 file
 * database under ./data/ of an empty working folder, the defaults the build carries), clients submit complaints from
 * several threads, the JVM is killed with SIGKILL mid-stream, and started again on the same files. Every complaint
 * that was answered 201 is there exactly once, under its number, and its receipt code still opens it; no number was
 * handed out twice. Beside them an officer's client starts processes through {@code /engine-rest} (an engine commit
 * with no fsync of its own, as a task completion): every start answered 200 is there after the kill too.
 * Rounds: system property {@code integrity-desk.crash-test.rounds} (default 3; the benchmark runs 20).
 */
// after every test that uses a cached Spring test context (it starts no context in this JVM, but it is slow)
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 2)
class CrashDuringIntakeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CLIENTS = 6;
  private static final int OFFICERS = 2;

  record Acknowledged(String trackingNumber, String receiptCode, int round) {}

  @Test
  void everyAcknowledgedComplaintSurvivesSigkillExactlyOnce() throws Exception {
    int rounds = Integer.getInteger("integrity-desk.crash-test.rounds", 3);
    Path folder = Files.createTempDirectory("integrity-desk-crash");
    long began = System.nanoTime();
    List<Acknowledged> acknowledged = new ArrayList<>();
    List<String> started = new ArrayList<>();
    int unanswered = 0;
    boolean passed = false;
    try {
      App app = App.start(folder);
      deployOneTaskProcess(app.port);
      try {
        for (int round = 1; round <= rounds; round++) {
          App running = app;
          Load load = Load.start(running.port, round, CLIENTS);
          // kill once this round has a few acknowledged complaints and starts, while the clients keep submitting
          Eventually.within(Duration.ofSeconds(60), "acknowledged complaints and starts in round " + round,
              () -> load.acknowledged.size() >= 15 && load.startedProcesses.size() >= 10
                  || !running.process.isAlive());
          assertThat(app.process.isAlive()).as("the application is running (see %s)", app.log).isTrue();
          app.kill();
          List<Acknowledged> thisRound = load.stop();
          unanswered += load.failed.get();
          assertThat(load.refused).as("answers other than 201 (200 for a start) while the application ran").isEmpty();
          acknowledged.addAll(thisRound);
          started.addAll(load.startedProcesses());

          app = App.start(folder);
          for (Acknowledged complaint : acknowledged) {
            HttpResponse<String> status = get(app.port, "/api/complaints/" + complaint.trackingNumber(),
                Map.of("X-Receipt-Code", complaint.receiptCode()));
            assertThat(status.statusCode()).as("acknowledged %s (round %d) after the kill of round %d: %s",
                complaint.trackingNumber(), complaint.round(), round, status.body()).isEqualTo(200);
            assertThat(JSON.readTree(status.body()).get("trackingNumber").asText()).isEqualTo(complaint.trackingNumber());
          }
          Set<String> numbers = new HashSet<>();
          acknowledged.forEach(a -> assertThat(numbers.add(a.trackingNumber())).as("%s handed out twice", a).isTrue());
        }
        // a normal stop (SIGTERM) closes the engine while its database is still open: H2's own exit hook must not
        // close the file first (the engine then cannot write its last metrics or finish closing)
        app.stop();
        assertThat(Files.readString(app.log)).as(app.log.toString())
            .contains("Shutting down the JobExecutor")
            .doesNotContain("Database is already closed")
            .doesNotContain("Invocation of destroy method failed");
      } finally {
        app.stop();
      }
      // on the files themselves: one complaint row and one case (process instance) per acknowledged number
      try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("data/integrity-desk"), "sa", "");
           PreparedStatement rows = db.prepareStatement("SELECT (SELECT COUNT(*) FROM complaint WHERE tracking_number = ?),"
               + " (SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ = ? AND proc_def_key_ = 'complaint-lifecycle')")) {
        for (Acknowledged complaint : acknowledged) {
          rows.setString(1, complaint.trackingNumber());
          rows.setString(2, complaint.trackingNumber());
          try (ResultSet rs = rows.executeQuery()) {
            rs.next();
            assertThat(List.of(rs.getInt(1), rs.getInt(2))).as(complaint.trackingNumber()).containsExactly(1, 1);
          }
        }
        try (PreparedStatement starts = db.prepareStatement("SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ = ?"
            + " AND proc_def_key_ = 'crash-one-task'")) {
          for (String businessKey : started) {
            starts.setString(1, businessKey);
            try (ResultSet rs = starts.executeQuery()) {
              rs.next();
              assertThat(rs.getInt(1)).as("process started through /engine-rest as %s", businessKey).isEqualTo(1);
            }
          }
        }
      }
      assertThat(started).as("processes started through /engine-rest").isNotEmpty();
      passed = true;
      System.out.printf("CRASH-TEST rounds=%d acknowledged=%d lost=0 reused=0 engine-starts=%d lost=0"
          + " unanswered-at-kill=%d seconds=%.1f%n", rounds, acknowledged.size(), started.size(), unanswered, (System.nanoTime() - began) / 1e9);
    } finally {
      if (passed) {
        FileSystemUtils.deleteRecursively(folder);
      } else {
        System.out.println("CRASH-TEST failed: database and application logs kept in " + folder);
      }
    }
  }

  /** The application in a JVM of its own, started from the folder (its ./data/ holds the database). */
  static final class App {
    final Process process;
    final int port;
    final Path log;

    private App(Process process, int port, Path log) {
      this.process = process;
      this.port = port;
      this.log = log;
    }

    static App start(Path folder) throws IOException {
      return start(folder, new String[0]);
    }

    /** With more arguments for the application (settings of a test of its own). */
    static App start(Path folder, String... more) throws IOException {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Path log = folder.resolve("app-" + port + ".log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"), IntegrityDeskApplication.class.getName(),
          "--server.port=" + port, "--camunda.bpm.job-execution.wait-time-in-millis=500",
          // the test asks the status of every acknowledged complaint, far more often than one reader may
          "--integrity-desk.rate-limit.public-reads=1000000"));
      command.addAll(List.of(more));
      Process process = new ProcessBuilder(command)
          .directory(folder.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      App app = new App(process, port, log);
      try {
        Eventually.within(Duration.ofSeconds(120), "the application on port " + port + " (log: " + log + ")", () -> {
          if (!process.isAlive()) {
            throw new AssertionError("the application stopped: " + tail(log));
          }
          try {
            return get(port, "/actuator/health", Map.of()).statusCode() == 200;
          } catch (Exception notYet) {
            return false;
          }
        });
      } catch (AssertionError | RuntimeException e) {
        process.destroyForcibly();
        throw e;
      }
      return app;
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful anything. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }

    private static String tail(Path log) {
      try {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
      } catch (IOException e) {
        return e.toString();
      }
    }
  }

  /** Client threads submitting complaints until stopped; what was answered 201 is acknowledged. */
  static final class Load {
    final List<Acknowledged> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> startedProcesses = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger failed = new AtomicInteger();
    final List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients;

    private Load(ExecutorService clients) {
      this.clients = clients;
    }

    static Load start(int port, int round, int threads) {
      Load load = new Load(Executors.newFixedThreadPool(threads + OFFICERS));
      for (int o = 0; o < OFFICERS; o++) {
        int officer = o;
        load.clients.submit(() -> {
          HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
          for (int i = 0; load.running.get(); i++) {
            String businessKey = "CRASH-" + round + "-" + officer + "-" + i;
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/engine-rest/process-definition/key/crash-one-task/start"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json").header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"businessKey\":\"" + businessKey + "\",\"variables\":"
                    + "{\"subject\":{\"value\":\"round " + round + "\",\"type\":\"String\"}}}"))
                .build();
            try {
              HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
              if (answer.statusCode() == 200) {
                load.startedProcesses.add(businessKey);
              } else {
                load.refused.add(answer.statusCode() + " " + answer.body());
              }
            } catch (IOException killed) {
              if (!load.running.get()) {
                return null;
              }
              Thread.sleep(50);
            }
          }
          return null;
        });
      }
      for (int t = 0; t < threads; t++) {
        int client = t;
        load.clients.submit(() -> {
          HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
          for (int i = 0; load.running.get(); i++) {
            ObjectNode body = complaint(round, client, i);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            if (i % 2 == 1) {
              // half with an Idempotency-Key: their receipt code is derived from it, not random
              request.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            try {
              HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
              if (answer.statusCode() == 201) {
                JsonNode receipt = JSON.readTree(answer.body());
                load.acknowledged.add(new Acknowledged(receipt.get("trackingNumber").asText(),
                    receipt.get("receiptCode").asText(), round));
              } else {
                load.refused.add(answer.statusCode() + " " + answer.body());
              }
            } catch (IOException killed) {
              load.failed.incrementAndGet();
              if (!load.running.get()) {
                return null;
              }
              Thread.sleep(50);
            }
          }
          return null;
        });
      }
      return load;
    }

    List<String> startedProcesses() {
      synchronized (startedProcesses) {
        return new ArrayList<>(startedProcesses);
      }
    }

    /** Stops the clients (after the kill) and returns what was acknowledged. */
    List<Acknowledged> stop() throws InterruptedException {
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      synchronized (acknowledged) {
        return new ArrayList<>(acknowledged);
      }
    }
  }

  private static final String ADMIN = "Basic " + java.util.Base64.getEncoder()
      .encodeToString("admin:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  /** A process of one user task, deployed by the demo's admin through /engine-rest, for the officers' client. */
  static void deployOneTaskProcess(int port) throws IOException, InterruptedException {
    String bpmn = OneTaskProcess.bpmn("crash-one-task", "Crash test: one task");
    String boundary = "crash-" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ncrash-one-task\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"crash-one-task.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> deployed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .timeout(Duration.ofSeconds(30)).header("Authorization", ADMIN)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(deployed.statusCode()).as("deploying the officers' process: %s", deployed.body()).isEqualTo(200);
  }

  static ObjectNode complaint(int round, int client, int i) {
    ObjectNode c = JSON.createObjectNode();
    c.put("channel", "WEB");
    c.put("category", i % 3 == 0 ? "PROCUREMENT" : "BRIBERY");
    c.put("subject", "รอบ " + round + " เรื่องที่ " + i + " / Round " + round + " complaint " + client + "-" + i);
    c.put("description", "ข้อเท็จจริง / Facts " + UUID.randomUUID());
    ObjectNode accused = c.putObject("accused");
    accused.put("unit", "กองคลัง");
    accused.put("rank", "OPERATIONAL");
    return c;
  }

  static HttpResponse<String> get(int port, String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(20)).GET();
    headers.forEach(request::header);
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

package th.go.integritydesk.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The application as operators run it: {@code java -jar} of the built jar, in its own JVM, from the project folder. */
final class App implements AutoCloseable {

  final String name;
  final int port;
  final Process process;
  final Web web;
  final long startupMillis;

  private App(String name, int port, Process process, long startupMillis) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.web = new Web(port);
    this.startupMillis = startupMillis;
  }

  /** The H2 file database of the embedded default (its settings, durable commits included), in a folder of its own. */
  static List<String> h2(Path folder) {
    return List.of("--spring.datasource.url=jdbc:h2:file:" + folder.resolve("integrity-desk").toAbsolutePath()
        + ";LOCK_TIMEOUT=10000;WRITE_DELAY=100;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256");
  }

  /** The postgres profile on a database of the harness's PostgreSQL (the demo users seeded, as in the README). */
  static List<String> postgres(String jdbcUrl) {
    return List.of("--spring.profiles.active=postgres,demo", "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
  }

  /** Starts the jar and waits until /actuator/health says UP; the time from launch to healthy is kept. */
  static App start(Bench bench, String name, int port, List<String> arguments) throws IOException, InterruptedException {
    return start(bench, name, port, arguments, List.of());
  }

  /** The same, with options for the application's JVM (a profiler, for one start). */
  static App start(Bench bench, String name, int port, List<String> arguments, List<String> jvmOptions)
      throws IOException, InterruptedException {
    return start(bench, name, port, arguments, jvmOptions, bench.jar);
  }

  /** The same, of another form of the jar (the extracted one of the README's faster start). */
  static App start(Bench bench, String name, int port, List<String> arguments, List<String> jvmOptions, Path jar)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String opts = System.getenv("BENCH_APP_JAVA_OPTS");
    if (opts != null && !opts.isBlank()) {
      command.addAll(List.of(opts.trim().split("\\s+")));
    }
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.addAll(arguments);
    Path log = bench.out.resolve("logs").resolve(name + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).directory(bench.project.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    long t0 = System.nanoTime();
    Process process = builder.start();
    Web web = new Web(port);
    long deadline = t0 + TimeUnit.SECONDS.toNanos(240);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up; see " + log
            + "\n" + tail(log));
      }
      Web.Reply health = web.get("/actuator/health", null);
      if (health.status() == 200 && health.body().contains("\"status\":\"UP\"")) {
        break;
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException(name + " not healthy after 240 s; see " + log + "\n" + tail(log));
      }
      Thread.sleep(50);
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    Bench.log("%s healthy on port %d after %d ms", name, port, millis);
    return new App(name, port, process, millis);
  }

  long pid() {
    return process.pid();
  }

  /** A thread dump of the running application (jcmd Thread.print). */
  String threadDump() {
    try {
      Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          String.valueOf(pid()), "Thread.print").redirectErrorStream(true).start();
      String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jcmd.waitFor(60, TimeUnit.SECONDS);
      return text;
    } catch (IOException e) {
      return "jcmd failed: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** SIGKILL, as a crash. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(40, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(20, TimeUnit.SECONDS);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  static Path newFolder(Bench bench, String name) throws IOException {
    Path folder = bench.out.resolve("data").resolve(name);
    if (Files.exists(folder)) {
      try (var paths = Files.walk(folder)) {
        paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
    return Files.createDirectories(folder);
  }
}

package th.go.integritydesk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark harness (not part of mvn verify). One phase per invocation, so that benchmarks/run can hold the
 * shared build lock around each heavy phase only: {@code Bench <phase>} writes target/benchmarks/<phase>.md and
 * <phase>.targets; {@code Bench report} assembles benchmarks/RESULTS.md from them. Sizes are system properties
 * (bench.*), with a quick mode for trying it out (bench.mode=quick).
 */
public final class Bench {

  static final List<String> PHASES = List.of("startup", "intake-h2", "intake-pg", "happy-path", "task-page", "backlog",
      "reading", "crash");

  final Path project;
  final Path out;
  final Path jar;
  final boolean quick;
  final int basePort;
  final StringBuilder section = new StringBuilder();
  final List<String> targets = new ArrayList<>();

  Bench() throws IOException {
    project = Path.of(System.getProperty("bench.project", ".")).toAbsolutePath().normalize();
    out = project.resolve("target/benchmarks");
    Files.createDirectories(out);
    jar = findJar(project);
    quick = "quick".equals(System.getProperty("bench.mode", "full"));
    basePort = Integer.getInteger("bench.port", 18086);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: Bench <" + String.join("|", PHASES) + "|report>");
      System.exit(2);
    }
    Bench bench = new Bench();
    String phase = args[0];
    if (phase.equals("report")) {
      Report.write(bench);
      return;
    }
    long t0 = System.nanoTime();
    try {
      switch (phase) {
        case "startup" -> Phases.startup(bench);
        case "intake-h2" -> Phases.intake(bench, false);
        case "intake-pg" -> Phases.intake(bench, true);
        case "happy-path" -> Phases.happyPath(bench);
        case "task-page" -> TaskPage.run(bench);
        case "backlog" -> Backlog.run(bench);
        case "reading" -> Reading.run(bench);
        default -> throw new IllegalArgumentException("unknown phase " + phase);
      }
    } catch (Exception | AssertionError e) {
      bench.line("");
      bench.line("**The phase failed:** `" + e.toString().replace('\n', ' ') + "` (log: target/benchmarks/logs/).");
      bench.save(phase, (System.nanoTime() - t0) / 1e9);
      log("phase %s failed: %s", phase, e);
      e.printStackTrace();
      System.exit(1);
    }
    bench.save(phase, (System.nanoTime() - t0) / 1e9);
    System.exit(0);
  }

  int intProperty(String name, int full, int quickValue) {
    return Integer.getInteger("bench." + name, quick ? quickValue : full);
  }

  List<Integer> sizes(String name, String full, String quickValue) {
    String value = System.getProperty("bench." + name, quick ? quickValue : full);
    return Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
  }

  void line(String text) {
    section.append(text).append('\n');
  }

  void line(String format, Object... args) {
    line(String.format(Locale.ROOT, format, args));
  }

  /**
   * A figure with its target: name | figure | target | verdict. {@code margin} says by how much (e.g. "-35%").
   */
  void target(String name, String figure, String target, boolean met, String margin) {
    targets.add(String.join("\t", name, figure, target, met ? "pass" : "MISS", margin));
  }

  static String margin(double figure, double limit, boolean higherIsBetter) {
    double ratio = figure / limit;
    if (higherIsBetter) {
      return ratio >= 1 ? String.format(Locale.ROOT, "%.1f× the target", ratio)
          : String.format(Locale.ROOT, "%.0f%% below", (1 - ratio) * 100);
    }
    return ratio <= 1 ? String.format(Locale.ROOT, "%.0f%% under the limit", (1 - ratio) * 100)
        : String.format(Locale.ROOT, "%.1f× the limit", ratio);
  }

  void save(String phase, double seconds) throws IOException {
    line("");
    line("_Phase time: %.0f s._", seconds);
    Files.writeString(out.resolve(phase + ".md"), section.toString(), StandardCharsets.UTF_8);
    Files.write(out.resolve(phase + ".targets"), targets, StandardCharsets.UTF_8);
  }

  /** A file kept with the results (thread dumps, query plans): benchmarks/profiles/NAME. */
  String keep(String name, String content) throws IOException {
    Path dir = project.resolve("benchmarks/profiles");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    return "benchmarks/profiles/" + name;
  }

  static void log(String format, Object... args) {
    System.out.println(LocalTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " [bench] "
        + String.format(Locale.ROOT, format, args));
    System.out.flush();
  }

  private static Path findJar(Path project) throws IOException {
    try (var files = Files.list(project.resolve("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("integrity-desk-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-plain.jar") && !p.toString().endsWith(".original"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no target/integrity-desk-*.jar: build it first"));
    }
  }

  static String now() {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  static Map<String, String> machine() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    m.put("memory", readFirst(Path.of("/proc/meminfo"), "MemTotal"));
    m.put("cpu", readFirst(Path.of("/proc/cpuinfo"), "model name").replaceFirst("^model name\\s*:\\s*", ""));
    m.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("OS", readFirst(Path.of("/etc/os-release"), "PRETTY_NAME").replace("PRETTY_NAME=", "").replace("\"", "")
        + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
    return m;
  }

  private static String readFirst(Path file, String prefix) {
    try {
      return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("?")
          .replaceAll("\\s+", " ").trim();
    } catch (IOException e) {
      return "?";
    }
  }
}

package th.go.integritydesk.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The README's faster start (Production, *Faster start*): the jar extracted by Spring Boot's {@code jarmode=tools}
 * (the libraries as plain jars on the class path instead of jars nested in the jar) and a class-data-sharing archive
 * written by one training start that stops once the application context is refreshed. The commands are the README's.
 */
final class ExtractedJar {

  static final String ARCHIVE = "integrity-desk.jsa";

  final Path jar;
  final Path archive;
  final long trainingMillis;

  private ExtractedJar(Path jar, Path archive, long trainingMillis) {
    this.jar = jar;
    this.archive = archive;
    this.trainingMillis = trainingMillis;
  }

  /** Extracts the built jar into target/benchmarks/extracted and writes its archive there. */
  static ExtractedJar prepare(Bench bench) throws IOException, InterruptedException {
    Path folder = App.newFolder(bench, "extracted");
    Path logs = bench.out.resolve("logs");
    run(bench, logs.resolve("extract.log"), "-Djarmode=tools", "-jar", bench.jar.toString(), "extract",
        "--destination", folder.toString());
    Path jar = folder.resolve(bench.jar.getFileName());
    Path archive = folder.resolve(ARCHIVE);
    long t0 = System.nanoTime();
    run(bench, logs.resolve("cds-training.log"), "-XX:ArchiveClassesAtExit=" + archive,
        "-Dspring.context.exit=onRefresh", "-jar", jar.toString(), "--spring.profiles.active=demo",
        "--spring.datasource.url=jdbc:h2:mem:cds-training");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    if (!archive.toFile().isFile()) {
      throw new IllegalStateException("the training start wrote no " + archive + "; see " + logs.resolve("cds-training.log"));
    }
    Bench.log("extracted jar and class-data-sharing archive ready (training start: %d ms)", millis);
    return new ExtractedJar(jar, archive, millis);
  }

  /** The JVM option that starts with the archive. */
  List<String> options() {
    return List.of("-XX:SharedArchiveFile=" + archive);
  }

  private static void run(Bench bench, Path log, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(bench.project.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes; see " + log);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + "; see " + log);
    }
  }
}

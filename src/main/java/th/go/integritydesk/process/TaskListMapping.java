package th.go.integritydesk.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's configuration as the Camunda starter builds it, with one SQL mapping replaced: the task query's
 * (docs/adr/0009-task-lists-without-the-authorization-join.md). Camunda 7.24 checks a task's authorizations by
 * joining every task row with {@code ACT_RU_AUTHORIZATION ON RESOURCE_ID_ IN (task id, definition key, '*')}; an
 * OR in a join condition cannot be hashed, so PostgreSQL answers Tasklist's lists with a nested loop that grows with
 * the square of a group's open tasks (1.5 s at 3,000). {@code th/go/integritydesk/process/mapping/Task.xml} is
 * Camunda's own {@code Task.xml} with that join replaced by three membership tests on the same grants (the approach
 * the Camunda 7 forks CIBSeven and Operaton took); {@code TaskListMappingTest} proves the file is exactly Camunda's
 * plus that change, and that every user sees exactly the tasks the authorization service grants them.
 */
@Configuration(proxyBeanMethods = false)
public class TaskListMapping {

  static final String CAMUNDA_TASK_MAPPER = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  static final String OUR_TASK_MAPPER = "th/go/integritydesk/process/mapping/Task.xml";

  /** Replaces the starter's own bean of this type (it is {@code @ConditionalOnMissingBean}); the same set-up. */
  @Bean
  public ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins) {
    SpringProcessEngineConfiguration configuration = CamundaSpringBootUtil.initCustomFields(new Configured());
    configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
    return configuration;
  }

  /** Camunda's list of mappers with our task mapper in place of Camunda's; fails the start if Camunda's is gone. */
  static String mappers() {
    String camunda = read(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE);
    String line = "<mapper resource=\"" + CAMUNDA_TASK_MAPPER + "\" />";
    if (camunda.indexOf(line) < 0 || camunda.indexOf(line) != camunda.lastIndexOf(line)) {
      throw new IllegalStateException("Camunda's " + ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE
          + " no longer lists " + CAMUNDA_TASK_MAPPER + " once: re-derive " + OUR_TASK_MAPPER + " (ADR 0009)");
    }
    return camunda.replace(line, "<mapper resource=\"" + OUR_TASK_MAPPER + "\" />");
  }

  static String read(String resource) {
    try (InputStream in = TaskListMapping.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing on the classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final class Configured extends SpringProcessEngineConfiguration {
    /** The same data source, with the engine's queries planned with their values on PostgreSQL. */
    @Override
    public ProcessEngineConfigurationImpl setDataSource(DataSource dataSource) {
      return super.setDataSource(new QueriesPlannedWithTheirValues(dataSource));
    }

    @Override
    protected InputStream getMyBatisXmlConfigurationSteam() {
      return new ByteArrayInputStream(mappers().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Camunda's own steps, with the parse of the mappings most likely done already on a thread of its own
     * ({@link SqlMappingsParsedAhead}); the shared factory of Camunda's tests, or one set from outside, as before.
     */
    @Override
    protected void initSqlSessionFactory() {
      if (sqlSessionFactory != null || isUseSharedSqlSessionFactory) {
        super.initSqlSessionFactory();
        return;
      }
      org.apache.ibatis.session.Configuration configuration =
          SqlMappingsParsedAhead.take(databaseType, databaseTablePrefix);
      configuration.setEnvironment(new Environment("default", transactionFactory, dataSource));
      configuration.setDefaultStatementTimeout(jdbcStatementTimeout);
      if (isJdbcBatchProcessing()) {
        configuration.setDefaultExecutorType(ExecutorType.BATCH);
      }
      sqlSessionFactory = new DefaultSqlSessionFactory(configuration);
    }
  }
}

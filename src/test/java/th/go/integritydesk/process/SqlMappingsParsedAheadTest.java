package th.go.integritydesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The engine's SQL mappings parsed ahead reach only an engine on the database they were parsed for, and only one.
 * That every engine of the suite runs on mappings parsed this way (the Spring tests' contexts on H2 take the parse
 * their environment started; those on PostgreSQL parse again) is the rest of the suite.
 */
class SqlMappingsParsedAheadTest {

  @Test
  void theDatabaseTypeIsTheEnginesNameForTheJdbcUrl() {
    assertThat(SqlMappingsParsedAhead.typeOf("jdbc:h2:file:./data/integrity-desk;WRITE_DELAY=0")).isEqualTo("h2");
    assertThat(SqlMappingsParsedAhead.typeOf("JDBC:H2:mem:x")).isEqualTo("h2");
    assertThat(SqlMappingsParsedAhead.typeOf("jdbc:postgresql://db:5432/desk")).isEqualTo("postgres");
    assertThat(SqlMappingsParsedAhead.typeOf("jdbc:mysql://db/desk")).isNull();
    assertThat(SqlMappingsParsedAhead.typeOf(null)).isNull();
  }

  @Test
  void aParseAheadIsHandedOutOnceAndOnlyToAnEngineOnItsOwnDatabaseAndPrefix() {
    SqlMappingsParsedAhead.start("postgres", "");
    assertThat(SqlMappingsParsedAhead.waiting()).isTrue();
    Configuration onH2 = SqlMappingsParsedAhead.take("h2", "");
    assertThat(SqlMappingsParsedAhead.waiting()).isFalse();
    assertThat(ifNull(onH2)).as("parsed again for H2, not handed PostgreSQL's SQL").isEqualTo("IFNULL");

    SqlMappingsParsedAhead.start("postgres", "");
    Configuration prefixed = SqlMappingsParsedAhead.take("postgres", "desk.");
    assertThat(prefixed.getVariables().getProperty("prefix")).isEqualTo("desk.");

    SqlMappingsParsedAhead.start("postgres", "");
    Configuration first = SqlMappingsParsedAhead.take("postgres", "");
    Configuration second = SqlMappingsParsedAhead.take("postgres", "");
    assertThat(first).isNotSameAs(second);
    for (Configuration parsed : new Configuration[] {first, second}) {
      assertThat(ifNull(parsed)).isEqualTo("COALESCE");
      assertThat(parsed.getVariables().getProperty("prefix")).isEmpty();
      assertThat(parsed.getEnvironment()).as("the engine sets its own").isNull();
      // our task mapper in place of Camunda's (ADR 0009): its statements are there, under Camunda's names
      assertThat(parsed.hasStatement(
          "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria")).isTrue();
      assertThat(parsed.getMappedStatementNames().size()).isGreaterThan(1000);
    }
  }

  private static String ifNull(Configuration parsed) {
    return parsed.getVariables().getProperty("dbSpecificIfNullFunction");
  }
}

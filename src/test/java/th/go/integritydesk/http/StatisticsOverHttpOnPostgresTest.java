package th.go.integritydesk.http;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.postgres.PostgresForTests;

/** The ITA statistics on a real PostgreSQL: the same fixture gives the same table (month arithmetic is in Java). */
// after the H2 HTTP tests, as the other *OnPostgresTest classes (the engine name "default" is shared)
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
@DirtiesContext
class StatisticsOverHttpOnPostgresTest extends StatisticsOverHttpTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresForTests.register(registry, "statistics_http");
  }
}

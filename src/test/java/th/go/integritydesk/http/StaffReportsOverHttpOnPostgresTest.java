package th.go.integritydesk.http;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.postgres.PostgresForTests;

/** The staff reports on a real PostgreSQL: the aggregates (PERCENTILE_DISC, the overdue page) run there as on H2. */
// after the H2 HTTP tests, as the other *OnPostgresTest classes (the engine name "default" is shared)
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
@DirtiesContext
class StaffReportsOverHttpOnPostgresTest extends StaffReportsOverHttpTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresForTests.register(registry, "staff_reports_http");
  }
}

package th.go.integritydesk.http;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.postgres.PostgresForTests;

/**
 * The webapps' walkthrough on a real PostgreSQL: Cockpit's own queries (incidents, process instances and their count)
 * run on a MyBatis set-up of Cockpit's that borrows the engine's data source, the one that plans queries with their
 * values (process.QueriesPlannedWithTheirValues).
 */
// after the H2 HTTP tests, like the other *OnPostgresTest classes (see LifecycleOverHttpOnPostgresTest)
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
@DirtiesContext
class WebappsThroughTheGateOnPostgresTest extends WebappsThroughTheGateTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresForTests.register(registry, "webapps_gate");
  }
}

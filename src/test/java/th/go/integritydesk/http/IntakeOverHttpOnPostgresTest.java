package th.go.integritydesk.http;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.postgres.PostgresForTests;

/** The public intake over HTTP, on a real PostgreSQL. */
// after the H2 HTTP tests: closing this context unregisters the engine name "default" they share (Camunda's
// static engine registry), and nodes started here must not overlap the cached test contexts
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
@DirtiesContext
class IntakeOverHttpOnPostgresTest extends IntakeOverHttpTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresForTests.register(registry, "intake_http");
  }
}

package th.go.integritydesk.http;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.postgres.PostgresForTests;

/** The lifecycle over HTTP, on a real PostgreSQL. */
@DirtiesContext
class LifecycleOverHttpOnPostgresTest extends LifecycleOverHttpTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresForTests.register(registry, "lifecycle_http");
  }
}

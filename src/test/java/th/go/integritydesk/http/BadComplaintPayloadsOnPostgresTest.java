package th.go.integritydesk.http;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.postgres.PostgresForTests;

/** The bad-payload table, on a real PostgreSQL. */
@DirtiesContext
class BadComplaintPayloadsOnPostgresTest extends BadComplaintPayloadsTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresForTests.register(registry, "bad_payloads_http");
  }
}

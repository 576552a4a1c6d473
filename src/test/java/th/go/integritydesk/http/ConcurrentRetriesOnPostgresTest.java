package th.go.integritydesk.http;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.postgres.PostgresForTests;

/** Concurrent retries with one Idempotency-Key on a real PostgreSQL (a retry waits for the first one's key, then fails on it). */
// after the H2 HTTP tests (see IntakeOverHttpOnPostgresTest)
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
@DirtiesContext
class ConcurrentRetriesOnPostgresTest extends ConcurrentRetriesTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresForTests.register(registry, "retries");
  }
}

package th.go.integritydesk.http;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.postgres.PostgresForTests;

/** The need-to-know matrix on a real PostgreSQL. */
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
@DirtiesContext
class NeedToKnowMatrixOnPostgresTest extends NeedToKnowMatrixTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresForTests.register(registry, "need_to_know");
  }
}

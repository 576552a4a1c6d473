package th.go.integritydesk.http;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.postgres.PostgresForTests;

/** Concurrent first complaints of a fiscal year, on a real PostgreSQL (where they first answered 500). */
// after the H2 HTTP tests (see IntakeOverHttpOnPostgresTest)
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
@DirtiesContext
class FirstComplaintsOfAYearOnPostgresTest extends FirstComplaintsOfAYearTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresForTests.register(registry, "first_of_year");
  }
}

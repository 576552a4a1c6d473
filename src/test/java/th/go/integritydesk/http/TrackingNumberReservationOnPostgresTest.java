package th.go.integritydesk.http;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.postgres.PostgresForTests;

/** Reserved tracking numbers on a real PostgreSQL. */
// after the H2 HTTP tests (see IntakeOverHttpOnPostgresTest)
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
@DirtiesContext
class TrackingNumberReservationOnPostgresTest extends TrackingNumberReservationTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresForTests.register(registry, "reservations");
  }
}

package th.go.integritydesk.http;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.postgres.PostgresForTests;

/** The engine gate's attack suite on a real PostgreSQL. */
// after the H2 HTTP tests, like the other *OnPostgresTest classes (see LifecycleOverHttpOnPostgresTest)
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
@DirtiesContext
class EngineGateAttacksOnPostgresTest extends EngineGateAttacksTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresForTests.register(registry, "engine_gate_attacks");
  }
}

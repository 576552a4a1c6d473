package th.go.integritydesk.http;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.postgres.PostgresForTests;

/** The task list's authorization check on a real PostgreSQL. */
// after the H2 HTTP tests, like the other *OnPostgresTest classes (see LifecycleOverHttpOnPostgresTest)
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
@DirtiesContext
class TaskListAuthorizationOnPostgresTest extends TaskListAuthorizationTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresForTests.register(registry, "task_list_authorization");
  }
}

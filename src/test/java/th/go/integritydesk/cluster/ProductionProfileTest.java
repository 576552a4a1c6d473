package th.go.integritydesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import th.go.integritydesk.postgres.PostgresForTests;

/** The production profile refuses demo accounts and default passwords, and creates the first admin only from the environment. */
// after every test that uses a cached Spring test context
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 2)
class ProductionProfileTest {

  private static Map<String, Object> production(String database) {
    Map<String, Object> properties = new HashMap<>(PostgresForTests.properties(database));
    properties.put("spring.profiles.active", "production");
    properties.put("integrity-desk.intake.receipt-secret", "a-test-secret-that-is-long-enough-1234567890");
    properties.put("logging.structured.format.console", "");
    return properties;
  }

  @Test
  void refusesToStartWhileTheDemoUsersExist() {
    Map<String, Object> demo = new HashMap<>(PostgresForTests.properties("production_with_demo"));
    Nodes.start("demo-first", demo).close();

    assertThatThrownBy(() -> Nodes.start("production", production("production_with_demo")))
        .hasStackTraceContaining("demo user");
  }

  @Test
  void createsTheFirstAdministratorOnlyFromAStrongPasswordAndRefusesDefaultPasswords() {
    Map<String, Object> weak = production("production_clean");
    weak.put("integrity-desk.admin.password", "admin");
    ConfigurableApplicationContext noAdmin = Nodes.start("production-weak-admin", weak);
    try {
      assertThat(noAdmin.getBean(IdentityService.class).createUserQuery().count()).isZero();
    } finally {
      noAdmin.close();
    }

    Map<String, Object> strong = production("production_clean");
    strong.put("integrity-desk.admin.password", "Ch00se-a-l0ng-passphrase!");
    ConfigurableApplicationContext node = Nodes.start("production-strong-admin", strong);
    try {
      IdentityService identity = node.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").singleResult().getId()).isEqualTo("admin");
      assertThat(identity.checkPassword("admin", "Ch00se-a-l0ng-passphrase!")).isTrue();
      User clerk = identity.newUser("clerk");
      clerk.setPassword("changeme");
      identity.saveUser(clerk);
    } finally {
      node.close();
    }

    assertThatThrownBy(() -> Nodes.start("production-again", production("production_clean")))
        .hasStackTraceContaining("well-known default password");
  }
}

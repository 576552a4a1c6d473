package th.go.integritydesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import th.go.integritydesk.identity.MinistryDirectory;
import th.go.integritydesk.postgres.PostgresForTests;

/** The production profile refuses demo accounts and default passwords, and creates the first admin only from the environment. */
// after every test that uses a cached Spring test context
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 2)
class ProductionProfileTest {

  private static Map<String, Object> production(String database) {
    Map<String, Object> properties = new HashMap<>(PostgresForTests.properties(database));
    properties.put("spring.profiles.active", "production");
    properties.put("integrity-desk.intake.receipt-secret", "a-test-secret-that-is-long-enough-1234567890");
    properties.put("integrity-desk.storage.master-key-file", MASTER_KEY.toString());
    properties.put("integrity-desk.custodians.recovery-key-folder", MASTER_KEY.resolveSibling("custodians").toString());
    properties.put("logging.structured.format.console", "");
    return properties;
  }

  /** A master key file of the operator's, made as README says (production never makes its own). */
  private static final java.nio.file.Path MASTER_KEY = masterKey();

  private static java.nio.file.Path masterKey() {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempDirectory("integrity-desk-production")
          .resolve("master-key.json");
      th.go.integritydesk.storage.MasterKeyTool.run("master-key", "new", file.toString());
      return file;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Data at rest: without the master key (neither in the environment nor a file) production does not start. */
  @Test
  void refusesToStartWithoutTheMasterKey() {
    Map<String, Object> keyless = production("production_keyless");
    keyless.remove("integrity-desk.storage.master-key-file");
    keyless.put("integrity-desk.admin.password", "A-Strong-Passw0rd-For-Tests!");
    assertThatThrownBy(() -> Nodes.start("production-keyless", keyless)).hasStackTraceContaining("No master key");
    Map<String, Object> missingFile = production("production_keyless");
    missingFile.put("integrity-desk.storage.master-key-file", MASTER_KEY.resolveSibling("absent.json").toString());
    missingFile.put("integrity-desk.admin.password", "A-Strong-Passw0rd-For-Tests!");
    assertThatThrownBy(() -> Nodes.start("production-keyless", missingFile)).hasStackTraceContaining("does not exist");
  }

  static int setup(int port, String userId) {
    String body = "{\"profile\":{\"id\":\"" + userId.replace("\"", "") + "\",\"firstName\":\"x\",\"lastName\":\"y\"},"
        + "\"credentials\":{\"password\":\"Intruder-passw0rd!\"}}";
    try {
      return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://localhost:" + port + "/camunda/api/admin/setup/default/user/create"))
          .header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
          java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void refusesToStartWhileTheDemoUsersExist() {
    Map<String, Object> demo = new HashMap<>(PostgresForTests.properties("production_with_demo"));
    Nodes.start("demo-first", demo).close();

    assertThatThrownBy(() -> Nodes.start("production", production("production_with_demo")))
        .hasStackTraceContaining("demo user");
  }

  @Test
  void createsTheFirstAdministratorOnlyFromAStrongPasswordAndRefusesDefaultPasswords() throws Exception {
    // attack #7: no administrator and no (or a weak) password: refuse to start, never run open to a first-comer
    assertThatThrownBy(() -> Nodes.start("production-no-admin", production("production_clean")))
        .hasStackTraceContaining("no administrator exists");
    Map<String, Object> weak = production("production_clean");
    weak.put("integrity-desk.admin.password", "admin");
    assertThatThrownBy(() -> Nodes.start("production-weak-admin", weak))
        .hasStackTraceContaining("no administrator exists");

    Map<String, Object> strong = production("production_clean");
    strong.put("integrity-desk.admin.password", "Ch00se-a-l0ng-passphrase!");
    ConfigurableApplicationContext node = Nodes.start("production-strong-admin", strong);
    try {
      IdentityService identity = node.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").singleResult().getId()).isEqualTo("admin");
      assertThat(identity.checkPassword("admin", "Ch00se-a-l0ng-passphrase!")).isTrue();
      // Camunda's first-run setup is refused (we create the administrator ourselves), a bad user id too, never a 500
      int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
      for (String userId : java.util.List.of("intruder", "../bad id")) {
        assertThat(setup(port, userId)).isEqualTo(403);
      }
      assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
      // the identity custodians' key was made with a recovery key for the operator; the demo's passphrase opens nothing
      th.go.integritydesk.storage.Custodians custodians = node.getBean(th.go.integritydesk.storage.Custodians.class);
      assertThatThrownBy(() -> custodians.unlock("admin", "demo"))
          .isInstanceOf(th.go.integritydesk.web.PassphraseRefused.class);
      try (var files = java.nio.file.Files.list(MASTER_KEY.resolveSibling("custodians"))) {
        assertThat(files.map(file -> {
          try {
            return java.nio.file.Files.readString(file);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }).toList()).anySatisfy(text -> assertThat(text).containsPattern("[A-Z0-9]{5}-[A-Z0-9]{5}"));
      }
      User clerk = identity.newUser("clerk");
      clerk.setPassword("changeme");
      identity.saveUser(clerk);
    } finally {
      node.close();
    }

    assertThatThrownBy(() -> Nodes.start("production-again", production("production_clean")))
        .hasStackTraceContaining("well-known default password");
  }

  @Test
  void withTheMinistrysDirectoryNeedsNoLocalPasswordButAnAdministratorInTheDirectory() {
    try (MinistryDirectory directory = MinistryDirectory.start()) {
      Map<String, Object> ldap = production("production_ldap");
      ldap.put("spring.profiles.active", "production,ldap");
      ldap.putAll(directory.properties());
      // no INTEGRITY_DESK_ADMIN_PASSWORD: the directory owns accounts and passwords, its camunda-admin group has one
      ConfigurableApplicationContext node = Nodes.start("production-ldap", ldap);
      try {
        IdentityService identity = node.getBean(IdentityService.class);
        assertThat(identity.isReadOnly()).isTrue();
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").singleResult().getId())
            .isEqualTo("director");
        assertThat(identity.checkPassword("director", MinistryDirectory.password("director"))).isTrue();
        assertThat(identity.checkPassword("admin", "admin")).isFalse();
      } finally {
        node.close();
      }

      // nobody could administer it: refuse to start rather than run unmanaged
      Map<String, Object> noAdministrator = new HashMap<>(ldap);
      noAdministrator.put("integrity-desk.ldap.group-search-filter",
          "(&(objectClass=groupOfNames)(!(cn=camunda-admin)))");
      assertThatThrownBy(() -> Nodes.start("production-ldap-no-admin", noAdministrator))
          .hasStackTraceContaining("the directory has no member of group 'camunda-admin'");
      // and the directory's address is required, not guessed
      Map<String, Object> noDirectory = new HashMap<>(ldap);
      noDirectory.put("integrity-desk.ldap.server-url", "");
      assertThatThrownBy(() -> Nodes.start("production-ldap-no-url", noDirectory))
          .hasStackTraceContaining("INTEGRITY_DESK_LDAP_URL");
    }
  }
}

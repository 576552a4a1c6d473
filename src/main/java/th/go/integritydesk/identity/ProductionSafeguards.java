package th.go.integritydesk.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Production refuses to start while a demo account exists or any account's password is a well-known default, and
 * creates the first administrator only from a password given in the environment (INTEGRITY_DESK_ADMIN_PASSWORD):
 * with no administrator and no strong password there, it refuses to start. With the ministry's directory (profile
 * ldap) the directory owns accounts and passwords: no local administrator is created and no password is asked for, but
 * it refuses to start unless the directory's {@code camunda-admin} group exists and has a member.
 */
@Component
@Profile("production")
@Order(30)
public class ProductionSafeguards extends AbstractProcessEnginePlugin {

  static final List<String> KNOWN_DEFAULTS = List.of("demo", "admin", "password", "camunda", "123456", "12345678",
      "changeme", "secret");
  private static final Logger LOG = LoggerFactory.getLogger(ProductionSafeguards.class);

  private final String adminUser;
  private final String adminPassword;

  public ProductionSafeguards(@Value("${integrity-desk.admin.user:admin}") String adminUser,
                              @Value("${integrity-desk.admin.password:}") String adminPassword) {
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    if (identity.isReadOnly()) {
      requireDirectoryAdministrator(identity);
      return;
    }
    var passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
    for (User user : identity.createUserQuery().list()) {
      // a demo account: one of the demo ids with the demo address (the password check below catches renamed ones)
      if (DemoStaff.USERS.stream().anyMatch(demo -> demo.id().equals(user.getId())
          && user.getEmail() != null && user.getEmail().endsWith(DemoStaff.EMAIL_DOMAIN))) {
        throw new IllegalStateException("Production refuses to start: demo user '" + user.getId()
            + "' exists. Remove the demo accounts (Camunda Admin) before running with the production profile.");
      }
      UserEntity entity = (UserEntity) user;
      for (String weak : candidates(user.getId())) {
        if (entity.getPassword() != null && passwords.check(org.camunda.bpm.engine.impl.util.EncryptionUtil.saltPassword(weak, entity.getSalt()), entity.getPassword())) {
          throw new IllegalStateException("Production refuses to start: user '" + user.getId()
              + "' has a well-known default password. Change it before running with the production profile.");
        }
      }
    }
    boolean hasAdmin = identity.createUserQuery().memberOfGroup(Groups.ADMIN).count() > 0;
    if (!hasAdmin) {
      if (adminPassword == null || adminPassword.length() < 12 || candidates(adminUser).contains(adminPassword)) {
        // without an administrator, whoever reached the installation first could take it over
        throw new IllegalStateException("Production refuses to start: no administrator exists and"
            + " INTEGRITY_DESK_ADMIN_PASSWORD is absent or weak (it needs 12+ characters and no well-known default)."
            + " Set it to create the first administrator.");
      }
      User admin = identity.newUser(adminUser);
      admin.setFirstName("Administrator");
      admin.setLastName("integrity-desk");
      admin.setPassword(adminPassword);
      identity.saveUser(admin);
      identity.createMembership(adminUser, Groups.ADMIN);
      LOG.info("Created the first administrator '{}' from the environment", adminUser);
    }
  }

  /** Under the directory: an administrator exists there, else nobody could manage the installation. */
  private void requireDirectoryAdministrator(IdentityService identity) {
    // the group first: the LDAP provider's member query on a missing group searches from the directory's root
    boolean adminGroup = identity.createGroupQuery().groupId(Groups.ADMIN).count() > 0;
    if (!adminGroup || identity.createUserQuery().memberOfGroup(Groups.ADMIN).count() == 0) {
      throw new IllegalStateException("Production refuses to start: the directory has no member of group '"
          + Groups.ADMIN + "' (group-id-attribute = " + Groups.ADMIN + " under the group search base)."
          + " Add the administrators to that directory group before running with the ldap profile.");
    }
    if (adminPassword != null && !adminPassword.isEmpty()) {
      LOG.warn("INTEGRITY_DESK_ADMIN_PASSWORD is ignored with the ldap profile: the directory owns passwords");
    }
  }

  private static List<String> candidates(String userId) {
    List<String> all = new java.util.ArrayList<>(KNOWN_DEFAULTS);
    all.add(userId);
    return all;
  }
}

package th.go.integritydesk.identity;

import th.go.integritydesk.process.Bilingual;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One demo user per group, password {@code demo}: only in the {@code demo} profile (the embedded default), never in
 * production. Each sits in a unit (a unit group, as camunda-admin manages them); the two investigators sit in
 * different units so the conflict-of-interest rule can be tried out. Not with the directory (profile ldap): it owns the
 * users, and the identity service is read-only.
 */
@Component
@Profile("demo & !ldap")
@Order(20)
public class DemoStaff extends AbstractProcessEnginePlugin {

  public static final String PASSWORD = "demo";
  static final String EMAIL_DOMAIN = "@integrity-desk.invalid";

  /** A demo officer; names and unit come from messages*.properties (demo.user.*, demo.unit.*). */
  record DemoUser(String id, String group, String unit) {

    String firstName() {
      return Bilingual.thai("demo.user." + id + ".firstName");
    }

    /** "รับเรื่อง (Intake officer)": what the officer does, in Thai and English. */
    String lastName() {
      String key = "demo.user." + id + ".lastName";
      return Bilingual.thai(key) + " (" + Bilingual.english(key) + ")";
    }

    /** The unit group's name, in Thai as complaints give it (e.g. "กองคลัง"). */
    String unitName() {
      return Bilingual.thai("demo.unit." + unit);
    }
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("intake", Groups.INTAKE, "unit-acoc"),
      new DemoUser("screener", Groups.SCREENING, "unit-acoc"),
      new DemoUser("supervisor", Groups.SUPERVISOR, "unit-acoc"),
      new DemoUser("investigator", Groups.INVESTIGATOR, "unit-internal-audit"),
      new DemoUser("investigator2", Groups.INVESTIGATOR, "unit-finance"),
      new DemoUser("authority", Groups.DISCIPLINARY_AUTHORITY, "unit-permanent-secretary"),
      new DemoUser("analyst", Groups.ANALYST, "unit-acoc"),
      new DemoUser("admin", Groups.ADMIN, "unit-ict"));

  /**
   * One engine command (one transaction) that reads which demo users, unit groups and memberships exist, then creates
   * the missing ones; a restart reads and writes nothing else.
   */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          createMissing(engine.getIdentityService());
          return null;
        });
  }

  private static void createMissing(IdentityService identity) {
    Set<String> users = identity.createUserQuery().userIdIn(USERS.stream().map(DemoUser::id).toArray(String[]::new))
        .list().stream().map(User::getId).collect(Collectors.toCollection(HashSet::new));
    Set<String> units = identity.createGroupQuery().groupIdIn(USERS.stream().map(DemoUser::unit).toArray(String[]::new))
        .list().stream().map(Group::getId).collect(Collectors.toCollection(HashSet::new));
    for (DemoUser demo : USERS) {
      Set<String> memberOf = new HashSet<>();
      if (users.add(demo.id())) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + EMAIL_DOMAIN);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(demo.id(), demo.group());
      } else {
        identity.createGroupQuery().groupMember(demo.id()).list().forEach(group -> memberOf.add(group.getId()));
      }
      // idempotent, so a demo database from before unit groups gets them too
      String unit = demo.unit();
      if (units.add(unit)) {
        Group group = identity.newGroup(unit);
        group.setName(demo.unitName());
        group.setType(Groups.UNIT_TYPE);
        identity.saveGroup(group);
      }
      if (!memberOf.contains(unit)) {
        identity.createMembership(demo.id(), unit);
      }
    }
  }
}

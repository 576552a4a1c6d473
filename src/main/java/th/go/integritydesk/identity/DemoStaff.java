package th.go.integritydesk.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
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

  record DemoUser(String id, String firstName, String lastName, String group, String unit) {}

  /** The demo units, as unit groups (id, name). */
  static final java.util.Map<String, String> UNITS = java.util.Map.of(
      "ศูนย์ปฏิบัติการต่อต้านการทุจริต", "unit-acoc",
      "กลุ่มตรวจสอบภายใน", "unit-internal-audit",
      "กองคลัง", "unit-finance",
      "สำนักงานปลัดกระทรวง", "unit-permanent-secretary",
      "ศูนย์เทคโนโลยีสารสนเทศ", "unit-ict");

  static final List<DemoUser> USERS = List.of(
      new DemoUser("intake", "สมใจ", "รับเรื่อง (Intake officer)", Groups.INTAKE, "ศูนย์ปฏิบัติการต่อต้านการทุจริต"),
      new DemoUser("screener", "สมชาย", "คัดกรอง (Screening officer)", Groups.SCREENING, "ศูนย์ปฏิบัติการต่อต้านการทุจริต"),
      new DemoUser("supervisor", "สมศักดิ์", "หัวหน้า (Supervisor)", Groups.SUPERVISOR, "ศูนย์ปฏิบัติการต่อต้านการทุจริต"),
      new DemoUser("investigator", "สมหญิง", "สืบสวน (Investigator)", Groups.INVESTIGATOR, "กลุ่มตรวจสอบภายใน"),
      new DemoUser("investigator2", "สมปอง", "สืบสวน (Investigator)", Groups.INVESTIGATOR, "กองคลัง"),
      new DemoUser("authority", "สมบัติ", "ผู้มีอำนาจ (Disciplinary authority)", Groups.DISCIPLINARY_AUTHORITY, "สำนักงานปลัดกระทรวง"),
      new DemoUser("analyst", "สมพร", "วิเคราะห์ (Analyst)", Groups.ANALYST, "ศูนย์ปฏิบัติการต่อต้านการทุจริต"),
      new DemoUser("admin", "ผู้ดูแล", "ระบบ (Administrator)", Groups.ADMIN, "ศูนย์เทคโนโลยีสารสนเทศ"));

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + EMAIL_DOMAIN);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(demo.id(), demo.group());
      }
      // idempotent, so a demo database from before unit groups gets them too
      String unit = UNITS.get(demo.unit());
      if (identity.createGroupQuery().groupId(unit).count() == 0) {
        Group group = identity.newGroup(unit);
        group.setName(demo.unit());
        group.setType(Groups.UNIT_TYPE);
        identity.saveGroup(group);
      }
      if (identity.createUserQuery().userId(demo.id()).memberOfGroup(unit).count() == 0) {
        identity.createMembership(demo.id(), unit);
      }
    }
  }
}

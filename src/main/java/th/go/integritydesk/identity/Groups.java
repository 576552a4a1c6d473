package th.go.integritydesk.identity;

import java.util.List;

/** The staff groups of DESIGN.md, as Camunda identity groups. */
public final class Groups {

  public static final String INTAKE = "intake";
  public static final String SCREENING = "screening";
  public static final String SUPERVISOR = "supervisor";
  public static final String INVESTIGATOR = "investigator";
  public static final String DISCIPLINARY_AUTHORITY = "disciplinary-authority";
  public static final String ANALYST = "analyst";
  public static final String ADMIN = "camunda-admin";

  public static final List<String> ALL =
      List.of(INTAKE, SCREENING, SUPERVISOR, INVESTIGATOR, DISCIPLINARY_AUTHORITY, ANALYST, ADMIN);

  /**
   * An official's organisational unit is a Camunda group of this type (id {@code unit-...}, name = the unit's name as
   * complaints give it, e.g. "กองคลัง"): {@code camunda-admin} manages units and memberships in the Admin webapp, or
   * the ministry's directory supplies them (profile ldap: a group whose type attribute says {@code unit}).
   */
  public static final String UNIT_TYPE = "unit";
  public static final String UNIT_PREFIX = "unit-";

  private Groups() {}
}

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

  /** The user-info key that holds an official's organisational unit (for conflict-of-interest checks). */
  public static final String UNIT_INFO_KEY = "unit";

  private Groups() {}
}

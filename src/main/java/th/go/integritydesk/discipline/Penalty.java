package th.go.integritydesk.discipline;

/**
 * Penalties under the Civil Service Act 2551: probation, salary cut and salary reduction for a minor offence
 * (which may also be waived with a written warning); dismissal and expulsion for a serious one.
 */
public enum Penalty {
  NONE, WAIVED_WITH_WARNING, PROBATION, SALARY_CUT, SALARY_REDUCTION, DISMISSAL, EXPULSION;

  public boolean onlyForSeriousOffences() {
    return this == DISMISSAL || this == EXPULSION;
  }

  /** Whether the accused ends up with a penalty: a waiver with a warning imposes none. */
  public boolean imposed() {
    return this != NONE && this != WAIVED_WITH_WARNING;
  }
}

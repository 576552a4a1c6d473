package th.go.integritydesk.investigation;

/** The names the {@code fact-finding} model and the code share. */
public final class FactFinding {

  public static final String PROCESS_KEY = "fact-finding";

  public static final class Elements {
    public static final String ASSIGN_INVESTIGATOR = "assign-investigator";
    public static final String CONDUCT_FACT_FINDING = "conduct-fact-finding";
    public static final String REVIEW_FINDINGS = "review-findings";
    private Elements() {}
  }

  public static final class Variables {
    public static final String INVESTIGATOR = "investigator";
    public static final String FINDINGS = "findings";
    public static final String FINDINGS_SUMMARY = "findingsSummary";
    public static final String FINDINGS_APPROVED = "findingsApproved";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String ACCUSED_UNIT = "accusedUnit";
    private Variables() {}
  }

  private FactFinding() {}
}

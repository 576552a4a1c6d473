package th.go.integritydesk.process;

/** The names the {@code fact-finding} model and the code share. */
public final class FactFinding {

  public static final String PROCESS_KEY = "fact-finding";

  public static final class Variables {
    public static final String INVESTIGATOR = "investigator";
    public static final String FINDINGS = "findings";
    public static final String FINDINGS_SUMMARY = "findingsSummary";
    public static final String FINDINGS_APPROVED = "findingsApproved";
    public static final String REVIEW_COMMENT = "reviewComment";
    private Variables() {}
  }

  private FactFinding() {}
}

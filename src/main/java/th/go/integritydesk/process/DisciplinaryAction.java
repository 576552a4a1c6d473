package th.go.integritydesk.process;

/** The names the {@code disciplinary-action} model and the code share. */
public final class DisciplinaryAction {

  public static final String PROCESS_KEY = "disciplinary-action";

  public static final class Messages {
    public static final String APPEAL_FILED = "AppealFiled";
    private Messages() {}
  }

  public static final class Elements {
    public static final String DISCIPLINARY_INVESTIGATION = "disciplinary-investigation";
    private Elements() {}
  }

  public static final class Variables {
    public static final String FINDINGS = "findings";
    public static final String INVESTIGATOR = "investigator";
    public static final String COMMITTEE_CHAIR = "committeeChair";
    public static final String COMMITTEE_MEMBERS = "committeeMembers";
    public static final String OFFENCE_PROVEN = "offenceProven";
    public static final String INVESTIGATION_REPORT = "investigationReport";
    public static final String PENALTY = "penalty";
    public static final String PENALTY_REASON = "penaltyReason";
    @CodeOnly public static final String PENALTY_DECIDED_BY = "penaltyDecidedBy";
    public static final String FIRST_MEETING_DATE = "firstMeetingDate";
    public static final String NACC_LETTER_NUMBER = "naccLetterNumber";
    public static final String NACC_ORDER_SENT_ON = "naccOrderSentOn";
    public static final String RULING_ORDER_NUMBER = "rulingOrderNumber";
    public static final String APPEAL_UPHELD = "appealUpheld";
    public static final String FINAL_PENALTY = "finalPenalty";
    private Variables() {}
  }

  private DisciplinaryAction() {}
}

package th.go.integritydesk.process;

/**
 * The names the {@code complaint-lifecycle} model and the code share: process key, messages, element ids
 * and variables. A renamed element breaks the build here, not production.
 */
public final class ComplaintLifecycle {

  public static final String PROCESS_KEY = "complaint-lifecycle";

  public static final class Messages {
    public static final String COMPLAINANT_INFO_RECEIVED = "ComplainantInfoReceived";
    public static final String COMPLAINT_WITHDRAWN = "ComplaintWithdrawn";
    private Messages() {}
  }

  public static final class Elements {
    public static final String SCREEN_COMPLAINT = "screen-complaint";
    public static final String AWAIT_COMPLAINANT_INFO = "await-complainant-info";
    public static final String FACT_FINDING = "fact-finding";
    public static final String DISCIPLINARY_ACTION = "disciplinary-action";
    public static final String DECIDE_ON_WITHDRAWAL = "decide-on-withdrawal";
    /** The paper channel's intake tasks: a letter to a complainant without e-mail, printed and posted. */
    public static final String POST_ACKNOWLEDGEMENT_LETTER = "post-acknowledgement-letter";
    public static final String POST_INFORMATION_REQUEST_LETTER = "post-information-request-letter";
    public static final String POST_OUTCOME_LETTER = "post-outcome-letter";
    public static final String POST_WITHDRAWAL_OUTCOME_LETTER = "post-withdrawal-outcome-letter";
    private Elements() {}
  }

  /** Process variables. The complainant's identity is deliberately absent: it never enters the engine. */
  public static final class Variables {
    // recorded at receipt
    public static final String TRACKING_NUMBER = "trackingNumber";
    public static final String CHANNEL = "channel";
    public static final String CATEGORY = "category";
    public static final String SUBJECT = "subject";
    public static final String DESCRIPTION = "description";
    public static final String ACCUSED_NAME = "accusedName";
    public static final String ACCUSED_POSITION = "accusedPosition";
    public static final String ACCUSED_UNIT = "accusedUnit";
    public static final String ACCUSED_RANK = "accusedRank";
    public static final String INCIDENT_DATE = "incidentDate";
    public static final String LOCATION = "location";
    @CodeOnly public static final String AMOUNT_INVOLVED = "amountInvolved";
    public static final String YEARS_SINCE_LEFT_OFFICE = "yearsSinceLeftOffice";
    public static final String NACC_FINDING_OF_FAULT = "naccFindingOfFault";
    public static final String REFERENCE_NUMBER = "referenceNumber";
    public static final String VOLUNTEER_CODE = "volunteerCode";
    @CodeOnly public static final String RECEIVED_AT = "receivedAt";
    @CodeOnly public static final String ACKNOWLEDGED_AT = "acknowledgedAt";
    /** Transient (never stored): whether the acknowledgement is also mailed, for the gateway right after it. */
    public static final String ACKNOWLEDGE_BY_MAIL = "acknowledgeByMail";
    /** transient, like acknowledgeByMail: a postal address and no usable e-mail, so intake posts a letter */
    public static final String ACKNOWLEDGE_BY_POST = "acknowledgeByPost";
    /** Transient: the information request or outcome just told must also be posted as a letter (intake.PaperChannel). */
    public static final String LETTER_BY_POST = "letterByPost";
    public static final String LETTER_POSTED_ON = "letterPostedOn";
    @CodeOnly public static final String SCREENING_PAUSED_MILLIS = "screeningPausedMillis";
    @CodeOnly public static final String INFO_REQUESTED_AT = "infoRequestedAt";
    // screening
    public static final String ROUTING_SUGGESTION = "routingSuggestion";
    public static final String SUGGESTED_FORWARD_TO = "suggestedForwardTo";
    public static final String ROUTING_SUGGESTION_REASON = "routingSuggestionReason";
    public static final String SCREENING_DECISION = "screeningDecision";
    public static final String FORWARD_TO = "forwardTo";
    public static final String FORWARD_AGENCY_NAME = "forwardAgencyName";
    public static final String DUPLICATE_OF = "duplicateOf";
    public static final String SCREENING_REASON = "screeningReason";
    public static final String INFO_REQUEST = "infoRequest";
    public static final String COMPLAINANT_REPLY = "complainantReply";
    public static final String MESSAGE_TO_COMPLAINANT = "messageToComplainant";
    @CodeOnly public static final String INFO_REQUEST_EXPIRED = "infoRequestExpired";
    // results of the called processes
    public static final String INVESTIGATOR = "investigator";
    public static final String FINDINGS = "findings";
    public static final String OFFENCE_PROVEN = "offenceProven";
    public static final String PENALTY = "penalty";
    public static final String APPEAL_UPHELD = "appealUpheld";
    public static final String FINAL_PENALTY = "finalPenalty";
    // withdrawal and closure
    public static final String WITHDRAWAL_REASON = "withdrawalReason";
    public static final String WITHDRAWAL_DECISION_REASON = "withdrawalDecisionReason";
    public static final String CONTINUE_EX_OFFICIO = "continueExOfficio";
    @CodeOnly public static final String WITHDRAWN = "withdrawn";
    @CodeOnly public static final String OUTCOME = "outcome";
    private Variables() {}
  }

  private ComplaintLifecycle() {}
}

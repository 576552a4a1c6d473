package th.go.integritydesk.process;

import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every deadline of the lifecycle as an ISO-8601 duration from {@code integrity-desk.deadlines.*}.
 * The models read it as the bean {@code deadlines}: {@code ${deadlines.screening}} in a timer,
 * {@code ${deadlines.dueIn('screening')}} as a task's due date. Defaults are commonly cited figures,
 * not verified against the regulation: see config/application.yaml.
 */
@Component("deadlines")
@ConfigurationProperties(prefix = "integrity-desk.deadlines")
public class Deadlines {

  private static final DatatypeFactory DATATYPES = newDatatypeFactory();

  private String acknowledgement = "P15D";
  private String screening = "P15D";
  private String complainantInfo = "P30D";
  private String factFinding = "P90D";
  private String disciplinaryInvestigation = "P180D";
  private String penaltyDecision = "P30D";
  private String naccDecision = "P30D";
  private String naccOrder = "P15D";
  private String appealWindow = "P30D";
  private String committeeFirstMeeting = "P7D";
  private String appealRuling = "P30D";
  private String letterPosting = "P5D";

  /** The due date of a stage that starts now (engine clock), for a user task's due date. */
  public Date dueIn(String deadline) {
    String duration = all().get(deadline);
    if (duration == null) {
      throw new IllegalArgumentException("Unknown deadline '" + deadline + "'; known: " + all().keySet());
    }
    return plus(ClockUtil.getCurrentTime(), duration);
  }

  /**
   * Screening's due date: the deadline counts from receipt, and the time spent waiting for the complainant's facts
   * does not count (the clock pauses; it is not reset when screening resumes). See ScreeningClock.
   */
  public Date screeningDue(org.camunda.bpm.engine.delegate.VariableScope execution) {
    Date receivedAt = Vars.date(execution, ComplaintLifecycle.Variables.RECEIVED_AT);
    Object paused = execution.getVariable(ComplaintLifecycle.Variables.SCREENING_PAUSED_MILLIS);
    Date start = receivedAt == null ? ClockUtil.getCurrentTime() : receivedAt;
    Date due = plus(start, screening);
    return paused == null ? due : new Date(due.getTime() + ((Number) paused).longValue());
  }

  /** When the complainant must have been told the case was received (counted from receipt). */
  public Date acknowledgementDue(org.camunda.bpm.engine.delegate.VariableScope execution) {
    Date receivedAt = Vars.date(execution, ComplaintLifecycle.Variables.RECEIVED_AT);
    return plus(receivedAt == null ? ClockUtil.getCurrentTime() : receivedAt, acknowledgement);
  }

  /** A repeating deadline ({@code R/P90D}): missed again each period until the work is done or extended. */
  public String every(String deadline) {
    String duration = all().get(deadline);
    if (duration == null) {
      throw new IllegalArgumentException("Unknown deadline '" + deadline + "'; known: " + all().keySet());
    }
    return "R/" + duration;
  }

  /** The penalty must be decided within its own deadline when NACC has already found fault. */
  public String penaltyDecisionFor(Boolean naccFindingOfFault) {
    return Boolean.TRUE.equals(naccFindingOfFault) ? naccDecision : penaltyDecision;
  }

  public Date penaltyDecisionDueDate(Boolean naccFindingOfFault) {
    return plus(ClockUtil.getCurrentTime(), penaltyDecisionFor(naccFindingOfFault));
  }

  /** All deadlines by name; each is checked to be a valid duration when the settings are bound. */
  public Map<String, String> all() {
    Map<String, String> all = new TreeMap<>();
    all.put("acknowledgement", acknowledgement);
    all.put("screening", screening);
    all.put("complainantInfo", complainantInfo);
    all.put("factFinding", factFinding);
    all.put("disciplinaryInvestigation", disciplinaryInvestigation);
    all.put("penaltyDecision", penaltyDecision);
    all.put("naccDecision", naccDecision);
    all.put("naccOrder", naccOrder);
    all.put("appealWindow", appealWindow);
    all.put("committeeFirstMeeting", committeeFirstMeeting);
    all.put("appealRuling", appealRuling);
    all.put("letterPosting", letterPosting);
    return all;
  }

  static Date plus(Date start, String isoDuration) {
    Date result = (Date) start.clone();
    parse(isoDuration).addTo(result);
    return result;
  }

  private static Duration parse(String isoDuration) {
    try {
      return DATATYPES.newDuration(isoDuration);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("'" + isoDuration + "' is not an ISO-8601 duration such as P15D", e);
    }
  }

  private static String checked(String isoDuration) {
    parse(isoDuration);
    return isoDuration;
  }

  private static DatatypeFactory newDatatypeFactory() {
    try {
      return DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  public String getAcknowledgement() { return acknowledgement; }
  public void setAcknowledgement(String value) { acknowledgement = checked(value); }
  public String getCommitteeFirstMeeting() { return committeeFirstMeeting; }
  public void setCommitteeFirstMeeting(String value) { committeeFirstMeeting = checked(value); }
  public String getAppealRuling() { return appealRuling; }
  public void setAppealRuling(String value) { appealRuling = checked(value); }
  public String getScreening() { return screening; }
  public void setScreening(String value) { screening = checked(value); }
  public String getComplainantInfo() { return complainantInfo; }
  public void setComplainantInfo(String value) { complainantInfo = checked(value); }
  public String getFactFinding() { return factFinding; }
  public void setFactFinding(String value) { factFinding = checked(value); }
  public String getDisciplinaryInvestigation() { return disciplinaryInvestigation; }
  public void setDisciplinaryInvestigation(String value) { disciplinaryInvestigation = checked(value); }
  public String getPenaltyDecision() { return penaltyDecision; }
  public void setPenaltyDecision(String value) { penaltyDecision = checked(value); }
  public String getNaccDecision() { return naccDecision; }
  public void setNaccDecision(String value) { naccDecision = checked(value); }
  public String getNaccOrder() { return naccOrder; }
  public void setNaccOrder(String value) { naccOrder = checked(value); }
  public String getAppealWindow() { return appealWindow; }
  public void setAppealWindow(String value) { appealWindow = checked(value); }
  public String getLetterPosting() { return letterPosting; }
  public void setLetterPosting(String value) { letterPosting = checked(value); }
}

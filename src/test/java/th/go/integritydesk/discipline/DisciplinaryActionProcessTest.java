package th.go.integritydesk.discipline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.integritydesk.identity.CaseDuties;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.process.DisciplinaryAction;
import th.go.integritydesk.process.DutyConflictException;
import th.go.integritydesk.process.ProcessTest;
import th.go.integritydesk.process.ProcessTestSupport;

/** disciplinary-action, started on its own as complaint-lifecycle calls it. */
@ProcessTest
class DisciplinaryActionProcessTest extends ProcessTestSupport {

  private static final String SECOND_AUTHORITY = "authority2";
  @org.springframework.beans.factory.annotation.Autowired CaseDuties caseDuties;

  @BeforeEach
  void secondAuthority() {
    if (identity.createUserQuery().userId(SECOND_AUTHORITY).count() == 0) {
      User user = identity.newUser(SECOND_AUTHORITY);
      user.setPassword("test-only-" + System.nanoTime());
      identity.saveUser(user);
      identity.createMembership(SECOND_AUTHORITY, Groups.DISCIPLINARY_AUTHORITY);
    }
  }

  private ProcessInstance start(String findings, boolean naccFindingOfFault) {
    return start(findings, naccFindingOfFault, "investigator");
  }

  private ProcessInstance start(String findings, boolean naccFindingOfFault, String investigator) {
    String trackingNumber = registeredComplaint(naccFindingOfFault);
    if (findings != null) {
      // what complaint-lifecycle's fact-finding would have recorded
      caseDuties.record(trackingNumber, CaseDuties.Duty.FACT_FINDING, investigator, findings, null);
    }
    Map<String, Object> vars = vars("trackingNumber", trackingNumber, "subject", "ทุจริต / Corruption",
        "findings", findings, "findingsSummary", "สรุป / Summary", "investigator", investigator,
        "naccFindingOfFault", naccFindingOfFault);
    return runtime.startProcessInstanceByKey(DisciplinaryAction.PROCESS_KEY, trackingNumber, vars);
  }

  /** Need to know: nobody of the accused's unit (กองคลัง) sits on the committee, so none is given its tasks. */
  @Test
  void noChairOrMemberComesFromTheAccusedUnit() {
    ProcessInstance pi = start("SERIOUS_OFFENCE", false);
    assertThatThrownBy(() -> appoint(pi, "authority", vars("committeeChair", "investigator2")))
        .hasMessageContaining("investigator2").hasMessageContaining("กองคลัง");
    assertThatThrownBy(() -> appoint(pi, "authority",
        vars("committeeChair", "investigator", "committeeMembers", "investigator2")))
        .hasMessageContaining("investigator2");
    assertThat(task(pi)).hasDefinitionKey("appoint-committee");
    appoint(pi, "authority", vars("committeeChair", "investigator"));
    assertThat(task(pi)).hasDefinitionKey("disciplinary-investigation").isAssignedTo("investigator");
  }

  @Test
  void seriousOffenceProvenIsPenalisedAndTheAppealIsRecorded() {
    ProcessInstance pi = start("SERIOUS_OFFENCE", false);
    appoint(pi, "authority", vars("committeeChair", "investigator", "committeeMembers", "analyst"));
    assertThat(task(pi)).hasDefinitionKey("disciplinary-investigation").isAssignedTo("investigator");
    completeAs("investigator", task(pi), vars("offenceProven", true, "investigationReport", "ผิดจริง / Proven"));
    completeAs("authority", task("decide-penalty", pi), vars("penalty", "DISMISSAL", "penaltyReason", "ร้ายแรง / Serious"));
    execute(job("report-to-subcommittee", pi));
    assertThat(pi).isWaitingAt("appeal-window");
    runtime.createMessageCorrelation(DisciplinaryAction.Messages.APPEAL_FILED).processInstanceId(pi.getId()).correlate();
    assertThat(task(pi)).hasDefinitionKey("record-appeal-outcome").hasCandidateGroup("disciplinary-authority");
    completeAs("authority", task(pi), vars("appealUpheld", true, "finalPenalty", "SALARY_REDUCTION"));
    assertThat(task(pi)).hasDefinitionKey("carry-out-appeal-ruling").hasCandidateGroup("disciplinary-authority");
    execute(job("appeal-ruling-deadline", pi));
    assertThat(pi).isWaitingAt("carry-out-appeal-ruling", "escalate-appeal-ruling");
    completeAs("supervisor", task("escalate-appeal-ruling", pi), vars("escalationAction", "เร่งรัด / Chased"));
    assertThatThrownBy(() -> completeAs("authority", task("carry-out-appeal-ruling", pi), vars()))
        .hasMessageContaining("rulingOrderNumber");
    completeAs("authority", task("carry-out-appeal-ruling", pi), vars("rulingOrderNumber", "คำสั่ง 12/2569"));
    assertThat(pi).hasPassed("appeal-filed", "appeal-ruling-escalation-handled", "appeal-decided").isEnded();
  }

  @Test
  void seriousOffenceNotProvenEndsWithoutPenalty() {
    ProcessInstance pi = start("SERIOUS_OFFENCE", false);
    appoint(pi, "authority", vars("committeeChair", "investigator"));
    assertThatThrownBy(() -> completeAs("investigator", task(pi), vars("offenceProven", false)))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("investigationReport");
    completeAs("investigator", task(pi), vars("offenceProven", false, "investigationReport", "ไม่ผิด / Not proven"));
    assertThat(pi).hasPassed("offence-not-proven").hasNotPassed("decide-penalty").isEnded();
  }

  @Test
  void minorOffenceGoesStraightToTheAuthorityWhichMayImposeNoPenalty() {
    ProcessInstance pi = start("MINOR_OFFENCE", false);
    assertThat(pi).hasNotPassed("appoint-committee").isWaitingAt("decide-penalty");
    assertThatThrownBy(() -> completeAs("authority", task(pi), vars("penalty", "EXPULSION", "penaltyReason", "x")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("only for a serious offence");
    completeAs("authority", task(pi), vars("penalty", "NONE", "penaltyReason", "ปรานี / Mitigation"));
    assertThat(pi).hasPassed("no-penalty-imposed").isEnded();
  }

  @Test
  void naccFindingIsDecidedOnNaccsFileAndTheOrderSentToNacc() {
    ProcessInstance pi = start(null, true);
    assertThat(pi).hasPassed("penalty-merge").hasNotPassed("appoint-committee").isWaitingAt("decide-penalty");
    completeAs("authority", task(pi), vars("penalty", "EXPULSION", "penaltyReason", "ตามสำนวน ป.ป.ช. / NACC file"));
    execute(job("report-to-subcommittee", pi));
    assertThat(pi).isWaitingAt("send-order-to-nacc");
    execute(job("nacc-order-deadline", pi));
    assertThat(pi).isWaitingAt("send-order-to-nacc", "escalate-nacc-order");
    completeAs("supervisor", task("escalate-nacc-order", pi), vars("escalationAction", "เร่งรัด / Chased"));
    assertThatThrownBy(() -> completeAs("authority", task("send-order-to-nacc", pi), vars()))
        .hasMessageContaining("naccLetterNumber");
    completeAs("authority", task("send-order-to-nacc", pi),
        vars("naccLetterNumber", "ศปท 0002/2569", "naccOrderSentOn", "2026-02-01"));
    execute(job("appeal-window-closed", pi));
    assertThat(pi).hasPassed("nacc-order-escalation-handled", "penalty-final").isEnded();
  }

  @Test
  void committeeChairMayNotDecideThePenalty() {
    ProcessInstance pi = start("SERIOUS_OFFENCE", false);
    appoint(pi, SECOND_AUTHORITY, vars("committeeChair", "authority"));
    completeAs("authority", task(pi), vars("offenceProven", true, "investigationReport", "ผิด / Proven"));
    assertThatThrownBy(() -> claimAs("authority", task("decide-penalty", pi)))
        .hasRootCauseInstanceOf(DutyConflictException.class).hasMessageContaining("may not decide its penalty");
    completeAs(SECOND_AUTHORITY, task("decide-penalty", pi), vars("penalty", "DISMISSAL", "penaltyReason", "ร้ายแรง / Serious"));
    assertThat(pi).isWaitingAt("report-to-subcommittee");
  }

  @Test
  void investigatorMayNotDecideThePenaltyNorTheAuthorityAppointItselfToTheCommittee() {
    ProcessInstance pi = start("SERIOUS_OFFENCE", false, SECOND_AUTHORITY);
    assertThatThrownBy(() -> completeAs("authority", task(pi), vars("committeeChair", "authority")))
        .hasMessageContaining("cannot sit on the committee");
    appoint(pi, "authority", vars("committeeChair", "investigator"));
    completeAs("investigator", task(pi), vars("offenceProven", true, "investigationReport", "ผิด / Proven"));
    assertThatThrownBy(() -> completeAs(SECOND_AUTHORITY, task("decide-penalty", pi),
        vars("penalty", "DISMISSAL", "penaltyReason", "x"))).hasRootCauseInstanceOf(DutyConflictException.class);
    assertThat(pi).isWaitingAt("decide-penalty");
  }

  @Test
  void missedInvestigationAndDecisionDeadlinesEscalateWithoutCancellingTheWork() {
    ProcessInstance pi = start("SERIOUS_OFFENCE", false);
    appoint(pi, "authority", vars("committeeChair", "investigator"));
    execute(job("disciplinary-investigation-deadline", pi));
    assertThat(pi).isWaitingAt("disciplinary-investigation", "escalate-disciplinary-investigation");
    completeAs("supervisor", task("escalate-disciplinary-investigation", pi), vars("escalationAction", "ขยายเวลา / Extended"));
    completeAs("investigator", task("disciplinary-investigation", pi),
        vars("offenceProven", true, "investigationReport", "ผิด / Proven"));
    execute(job("penalty-decision-deadline", pi));
    assertThat(pi).isWaitingAt("decide-penalty", "escalate-penalty-decision");
    assertThatThrownBy(() -> completeAs("supervisor", task("escalate-penalty-decision", pi), vars()))
        .hasMessageContaining("escalationAction");
    completeAs("supervisor", task("escalate-penalty-decision", pi), vars("escalationAction", "เร่งรัด / Chased"));
    assertThat(pi).hasPassed("investigation-escalation-handled", "penalty-escalation-handled").isWaitingAt("decide-penalty");
  }

  @Test
  void appealDismissedLeavesThePenaltyAsOrdered() {
    ProcessInstance pi = start("MINOR_OFFENCE", false);
    completeAs("authority", task(pi), vars("penalty", "PROBATION", "penaltyReason", "ครั้งแรก / First time"));
    execute(job("report-to-subcommittee", pi));
    runtime.createMessageCorrelation(DisciplinaryAction.Messages.APPEAL_FILED).processInstanceId(pi.getId()).correlate();
    completeAs("authority", task(pi), vars("appealUpheld", false, "finalPenalty", "PROBATION"));
    assertThat(pi).hasPassed("appeal-dismissed").hasNotPassed("carry-out-appeal-ruling").isEnded();
  }

  @Test
  void missedFirstMeetingEscalatesWithoutCancellingIt() {
    ProcessInstance pi = start("SERIOUS_OFFENCE", false);
    completeAs("authority", task(pi), vars("committeeChair", "investigator"));
    assertThat(task(pi)).hasDefinitionKey("record-first-meeting").isAssignedTo("investigator");
    execute(job("first-meeting-deadline", pi));
    assertThat(pi).isWaitingAt("record-first-meeting", "escalate-first-meeting");
    completeAs("supervisor", task("escalate-first-meeting", pi), vars("escalationAction", "โทรเร่ง / Phoned the chair"));
    assertThatThrownBy(() -> completeAs("investigator", task("record-first-meeting", pi), vars()))
        .hasMessageContaining("firstMeetingDate");
    completeAs("investigator", task("record-first-meeting", pi), vars("firstMeetingDate", "2026-01-12"));
    assertThat(pi).hasPassed("first-meeting-escalation-handled").isWaitingAt("disciplinary-investigation");
  }

  /** Appoints the committee and has its chair record the first meeting. */
  private void appoint(ProcessInstance pi, String appointing, Map<String, Object> committee) {
    completeAs(appointing, task("appoint-committee", pi), committee);
    completeAs((String) committee.get("committeeChair"), task("record-first-meeting", pi),
        vars("firstMeetingDate", "2026-01-05"));
  }
}

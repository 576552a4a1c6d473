package th.go.integritydesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.integritydesk.process.DisciplinaryAction;
import th.go.integritydesk.process.FactFinding;

/**
 * Every deadline of DOMAIN.md, one test each: the engine clock is moved to just before the deadline (nothing happens)
 * and just after it (the deadline fires), and the deadline is exactly its setting in integrity-desk.deadlines.
 * A missed deadline escalates to a supervisor and leaves the overdue work open.
 */
@ProcessTest
class DeadlineClockTest extends ProcessTestSupport {

  private static final Date T0 = Date.from(java.time.Instant.parse("2026-02-02T02:00:00Z"));

  @Autowired Deadlines deadlines;
  @Autowired ManagementService management;

  @BeforeEach
  void startOfTheStory() {
    ClockUtil.setCurrentTime(T0);
  }

  /** Checks the timer is due exactly {@code setting} after T0, not before, and fires it after. */
  private void crossDeadline(ProcessInstance pi, String timer, String setting) {
    Job job = job(timer, pi);
    Date due = Deadlines.plus(T0, setting);
    assertThat(job.getDuedate()).as(timer).isEqualTo(due);
    ClockUtil.setCurrentTime(new Date(due.getTime() - 60_000));
    assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).as(timer + " before").isZero();
    ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
    assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).as(timer + " after").isOne();
    execute(job);
  }

  @Test
  void acknowledgement() {
    ProcessInstance pi = mailableComplaint("whistle@example.org", true);
    crossDeadline(pi, "acknowledgement-due", deadlines.getAcknowledgement());
    BpmnAwareTests.assertThat(pi).isWaitingAt("mail-acknowledgement", "escalate-acknowledgement");
  }

  @Test
  void screening() {
    ProcessInstance pi = receive(complaint());
    crossDeadline(pi, "screening-deadline", deadlines.getScreening());
    BpmnAwareTests.assertThat(pi).isWaitingAt("screen-complaint", "escalate-screening");
  }

  @Test
  void waitingForTheComplainant() {
    ProcessInstance pi = receive(complaint());
    completeAs("screener", task(pi), vars("screeningDecision", "REQUEST_INFO", "infoRequest", "เมื่อไร / When?"));
    execute(job("request-complainant-info", pi));
    crossDeadline(pi, "complainant-info-timeout", deadlines.getComplainantInfo());
    BpmnAwareTests.assertThat(pi).isWaitingAt("screen-complaint");
  }

  @Test
  void factFinding() {
    ProcessInstance pi = runtime.startProcessInstanceByKey(FactFinding.PROCESS_KEY, registeredComplaint(),
        vars("accusedUnit", "กองคลัง"));
    completeAs("supervisor", task(pi), vars("investigator", "investigator"));
    crossDeadline(pi, "fact-finding-deadline", deadlines.getFactFinding());
    BpmnAwareTests.assertThat(pi).isWaitingAt("conduct-fact-finding", "escalate-fact-finding");
  }

  private ProcessInstance discipline(String findings, boolean nacc) {
    // the NACC finding is read from the complaint's record, as a real referral stores it
    return runtime.startProcessInstanceByKey(DisciplinaryAction.PROCESS_KEY, registeredComplaint(nacc),
        vars("findings", findings, "investigator", "investigator", "naccFindingOfFault", nacc));
  }

  @Test
  void committeeFirstMeeting() {
    ProcessInstance pi = discipline("SERIOUS_OFFENCE", false);
    completeAs("authority", task(pi), vars("committeeChair", "investigator"));
    crossDeadline(pi, "first-meeting-deadline", deadlines.getCommitteeFirstMeeting());
    BpmnAwareTests.assertThat(pi).isWaitingAt("record-first-meeting", "escalate-first-meeting");
  }

  @Test
  void disciplinaryInvestigation() {
    ProcessInstance pi = discipline("SERIOUS_OFFENCE", false);
    completeAs("authority", task(pi), vars("committeeChair", "investigator"));
    completeAs("investigator", task(pi), vars("firstMeetingDate", "2026-02-03"));
    crossDeadline(pi, "disciplinary-investigation-deadline", deadlines.getDisciplinaryInvestigation());
    BpmnAwareTests.assertThat(pi).isWaitingAt("disciplinary-investigation", "escalate-disciplinary-investigation");
  }

  @Test
  void penaltyDecision() {
    ProcessInstance pi = discipline("MINOR_OFFENCE", false);
    crossDeadline(pi, "penalty-decision-deadline", deadlines.getPenaltyDecision());
    BpmnAwareTests.assertThat(pi).isWaitingAt("decide-penalty", "escalate-penalty-decision");
  }

  @Test
  void penaltyDecisionOnNaccsFile() {
    ProcessInstance pi = discipline(null, true);
    crossDeadline(pi, "penalty-decision-deadline", deadlines.getNaccDecision());
    BpmnAwareTests.assertThat(pi).isWaitingAt("decide-penalty", "escalate-penalty-decision");
  }

  @Test
  void orderToNacc() {
    ProcessInstance pi = discipline(null, true);
    completeAs("authority", task(pi), vars("penalty", "DISMISSAL", "penaltyReason", "สำนวน ป.ป.ช. / NACC file"));
    execute(job("report-to-subcommittee", pi));
    crossDeadline(pi, "nacc-order-deadline", deadlines.getNaccOrder());
    BpmnAwareTests.assertThat(pi).isWaitingAt("send-order-to-nacc", "escalate-nacc-order");
  }

  @Test
  void appealWindow() {
    ProcessInstance pi = discipline("MINOR_OFFENCE", false);
    completeAs("authority", task(pi), vars("penalty", "PROBATION", "penaltyReason", "ครั้งแรก / First time"));
    execute(job("report-to-subcommittee", pi));
    crossDeadline(pi, "appeal-window-closed", deadlines.getAppealWindow());
    BpmnAwareTests.assertThat(pi).hasPassed("penalty-final").isEnded();
  }

  @Test
  void carryingOutTheAppealRuling() {
    ProcessInstance pi = discipline("MINOR_OFFENCE", false);
    completeAs("authority", task(pi), vars("penalty", "SALARY_CUT", "penaltyReason", "ครั้งที่สอง / Second time"));
    execute(job("report-to-subcommittee", pi));
    runtime.createMessageCorrelation(DisciplinaryAction.Messages.APPEAL_FILED).processInstanceId(pi.getId()).correlate();
    completeAs("authority", task(pi), vars("appealUpheld", true, "finalPenalty", "PROBATION"));
    crossDeadline(pi, "appeal-ruling-deadline", deadlines.getAppealRuling());
    BpmnAwareTests.assertThat(pi).isWaitingAt("carry-out-appeal-ruling", "escalate-appeal-ruling");
  }

}

package th.go.integritydesk.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.integritydesk.intake.Stage;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.process.DisciplinaryAction;
import th.go.integritydesk.process.DutyConflictException;
import th.go.integritydesk.process.FactFinding;
import th.go.integritydesk.process.ProcessTest;
import th.go.integritydesk.process.ProcessTestSupport;

/**
 * Insider attacks made straight on the engine (as if a request had got past the HTTP gate): each must fail on the
 * engine's own checks. Officers act authenticated, as the engine REST API and Tasklist make them.
 */
@ProcessTest
class InsiderAttacksProcessTest extends ProcessTestSupport {

  /** In investigator and supervisor (attack #10). */
  static final String DUAL = "dualreviewer";
  /** In investigator and disciplinary-authority (attack #9). */
  static final String DUAL_AUTHORITY = "dualauthority";

  @Autowired ComplainantMessages messages;

  @BeforeEach
  void dualUsers() {
    user(DUAL, Groups.INVESTIGATOR, Groups.SUPERVISOR);
    user(DUAL_AUTHORITY, Groups.INVESTIGATOR, Groups.DISCIPLINARY_AUTHORITY);
  }

  /** Other process tests share this context: a second supervisor would, for one, get their escalation mails. */
  @org.junit.jupiter.api.AfterEach
  void removeTestUsers() {
    identity.clearAuthentication();
    for (String id : List.of(DUAL, DUAL_AUTHORITY, "nounit")) {
      identity.deleteUser(id);
    }
  }

  @Test
  void attack2_screeningCaseBWithCaseAsTrackingNumberClosesOnlyCaseB() {
    ProcessInstance caseA = receive(complaint());
    ProcessInstance caseB = receive(complaint());
    String a = key(caseA);
    String b = key(caseB);
    int messagesToA = messages.to(a).size();

    actAs("screener", Groups.SCREENING);
    tasks.complete(task(caseB).getId(), vars("screeningDecision", "REJECT", "screeningReason", "ไม่มีมูล / No grounds",
        "trackingNumber", a));
    identity.clearAuthentication();
    execute(job("notify-outcome", caseB));

    assertThat(caseB).isEnded();
    Assertions.assertThat(complaints.outcomeOf(b)).contains("REJECTED");
    Assertions.assertThat(complaints.stageOf(b)).contains(Stage.CLOSED);
    assertThat(caseA).isWaitingAt("screen-complaint");
    Assertions.assertThat(complaints.stageOf(a)).contains(Stage.SCREENING);
    Assertions.assertThat(complaints.outcomeOf(a)).isEmpty();
    Assertions.assertThat(messages.to(a)).hasSize(messagesToA);
  }

  @Test
  void attack2_aForgedNaccFindingInTheScreeningCompletionDoesNotSkipFactFinding() {
    ProcessInstance pi = receive(complaint());
    // unauthenticated here only because the test-coverage listener reads the called definition as the caller
    completeAs("screener", task(pi), vars("screeningDecision", "ACCEPT", "naccFindingOfFault", true));
    assertThat(pi).isWaitingAt("fact-finding").hasNotPassed("discipline-merge");
  }

  @Test
  void attack10_investigatorMayNotApproveOwnFindingsByNamingAnotherInvestigator() {
    ProcessInstance pi = startFactFinding();
    completeAs("supervisor", task(pi), vars("investigator", DUAL));
    actAs(DUAL, Groups.INVESTIGATOR, Groups.SUPERVISOR);
    tasks.complete(task(pi).getId(), vars("findings", "NO_GROUNDS", "findingsSummary", "ไม่มีมูล / No grounds"));
    Task review = task(pi);
    assertThatThrownBy(() -> tasks.complete(review.getId(), vars("findingsApproved", true, "investigator", "investigator")))
        .hasRootCauseInstanceOf(DutyConflictException.class)
        .hasMessageContaining("may not review those findings")
        .satisfies(e -> Assertions.assertThat(e.getMessage()).doesNotContain("penalty"));
    identity.clearAuthentication();
    assertThat(pi).isWaitingAt("review-findings").isNotEnded();
    Assertions.assertThat(runtime.getVariable(pi.getId(), "investigator")).isEqualTo(DUAL);
  }

  @Test
  void attack9_authorityWhoInvestigatedMayNotDecideThePenaltyAfterRewritingTheInvestigatorVariable() {
    String trackingNumber = registeredComplaint();
    ProcessInstance facts = runtime.startProcessInstanceByKey(FactFinding.PROCESS_KEY, trackingNumber,
        vars("trackingNumber", trackingNumber));
    completeAs("supervisor", task(facts), vars("investigator", DUAL_AUTHORITY));
    actAs(DUAL_AUTHORITY, Groups.INVESTIGATOR, Groups.DISCIPLINARY_AUTHORITY);
    tasks.complete(task(facts).getId(), vars("findings", "MINOR_OFFENCE", "findingsSummary", "มีมูล / Grounds"));
    identity.clearAuthentication();
    completeAs("supervisor", task(facts), vars("findingsApproved", true));

    ProcessInstance discipline = runtime.startProcessInstanceByKey(DisciplinaryAction.PROCESS_KEY, trackingNumber,
        vars("trackingNumber", trackingNumber, "findings", "MINOR_OFFENCE", "investigator", DUAL_AUTHORITY,
            "naccFindingOfFault", false));
    assertThat(discipline).isWaitingAt("decide-penalty");
    runtime.setVariable(discipline.getId(), "investigator", "investigator");

    actAs(DUAL_AUTHORITY, Groups.INVESTIGATOR, Groups.DISCIPLINARY_AUTHORITY);
    Task decide = task(discipline);
    assertThatThrownBy(() -> tasks.complete(decide.getId(), vars("penalty", "PROBATION", "penaltyReason", "x")))
        .hasRootCauseInstanceOf(DutyConflictException.class).hasMessageContaining("may not decide its penalty");
    assertThatThrownBy(() -> tasks.claim(decide.getId(), DUAL_AUTHORITY))
        .hasRootCauseInstanceOf(DutyConflictException.class);
    identity.clearAuthentication();
    assertThat(discipline).isWaitingAt("decide-penalty");
  }

  @Test
  void committeeChairMayNotDecideThePenaltyAfterRewritingTheChairVariable() {
    String trackingNumber = registeredComplaint();
    ProcessInstance discipline = runtime.startProcessInstanceByKey(DisciplinaryAction.PROCESS_KEY, trackingNumber,
        vars("trackingNumber", trackingNumber, "findings", "SERIOUS_OFFENCE", "naccFindingOfFault", false));
    completeAs("authority", task(discipline), vars("committeeChair", DUAL_AUTHORITY));
    completeAs(DUAL_AUTHORITY, task("record-first-meeting", discipline), vars("firstMeetingDate", "2026-01-05"));
    completeAs(DUAL_AUTHORITY, task(discipline), vars("offenceProven", true, "investigationReport", "ผิด / Proven"));
    runtime.setVariable(discipline.getId(), "committeeChair", "investigator2");
    actAs(DUAL_AUTHORITY, Groups.DISCIPLINARY_AUTHORITY);
    Task decide = task("decide-penalty", discipline);
    assertThatThrownBy(() -> tasks.complete(decide.getId(), vars("penalty", "PROBATION", "penaltyReason", "x")))
        .hasRootCauseInstanceOf(DutyConflictException.class);
  }

  @Test
  void anOfficerWithoutAUnitCannotBeAssignedToInvestigate() {
    if (identity.createUserQuery().userId("nounit").count() == 0) {
      User user = identity.newUser("nounit");
      user.setPassword("test-only-" + System.nanoTime());
      identity.saveUser(user);
      identity.createMembership("nounit", Groups.INVESTIGATOR);
    }
    ProcessInstance pi = startFactFinding();
    assertThatThrownBy(() -> completeAs("supervisor", task(pi), vars("investigator", "nounit")))
        .hasRootCauseInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
        .hasMessageContaining("investigator").hasMessageContaining("has no unit");
    assertThat(pi).isWaitingAt("assign-investigator");
    identity.createMembership("nounit", "unit-finance"); // the accused's unit (กองคลัง): still refused
    assertThatThrownBy(() -> completeAs("supervisor", task(pi), vars("investigator", "nounit")))
        .hasRootCauseInstanceOf(DutyConflictException.class).hasMessageContaining("accused's unit");
    identity.deleteMembership("nounit", "unit-finance");
    identity.createMembership("nounit", "unit-ict");
    completeAs("supervisor", task(pi), vars("investigator", "nounit"));
    assertThat(pi).isWaitingAt("conduct-fact-finding");
  }

  private ProcessInstance startFactFinding() {
    String trackingNumber = registeredComplaint();
    return runtime.startProcessInstanceByKey(FactFinding.PROCESS_KEY, trackingNumber,
        vars("trackingNumber", trackingNumber, "accusedUnit", "กองคลัง"));
  }

  private void actAs(String userId, String... groups) {
    identity.setAuthentication(userId, List.of(groups));
  }

  private String key(ProcessInstance pi) {
    var running = runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
    return running != null ? running.getBusinessKey()
        : historyService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey();
  }

  private void user(String id, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword("test-only-" + System.nanoTime());
      identity.saveUser(user);
      for (String group : groups) {
        identity.createMembership(id, group);
      }
      identity.createMembership(id, "unit-internal-audit");
    }
  }
}

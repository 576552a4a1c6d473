package th.go.integritydesk.investigation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import th.go.integritydesk.process.DutyConflictException;
import th.go.integritydesk.process.FactFinding;
import th.go.integritydesk.process.ProcessTest;
import th.go.integritydesk.process.ProcessTestSupport;

/** fact-finding, started on its own as complaint-lifecycle calls it. */
@ProcessTest
class FactFindingProcessTest extends ProcessTestSupport {

  private ProcessInstance startFactFinding() {
    String trackingNumber = registeredComplaint();
    return runtime.startProcessInstanceByKey(FactFinding.PROCESS_KEY, trackingNumber, vars(
        "trackingNumber", trackingNumber, "subject", "จัดซื้อ / Procurement", "accusedUnit", "กองคลัง",
        "accusedRank", "OPERATIONAL", "category", "PROCUREMENT"));
  }

  @Test
  void supervisorAssignsInvestigatorWhoReportsAndSupervisorApproves() {
    ProcessInstance pi = startFactFinding();
    assertThat(task(pi)).hasDefinitionKey("assign-investigator").hasCandidateGroup("supervisor");
    completeAs("supervisor", task(pi), vars("investigator", "investigator"));
    assertThat(task(pi)).hasDefinitionKey("conduct-fact-finding").isAssignedTo("investigator").hasDueDate(task(pi).getDueDate());
    completeAs("investigator", task(pi), vars("findings", "MINOR_OFFENCE", "findingsSummary", "มีมูล / Grounds"));
    assertThat(task(pi)).hasDefinitionKey("review-findings").hasCandidateGroup("supervisor");
    completeAs("supervisor", task(pi), vars("findingsApproved", true));
    assertThat(pi).hasPassed("facts-found").isEnded();
  }

  @Test
  void findingsSentBackReturnToTheInvestigatorWithTheReviewersComment() {
    ProcessInstance pi = startFactFinding();
    completeAs("supervisor", task(pi), vars("investigator", "investigator"));
    completeAs("investigator", task(pi), vars("findings", "NO_GROUNDS", "findingsSummary", "ไม่มีมูล / None"));
    assertThatThrownBy(() -> completeAs("supervisor", task(pi), vars("findingsApproved", false)))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("reviewComment");
    completeAs("supervisor", task(pi), vars("findingsApproved", false, "reviewComment", "ขาดพยาน / Witness missing"));
    assertThat(pi).isWaitingAt("conduct-fact-finding")
        .variables().containsEntry("reviewComment", "ขาดพยาน / Witness missing");
    assertThat(task(pi)).isAssignedTo("investigator");
    completeAs("investigator", task(pi), vars("findings", "NO_GROUNDS", "findingsSummary", "สอบพยานแล้ว / Witness heard"));
    completeAs("supervisor", task(pi), vars("findingsApproved", true));
    assertThat(pi).isEnded();
  }

  @Test
  void investigatorFromTheAccusedsUnitIsRefused() {
    ProcessInstance pi = startFactFinding();
    // investigator2 belongs to กองคลัง, the accused's unit
    assertThatThrownBy(() -> completeAs("supervisor", task(pi), vars("investigator", "investigator2")))
        .hasRootCauseInstanceOf(DutyConflictException.class).hasMessageContaining("accused's unit");
    assertThatThrownBy(() -> completeAs("supervisor", task(pi), vars("investigator", "screener")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("not in group investigator");
    assertThatThrownBy(() -> completeAs("supervisor", task(pi), vars("investigator", "nobody")))
        .hasMessageContaining("no known user");
    assertThat(pi).isWaitingAt("assign-investigator");
  }

  @Test
  void investigatorCannotReviewTheirOwnFindings() {
    ProcessInstance pi = startFactFinding();
    completeAs("supervisor", task(pi), vars("investigator", "investigator"));
    completeAs("investigator", task(pi), vars("findings", "MINOR_OFFENCE", "findingsSummary", "มีมูล / Grounds"));
    assertThatThrownBy(() -> completeAs("investigator", task(pi), vars("findingsApproved", true)))
        .hasRootCauseInstanceOf(DutyConflictException.class);
    assertThat(pi).isWaitingAt("review-findings");
  }

  @Test
  void reportWithoutConclusionIsRefused() {
    ProcessInstance pi = startFactFinding();
    completeAs("supervisor", task(pi), vars("investigator", "investigator"));
    assertThatThrownBy(() -> completeAs("investigator", task(pi), vars("findings", "GUILTY", "findingsSummary", "x")))
        .hasMessageContaining("findings");
    assertThatThrownBy(() -> completeAs("investigator", task(pi), vars("findings", "NO_GROUNDS")))
        .hasMessageContaining("findingsSummary");
  }

  @Test
  void missedFactFindingDeadlineEscalatesWithoutCancellingTheWork() {
    ProcessInstance pi = startFactFinding();
    completeAs("supervisor", task(pi), vars("investigator", "investigator"));
    execute(job("fact-finding-deadline", pi));
    assertThat(pi).isWaitingAt("conduct-fact-finding", "escalate-fact-finding");
    assertThat(task("escalate-fact-finding", pi)).hasCandidateGroup("supervisor");
    completeAs("supervisor", task("escalate-fact-finding", pi), vars("escalationAction", "เร่งรัด / Chased"));
    assertThat(pi).hasPassed("fact-finding-escalation-handled").isWaitingAt("conduct-fact-finding");
  }

  @Test
  void supervisorExtendsTheMissedDeadlineAndTheNextOneFallsThatLongAfterIt() {
    ProcessInstance pi = startFactFinding();
    completeAs("supervisor", task(pi), vars("investigator", "investigator"));
    java.util.Date due = task(pi).getDueDate();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(due.getTime() + 60_000));
    execute(job("fact-finding-deadline", pi));
    org.camunda.bpm.engine.task.Task escalation = task("escalate-fact-finding", pi);
    assertThatThrownBy(() -> completeAs("supervisor", escalation, vars("escalationAction", "ขยาย / Extend", "extendBy", "P1Y")))
        .hasMessageContaining("extendBy");
    completeAs("supervisor", escalation, vars("escalationAction", "พยานอยู่ต่างประเทศ / Witness abroad", "extendBy", "P30D"));

    long expected = escalation.getCreateTime().getTime() + java.time.Duration.ofDays(30).toMillis();
    org.assertj.core.api.Assertions.assertThat(job("fact-finding-deadline", pi).getDuedate().getTime()).isEqualTo(expected);
    org.assertj.core.api.Assertions.assertThat(task("conduct-fact-finding", pi).getDueDate().getTime()).isEqualTo(expected);
    org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT extended_by FROM deadline_extension WHERE tracking_number = ?")
        .param(pi.getBusinessKey()).query(String.class).list()).containsExactly("P30D");

    // the extended deadline is missed too: a second escalation, the work still open
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(expected + 60_000));
    execute(job("fact-finding-deadline", pi));
    assertThat(pi).isWaitingAt("conduct-fact-finding", "escalate-fact-finding");
  }

  @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
}

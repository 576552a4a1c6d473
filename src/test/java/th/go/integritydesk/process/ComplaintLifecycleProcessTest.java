package th.go.integritydesk.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.integritydesk.intake.Category;
import th.go.integritydesk.intake.Channel;
import th.go.integritydesk.intake.ComplaintSubmission;
import th.go.integritydesk.intake.Complaints;
import th.go.integritydesk.intake.Rank;
import th.go.integritydesk.intake.Stage;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.notification.ComplainantMessages.Kind;

/** complaint-lifecycle: the happy path in one test, each detour in its own. */
@ProcessTest
class ComplaintLifecycleProcessTest extends ProcessTestSupport {

  @Autowired ComplainantMessages messages;

  @Test
  void seriousOffenceGoesFromReceiptThroughCommitteeToPenaltyAndClosure() {
    ProcessInstance pi = runtime.startProcessInstanceByKey(ComplaintLifecycle.PROCESS_KEY, complaint());
    String trackingNumber = businessKey(pi);
    org.assertj.core.api.Assertions.assertThat(trackingNumber).matches("ACC-25[0-9]{2}-[0-9]{6}");
    // acknowledged on the status page and routed in the transaction that took the complaint in: no step queued
    assertThat(pi).hasPassedInOrder("register-complaint", "acknowledge-receipt", "acknowledgement-by-mail",
        "suggest-routing").hasNotPassed("mail-acknowledgement").variables()
        .containsEntry("trackingNumber", trackingNumber)
        .containsKey("acknowledgedAt")
        .doesNotContainKeys("accusedName", "incidentDate", "acknowledgeByMail");
    org.assertj.core.api.Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).activityId("mail-acknowledgement")
        .count()).isZero();
    org.assertj.core.api.Assertions.assertThat(historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("acknowledgeByMail").count()).as("transient, never stored").isZero();

    assertThat(pi).isWaitingAtExactly("screen-complaint").variables()
        .containsEntry("routingSuggestion", "FORWARD")
        .containsEntry("suggestedForwardTo", "PACC");
    assertThat(task(pi)).hasCandidateGroup("screening").isNotAssigned();
    org.assertj.core.api.Assertions.assertThat(complaints.stageOf(trackingNumber)).contains(Stage.SCREENING);
    completeAs("screener", task(pi), vars("screeningDecision", "ACCEPT"));

    assertThat(pi).isWaitingAt("fact-finding");
    org.assertj.core.api.Assertions.assertThat(complaints.stageOf(trackingNumber)).contains(Stage.FACT_FINDING);
    ProcessInstance facts = calledProcessInstance("fact-finding", pi);
    org.assertj.core.api.Assertions.assertThat(facts.getBusinessKey()).isEqualTo(trackingNumber);
    findFacts(facts, "SERIOUS_OFFENCE");

    assertThat(pi).isWaitingAt("disciplinary-action");
    ProcessInstance discipline = calledProcessInstance("disciplinary-action", pi);
    org.assertj.core.api.Assertions.assertThat(discipline.getBusinessKey()).isEqualTo(trackingNumber);
    assertThat(discipline).isWaitingAt("appoint-committee");
    completeAs("authority", task(discipline), vars("committeeChair", "investigator"));
    completeAs("investigator", task("record-first-meeting", discipline), vars("firstMeetingDate", "2026-01-05"));
    assertThat(task(discipline)).hasDefinitionKey("disciplinary-investigation").isAssignedTo("investigator");
    completeAs("investigator", task(discipline), vars("offenceProven", true, "investigationReport", "ได้ความจริง / Proven"));
    assertThat(discipline).isWaitingAt("decide-penalty");
    completeAs("authority", task(discipline), vars("penalty", "DISMISSAL", "penaltyReason", "ร้ายแรง / Serious"));
    execute(job("report-to-subcommittee", discipline));
    assertThat(discipline).isWaitingAt("appeal-window");
    execute(job("appeal-window-closed", discipline));
    assertThat(discipline).hasPassed("penalty-final").isEnded();

    assertThat(pi).isWaitingAt("notify-outcome").variables().containsEntry("outcome", "PENALISED");
    execute(job("notify-outcome", pi));
    assertThat(pi).hasPassedInOrder("register-complaint", "acknowledge-receipt", "suggest-routing", "screen-complaint",
        "fact-finding", "disciplinary-action", "close-case", "notify-outcome").isEnded();
    org.assertj.core.api.Assertions.assertThat(complaints.stageOf(trackingNumber)).contains(Stage.CLOSED);
    org.assertj.core.api.Assertions.assertThat(messages.to(trackingNumber)).extracting(ComplainantMessages.Message::kind)
        .containsExactly(Kind.ACKNOWLEDGEMENT, Kind.OUTCOME);
    org.assertj.core.api.Assertions.assertThat(messages.to(trackingNumber).get(1).english())
        .contains("Disciplinary action was taken").doesNotContain("DISMISSAL");
  }

  @Test
  void acknowledgementDeadlineIsWatchedOnlyWhileTheMailHasNotGoneOut() {
    // acknowledged on the status page at intake: no deadline left to watch, no timer for the life of the case
    ProcessInstance acknowledged = receive(complaint());
    org.assertj.core.api.Assertions.assertThat(jobQuery().processInstanceId(acknowledged.getId())
        .activityId("acknowledgement-due").count()).isZero();

    // a complainant to be acknowledged by mail, and the mail has not gone out
    ProcessInstance stuck = mailableComplaint("whistle@example.org", true);
    execute(job("acknowledgement-due", stuck));
    assertThat(stuck).isWaitingAt("mail-acknowledgement", "escalate-acknowledgement", "screen-complaint");
    completeAs("supervisor", task("escalate-acknowledgement", stuck), vars("escalationAction", "แก้ระบบอีเมล / Mail fixed"));
    assertThat(stuck).hasPassed("acknowledgement-escalation-handled").isWaitingAt("mail-acknowledgement");
  }

  @Autowired th.go.integritydesk.letters.Letters letters;
  @Autowired th.go.integritydesk.storage.Custodians custodians;

  /** The demo custodians' key, opened as intake would with the passphrase (letters to the complainant need it). */
  th.go.integritydesk.storage.Custodians.Unlocked custodian() {
    return custodians.unlock("intake", th.go.integritydesk.storage.Custodians.DEMO_PASSPHRASE);
  }

  /**
   * The paper channel (ADR 0015): a complainant with a postal address and no e-mail gets a letter, posted by intake;
   * the task is done only once the letter is in the register and its posting date is given. One who can be mailed
   * gets no letter task.
   */
  @Test
  void aPostalOnlyComplainantGetsAnAcknowledgementLetterThatIntakePosts() {
    ProcessInstance pi = receivePostal();
    String trackingNumber = businessKey(pi);
    assertThat(pi).isWaitingAt("post-acknowledgement-letter", "screen-complaint");
    org.camunda.bpm.engine.task.Task letter = task("post-acknowledgement-letter", pi);
    assertThat(letter).hasCandidateGroup("intake");
    org.assertj.core.api.Assertions.assertThat(letter.getDueDate()).isNotNull();
    assertThatThrownBy(() -> completeAs("intake", letter, vars("letterPostedOn", today())))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("letterPostedOn");
    letters.generate(new th.go.integritydesk.web.StaffUser("intake", java.util.List.of("intake")), trackingNumber,
        "acknowledgement", null, custodian());
    assertThatThrownBy(() -> completeAs("intake", letter, vars()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("letterPostedOn");
    completeAs("intake", letter, vars("letterPostedOn", today()));
    assertThat(pi).hasPassed("acknowledgement-posted").isWaitingAtExactly("screen-complaint");
    org.assertj.core.api.Assertions.assertThat(historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("acknowledgeByPost").count()).as("transient, never stored").isZero();

    ProcessInstance mailed = mailableComplaint("whistle@example.org", true);
    assertThat(mailed).hasNotPassed("post-acknowledgement-letter").isWaitingAt("mail-acknowledgement");
  }

  private static final th.go.integritydesk.web.StaffUser INTAKE =
      new th.go.integritydesk.web.StaffUser("intake", java.util.List.of("intake"));

  /** A letter complaint, recorded by intake, from a complainant who gave a postal address and no e-mail. */
  private ProcessInstance receivePostal() {
    ComplaintSubmission submission = new ComplaintSubmission(Channel.LETTER, Category.BRIBERY, "เรียกเงิน / Bribe",
        "เจ้าหน้าที่เรียกเงิน / The officer asked for money",
        new ComplaintSubmission.Accused("นาย ค", null, "กองคลัง", Rank.OPERATIONAL, null), null, null, null,
        new ComplaintSubmission.Complainant("ผู้ร้อง ทางไปรษณีย์", null, null, "1 ถนนตรง กรุงเทพฯ 10200"), false, null,
        null, null);
    String trackingNumber = intake.submit(submission, java.util.List.of(), null, "intake").trackingNumber();
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY).singleResult();
  }

  /** A letter complaint from a complainant with a postal address and no e-mail, acknowledged by a posted letter. */
  private ProcessInstance postalComplaint() {
    ProcessInstance pi = receivePostal();
    String trackingNumber = businessKey(pi);
    letters.generate(INTAKE, trackingNumber, "acknowledgement", null, custodian());
    completeAs("intake", task("post-acknowledgement-letter", pi), vars("letterPostedOn", today()));
    return pi;
  }

  private static String today() {
    return java.time.LocalDate.ofInstant(th.go.integritydesk.process.EngineClock.now().toInstant(),
        th.go.integritydesk.process.ThaiDates.BANGKOK).toString();
  }

  /** Completing a letter task: refused before its letter exists, then done, and the letter is marked sent. */
  private void postLetter(ProcessInstance pi, String taskKey, String kind) {
    org.camunda.bpm.engine.task.Task letter = task(taskKey, pi);
    assertThat(letter).hasCandidateGroup("intake");
    org.assertj.core.api.Assertions.assertThat(letter.getDueDate()).isNotNull();
    org.assertj.core.api.Assertions.assertThat(letters.rows(INTAKE, businessKey(pi)))
        .anySatisfy(l -> org.assertj.core.api.Assertions.assertThat(l)
            .containsEntry("kind", kind).containsEntry("status", "owed").containsKey("due"));
    assertThatThrownBy(() -> completeAs("intake", letter, vars("letterPostedOn", today())))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("letterPostedOn").hasMessageContaining(kind);
    letters.generate(INTAKE, businessKey(pi), kind, "ฉบับสำหรับคำขอนี้ / For this request", custodian());
    assertThatThrownBy(() -> completeAs("intake", letter, vars("letterPostedOn", "2999-01-01")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("letterPostedOn");
    completeAs("intake", letter, vars("letterPostedOn", today()));
    org.assertj.core.api.Assertions.assertThat(letters.rows(INTAKE, businessKey(pi)))
        .noneSatisfy(l -> org.assertj.core.api.Assertions.assertThat(l.get("status")).isEqualTo("owed"))
        .anySatisfy(l -> org.assertj.core.api.Assertions.assertThat(l)
            .containsEntry("kind", kind).containsEntry("status", "sent").containsEntry("postedBy", "intake"));
  }

  /**
   * The paper channel goes on after the acknowledgement: a request for facts to a complainant without e-mail is also
   * an intake task to post the letter, beside the wait for the reply (whose time is already running).
   */
  @Test
  void aPostalOnlyComplainantGetsTheRequestForInformationByLetter() {
    ProcessInstance pi = postalComplaint();
    completeAs("screener", task(pi), vars("screeningDecision", "REQUEST_INFO", "infoRequest", "วันเวลาที่เกิดเหตุ? / When?"));
    execute(job("request-complainant-info", pi));
    assertThat(pi).isWaitingAt("post-information-request-letter", "await-complainant-info");
    postLetter(pi, "post-information-request-letter", "information-request");
    assertThat(pi).hasPassed("information-request-posted").isWaitingAtExactly("await-complainant-info");
    org.assertj.core.api.Assertions.assertThat(historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("letterByPost").count()).as("transient, never stored").isZero();

    ProcessInstance anonymous = receive(complaint());
    completeAs("screener", task(anonymous), vars("screeningDecision", "REQUEST_INFO", "infoRequest", "เมื่อไร? / When?"));
    execute(job("request-complainant-info", anonymous));
    assertThat(anonymous).hasNotPassed("post-information-request-letter").isWaitingAtExactly("await-complainant-info");
  }

  /** The outcome, too, goes to a complainant without e-mail as a letter that intake posts; the case is closed first. */
  @Test
  void aPostalOnlyComplainantGetsTheOutcomeByLetter() {
    ProcessInstance pi = postalComplaint();
    completeAs("screener", task(pi), vars("screeningDecision", "REJECT", "screeningReason", "ไม่ใช่เรื่องทุจริต / Not corruption"));
    execute(job("notify-outcome", pi));
    assertThat(pi).hasPassed("case-closed").isWaitingAtExactly("post-outcome-letter");
    assertOutcome(pi, "REJECTED");
    postLetter(pi, "post-outcome-letter", "outcome");
    assertThat(pi).hasPassed("outcome-letter-posted").isEnded();
  }

  /** A withdrawn case's outcome is posted the same way. */
  @Test
  void aPostalOnlyComplainantWhoWithdrawsGetsTheOutcomeByLetter() {
    ProcessInstance pi = postalComplaint();
    runtime.createMessageCorrelation(ComplaintLifecycle.Messages.COMPLAINT_WITHDRAWN)
        .processInstanceBusinessKey(businessKey(pi)).setVariable("withdrawalReason", "ตกลงกันได้ / Settled").correlate();
    completeAs("screener", task("decide-on-withdrawal", pi),
        vars("continueExOfficio", false, "withdrawalDecisionReason", "ไม่มีประโยชน์สาธารณะ / No public interest"));
    execute(job("notify-withdrawal-outcome", pi));
    assertThat(pi).hasPassed("withdrawn-case-closed").isWaitingAt("post-withdrawal-outcome-letter")
        .isNotWaitingAt("screen-complaint");
    postLetter(pi, "post-withdrawal-outcome-letter", "outcome");
    assertThat(pi).hasPassed("withdrawal-outcome-letter-posted").isEnded();
    assertOutcome(pi, "WITHDRAWN");
  }

  @Test
  void requestForInformationAnsweredByTheComplainantReturnsToScreening() {
    ProcessInstance pi = receive(complaint());
    completeAs("screener", task(pi), vars("screeningDecision", "REQUEST_INFO", "infoRequest", "วันเวลาที่เกิดเหตุ? / When?"));
    execute(job("request-complainant-info", pi));
    assertThat(pi).isWaitingAt("await-complainant-info");
    org.assertj.core.api.Assertions.assertThat(complaints.stageOf(businessKey(pi))).contains(Stage.AWAITING_COMPLAINANT);
    org.assertj.core.api.Assertions.assertThat(messages.to(businessKey(pi))).extracting(ComplainantMessages.Message::kind)
        .contains(Kind.INFO_REQUEST);

    runtime.createMessageCorrelation(ComplaintLifecycle.Messages.COMPLAINANT_INFO_RECEIVED)
        .processInstanceBusinessKey(businessKey(pi)).correlate();

    assertThat(pi).hasPassed("complainant-info-received").isWaitingAt("screen-complaint")
        .variables().containsEntry("infoRequestExpired", false);
  }

  @Test
  void waitingForTheComplainantPausesTheScreeningDeadlineInsteadOfResettingIt() {
    java.time.Instant start = java.time.Instant.parse("2026-03-02T03:00:00Z");
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(start));
    ProcessInstance pi = receive(complaint());
    java.time.Instant due = start.plus(java.time.Duration.ofDays(15));
    org.assertj.core.api.Assertions.assertThat(task(pi).getDueDate().toInstant()).isEqualTo(due);
    org.assertj.core.api.Assertions.assertThat(job("screening-deadline", pi).getDuedate().toInstant()).isEqualTo(due);

    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(start.plus(java.time.Duration.ofDays(5))));
    completeAs("screener", task(pi), vars("screeningDecision", "REQUEST_INFO", "infoRequest", "ใคร / Who?"));
    execute(job("request-complainant-info", pi));
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(start.plus(java.time.Duration.ofDays(15))));
    runtime.createMessageCorrelation(ComplaintLifecycle.Messages.COMPLAINANT_INFO_RECEIVED)
        .processInstanceBusinessKey(businessKey(pi)).correlate();

    // ten days waited for the complainant: the deadline moves by ten days, it does not start again from zero
    java.time.Instant paused = due.plus(java.time.Duration.ofDays(10));
    org.assertj.core.api.Assertions.assertThat(task(pi).getDueDate().toInstant()).isEqualTo(paused);
    org.assertj.core.api.Assertions.assertThat(job("screening-deadline", pi).getDuedate().toInstant()).isEqualTo(paused);
  }

  @Test
  void requestForInformationLeftUnansweredReturnsToScreeningMarkedExpired() {
    ProcessInstance pi = receive(complaint());
    completeAs("screener", task(pi), vars("screeningDecision", "REQUEST_INFO", "infoRequest", "หลักฐาน? / Evidence?"));
    execute(job("request-complainant-info", pi));
    execute(job("complainant-info-timeout", pi));
    assertThat(pi).hasPassed("note-info-request-expired").isWaitingAt("screen-complaint")
        .variables().containsEntry("infoRequestExpired", true);
  }

  @Test
  void forwardedComplaintClosesAsForwarded() {
    ProcessInstance pi = receive(complaint());
    completeAs("screener", task(pi), vars("screeningDecision", "FORWARD", "forwardTo", "PACC",
        "screeningReason", "ต่ำกว่าระดับอำนวยการ / Below director level"));
    execute(job("forward-to-agency", pi));
    execute(job("notify-outcome", pi));
    assertThat(pi).hasPassed("forward-to-agency", "close-case").isEnded();
    assertOutcome(pi, "FORWARDED");
    org.assertj.core.api.Assertions.assertThat(messages.to(businessKey(pi))).extracting(ComplainantMessages.Message::kind)
        .containsExactly(Kind.ACKNOWLEDGEMENT, Kind.FORWARDED, Kind.OUTCOME);
    // the words come from messages*.properties: the body's name and the outcome, in Thai and in English
    ComplainantMessages.Message forwarded = messages.to(businessKey(pi)).get(1);
    org.assertj.core.api.Assertions.assertThat(forwarded.thai())
        .isEqualTo("เรื่องของท่านอยู่ในอำนาจของ สำนักงาน ป.ป.ท. จึงส่งต่อไปดำเนินการ");
    org.assertj.core.api.Assertions.assertThat(forwarded.english()).isEqualTo(
        "Your complaint falls under the Public Sector Anti-Corruption Commission (PACC) and has been forwarded there.");
    ComplainantMessages.Message closed = messages.to(businessKey(pi)).get(2);
    org.assertj.core.api.Assertions.assertThat(closed.thai()).isEqualTo(
        "เรื่องร้องเรียนเลขที่ " + businessKey(pi) + " ดำเนินการเสร็จสิ้นแล้ว ผล: ส่งต่อหน่วยงานที่มีอำนาจ");
    org.assertj.core.api.Assertions.assertThat(closed.english()).isEqualTo(
        "Complaint " + businessKey(pi) + " is closed. Outcome: The complaint was forwarded to the body with jurisdiction.");
  }

  @Test
  void duplicateIsMergedIntoTheExistingCase() {
    ProcessInstance existing = receive(complaint());
    ProcessInstance duplicate = receive(complaint());
    completeAs("screener", task(duplicate), vars("screeningDecision", "MERGE", "duplicateOf", businessKey(existing)));
    execute(job("notify-outcome", duplicate));
    assertThat(duplicate).hasPassed("merge-into-case").isEnded();
    assertOutcome(duplicate, "MERGED");
    assertThat(existing).isWaitingAt("screen-complaint");
  }

  @Test
  void rejectedComplaintClosesAsRejected() {
    ProcessInstance pi = receive(vars("channel", "HOTLINE", "category", "OTHER", "subject", "ถนนชำรุด / Broken road",
        "description", "ไม่ใช่เรื่องทุจริต / Not corruption", "accusedUnit", "กองช่าง", "accusedRank", "OPERATIONAL"));
    assertThat(pi).variables().containsEntry("routingSuggestion", "REJECT");
    completeAs("screener", task(pi), vars("screeningDecision", "REJECT", "screeningReason", "ไม่ใช่เรื่องทุจริต / Not corruption"));
    execute(job("notify-outcome", pi));
    assertThat(pi).isEnded();
    assertOutcome(pi, "REJECTED");
  }

  @Test
  void screeningDecisionMissingWhatItsPathNeedsIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance pi = receive(complaint());
    assertThatThrownBy(() -> completeAs("screener", task(pi), vars("screeningDecision", "FORWARD")))
        .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("forwardTo");
    assertThatThrownBy(() -> completeAs("screener", task(pi), vars("screeningDecision", "MERGE", "duplicateOf", "ACC-2500-999999")))
        .hasMessageContaining("duplicateOf");
    assertThatThrownBy(() -> completeAs("screener", task(pi), vars("screeningDecision", "MAYBE")))
        .hasMessageContaining("screeningDecision");
    assertThat(pi).isWaitingAt("screen-complaint");
  }

  @Test
  void missedScreeningDeadlineEscalatesToSupervisorWithoutCancellingScreening() {
    ProcessInstance pi = receive(complaint());
    execute(job("screening-deadline", pi));
    assertThat(pi).isWaitingAt("screen-complaint", "escalate-screening");
    assertThat(task("escalate-screening", pi)).hasCandidateGroup("supervisor");
    assertThat(pi).variables().doesNotContainKey("overdueStage");
    completeAs("supervisor", task("escalate-screening", pi), vars("escalationAction", "โทรเร่งรัด / Phoned the officer"));
    assertThat(pi).hasPassed("screening-escalation-handled").isWaitingAt("screen-complaint");
  }

  @Test
  void withdrawalAcceptedClosesTheCaseAsWithdrawn() {
    ProcessInstance pi = receive(complaint());
    runtime.createMessageCorrelation(ComplaintLifecycle.Messages.COMPLAINT_WITHDRAWN)
        .processInstanceBusinessKey(businessKey(pi)).setVariable("withdrawalReason", "ตกลงกันได้ / Settled").correlate();
    assertThat(pi).isWaitingAt("screen-complaint", "decide-on-withdrawal");
    completeAs("screener", task("decide-on-withdrawal", pi),
        vars("continueExOfficio", false, "withdrawalDecisionReason", "ไม่มีประโยชน์สาธารณะ / No public interest"));
    assertThat(pi).hasPassed("withdrawal-accepted", "case-withdrawn", "record-withdrawal", "close-withdrawn")
        .isWaitingAt("notify-withdrawal-outcome").isNotWaitingAt("screen-complaint");
    execute(job("notify-withdrawal-outcome", pi));
    assertThat(pi).hasPassed("withdrawn-case-closed").isEnded();
    assertOutcome(pi, "WITHDRAWN");
  }

  @Test
  void withdrawalOverruledLetsTheCaseGoOnExOfficio() {
    ProcessInstance pi = receive(complaint());
    runtime.createMessageCorrelation(ComplaintLifecycle.Messages.COMPLAINT_WITHDRAWN)
        .processInstanceBusinessKey(businessKey(pi)).correlate();
    completeAs("screener", task("decide-on-withdrawal", pi),
        vars("continueExOfficio", true, "withdrawalDecisionReason", "มีหลักฐานชัด / Strong evidence"));
    assertThat(pi).hasPassed("case-continues").isWaitingAt("screen-complaint");
  }

  @Test
  void naccFindingOfFaultSkipsFactFindingAndGoesStraightToThePenalty() {
    Map<String, Object> referral = complaint();
    referral.put("channel", "REFERRAL_NACC");
    referral.put("naccFindingOfFault", true);
    ProcessInstance pi = receive(referral);
    assertThat(pi).variables().containsEntry("routingSuggestion", "ACCEPT");
    completeAs("screener", task(pi), vars("screeningDecision", "ACCEPT"));
    assertThat(pi).hasPassed("nacc-finding-check").hasNotPassed("fact-finding").isWaitingAt("disciplinary-action");
    ProcessInstance discipline = calledProcessInstance("disciplinary-action", pi);
    assertThat(discipline).isWaitingAt("decide-penalty");
    completeAs("authority", task(discipline), vars("penalty", "EXPULSION", "penaltyReason", "ตามสำนวน ป.ป.ช. / On NACC's file"));
    execute(job("report-to-subcommittee", discipline));
    completeAs("authority", task("send-order-to-nacc", discipline),
        vars("naccLetterNumber", "ศปท 0001/2569", "naccOrderSentOn", "2026-01-10"));
    execute(job("appeal-window-closed", discipline));
    execute(job("notify-outcome", pi));
    assertThat(pi).isEnded();
    assertOutcome(pi, "PENALISED");
  }

  @Test
  void noGroundsClosesAfterFactFinding() {
    ProcessInstance pi = receive(complaint());
    completeAs("screener", task(pi), vars("screeningDecision", "ACCEPT"));
    findFacts(calledProcessInstance("fact-finding", pi), "NO_GROUNDS");
    execute(job("notify-outcome", pi));
    assertThat(pi).hasNotPassed("disciplinary-action").isEnded();
    assertOutcome(pi, "NO_GROUNDS");
  }

  @Test
  void criminalMatterIsReferred() {
    ProcessInstance pi = receive(complaint());
    completeAs("screener", task(pi), vars("screeningDecision", "ACCEPT"));
    findFacts(calledProcessInstance("fact-finding", pi), "CRIMINAL_REFERRAL");
    execute(job("refer-criminal-matter", pi));
    execute(job("notify-outcome", pi));
    assertThat(pi).hasPassed("refer-criminal-matter").isEnded();
    assertOutcome(pi, "REFERRED_CRIMINAL");
  }

  @Test
  void minorOffenceWithPenaltyWaivedClosesWithoutPenalty() {
    ProcessInstance pi = receive(complaint());
    completeAs("screener", task(pi), vars("screeningDecision", "ACCEPT"));
    findFacts(calledProcessInstance("fact-finding", pi), "MINOR_OFFENCE");
    ProcessInstance discipline = calledProcessInstance("disciplinary-action", pi);
    assertThat(discipline).isWaitingAt("decide-penalty");
    completeAs("authority", task(discipline), vars("penalty", "NONE", "penaltyReason", "เหตุอันควรปรานี / Mitigation"));
    execute(job("notify-outcome", pi));
    assertThat(pi).isEnded();
    assertOutcome(pi, "NO_PENALTY");
  }

  private void findFacts(ProcessInstance facts, String findings) {
    completeAs("supervisor", task("assign-investigator", facts), vars("investigator", "investigator"));
    completeAs("investigator", task("conduct-fact-finding", facts),
        vars("findings", findings, "findingsSummary", "สรุปผล / Summary"));
    completeAs("supervisor", task("review-findings", facts), vars("findingsApproved", true));
    assertThat(facts).isEnded();
  }

  private static void assertOutcome(ProcessInstance pi, String outcome) {
    org.assertj.core.api.Assertions.assertThat(historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("outcome").singleResult().getValue()).isEqualTo(outcome);
  }

  private static String businessKey(ProcessInstance pi) {
    return processInstanceQuery().processInstanceId(pi.getId()).singleResult() != null
        ? processInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey()
        : historyService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey();
  }
}

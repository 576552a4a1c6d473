package th.go.integritydesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.integritydesk.process.ProcessTest;
import th.go.integritydesk.process.ProcessTestSupport;

/** Mail to complainants against a real in-process SMTP server (GreenMail on port 3025). */
@ProcessTest
class ComplainantMailTest extends ProcessTestSupport {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, "localhost", ServerSetup.PROTOCOL_SMTP));

  @Autowired ManagementService management;
  @Autowired Mailer mailer;
  @Autowired PlatformTransactionManager transactions;

  private ProcessInstance namedComplaint(String email, boolean consent) {
    return mailableComplaint(email, consent);
  }

  @Test
  void acknowledgementRequestForFactsAndOutcomeAreMailedInThaiAndEnglish() throws Exception {
    ProcessInstance pi = namedComplaint("whistle@example.org", true);
    org.assertj.core.api.Assertions.assertThat(job("acknowledgement-due", pi)).as("the deadline watches the mail").isNotNull();
    execute(job("mail-acknowledgement", pi));
    BpmnAwareTests.assertThat(pi).hasPassed("acknowledgement-mailed").variables().containsKey("acknowledgedAt");
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("acknowledgement-due").count())
        .as("mailed: the deadline's timer is gone with the step").isZero();
    completeAs("screener", task(pi), vars("screeningDecision", "REQUEST_INFO", "infoRequest", "ร้านไหน / Which shop?"));
    execute(job("request-complainant-info", pi));
    runtime.createMessageCorrelation("ComplainantInfoReceived").processInstanceId(pi.getId()).correlate();
    completeAs("screener", task(pi), vars("screeningDecision", "REJECT", "screeningReason", "นอกอำนาจ / Out of scope"));
    execute(job("notify-outcome", pi));

    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(3);
    String trackingNumber = (String) historyService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getBusinessKey();
    for (MimeMessage mail : mails) {
      assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("whistle@example.org");
      assertThat(mail.getSubject()).isEqualTo("เรื่องร้องเรียนเลขที่ " + trackingNumber + " / Complaint " + trackingNumber);
      assertThat(mail.getContent().toString())
          .contains("ติดตามเรื่องได้ที่หน้าติดตามเรื่องด้วยเลขรับเรื่องและรหัสรับเรื่องของท่าน").contains("----")
          .contains("Follow your case on the status page with your tracking number and receipt code.");
      assertThat(mail.getMessageID()).startsWith("<" + trackingNumber);
    }
    String acknowledgement = GreenMailUtil.getBody(mails[0]);
    assertThat(mails[0].getContent().toString()).contains("ได้รับเรื่องร้องเรียน").contains("has received complaint")
        .contains("พ.ศ.");
    assertThat(acknowledgement).isNotBlank();
    assertThat(mails[1].getContent().toString()).contains("Which shop?");
    assertThat(mails[2].getContent().toString()).contains("Outcome").contains("closed without further action")
        .doesNotContain("นาย ค");
  }

  @Test
  void noMailWithoutConsentToBeContacted() {
    ProcessInstance pi = namedComplaint("quiet@example.org", false);
    // acknowledged on the status page in the intake's own transaction: no mail step at all
    BpmnAwareTests.assertThat(pi).hasPassed("acknowledge-receipt").hasNotPassed("mail-acknowledgement")
        .isWaitingAtExactly("screen-complaint").variables().containsKey("acknowledgedAt");
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("mail-acknowledgement").count())
        .isZero();
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void aRefusingMailServerFailsTheStepWhichIsRetriedAndBecomesAnIncidentWhenRetriesRunOut() {
    ProcessInstance pi = namedComplaint("whistle@example.org", true);
    smtp.stop();
    // screening does not wait for the mail; whether the complainant can be mailed is not stored with the case
    BpmnAwareTests.assertThat(pi).isWaitingAt("mail-acknowledgement", "screen-complaint").variables()
        .doesNotContainKeys("acknowledgedAt", "acknowledgeByMail");
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("acknowledgeByMail").count()).isZero();
    Job acknowledgement = job("mail-acknowledgement", pi);
    for (int attempt = 0; attempt < 10 && management.createJobQuery().jobId(acknowledgement.getId()).singleResult()
        .getRetries() > 0; attempt++) {
      assertThatThrownBy(() -> management.executeJob(acknowledgement.getId()))
          .hasStackTraceContaining("did not accept mail");
    }
    assertThat(management.createJobQuery().jobId(acknowledgement.getId()).singleResult().getRetries()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult().getActivityId())
        .isEqualTo("mail-acknowledgement");
    BpmnAwareTests.assertThat(pi).isWaitingAt("mail-acknowledgement", "screen-complaint");
    smtp.start();
    management.setJobRetries(acknowledgement.getId(), 1);
    management.executeJob(acknowledgement.getId());
    BpmnAwareTests.assertThat(pi).hasPassed("acknowledgement-mailed").isWaitingAtExactly("screen-complaint")
        .variables().containsKey("acknowledgedAt");
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aRetryAfterAStepThatHadInFactSentDoesNotMailTwice() {
    Mailer.Mail mail = new Mailer.Mail("ACC-2569-990099.test.1@integrity-desk", "whistle@example.org", "ทดสอบ / Test",
        "ข้อความ / Text");
    TransactionTemplate step = new TransactionTemplate(transactions);
    // the step sends, then fails and rolls back: the mail is out, the engine will retry the step
    step.executeWithoutResult(status -> {
      mailer.send(mail);
      status.setRollbackOnly();
    });
    assertThat(mailer.send(mail)).isFalse();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }
}

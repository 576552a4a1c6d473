package th.go.integritydesk.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import th.go.integritydesk.intake.Category;
import th.go.integritydesk.intake.Channel;
import th.go.integritydesk.intake.Complaint;
import th.go.integritydesk.intake.ComplaintSubmission;
import th.go.integritydesk.intake.Complaints;
import th.go.integritydesk.intake.IntakeService;
import th.go.integritydesk.intake.Rank;
import org.springframework.beans.factory.annotation.Autowired;

/** What the process tests share: the engine, a typical complaint, and acting as a demo user. */
public abstract class ProcessTestSupport {

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected IdentityService identity;
  @Autowired protected Complaints complaints;
  @Autowired protected IntakeService intake;

  @BeforeEach
  void bindAssertions() {
    init(engine);
    ClockUtil.reset();
  }

  @AfterEach
  void resetClockAndAuthentication() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  /** A complaint as an intake officer records it: bribery by an official below director level. */
  protected static Map<String, Object> complaint() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("channel", "LETTER");
    vars.put("category", "BRIBERY");
    vars.put("subject", "เรียกรับเงินเพื่อเร่งออกใบอนุญาต / Money demanded to speed up a permit");
    vars.put("description", "เจ้าหน้าที่เรียกรับเงิน 5,000 บาท / The officer asked for 5,000 baht.");
    vars.put("accusedName", "นาย ก");
    vars.put("accusedUnit", "กองคลัง");
    vars.put("accusedRank", "OPERATIONAL");
    vars.put("incidentDate", "2025-09-01");
    return vars;
  }

  /** A stored complaint, for tests that start a called process on its own; returns its tracking number. */
  protected String registeredComplaint() {
    return registeredComplaint(false);
  }

  /** A stored complaint; a NACC referral that found fault when {@code naccFindingOfFault}. */
  protected String registeredComplaint(boolean naccFindingOfFault) {
    return complaints.register(new Complaint(naccFindingOfFault ? Channel.REFERRAL_NACC : Channel.LETTER, Category.BRIBERY,
        "เรียกรับเงิน / Bribe", "รายละเอียด / Facts", null, null, "กองคลัง", Rank.OPERATIONAL, null, null, null, null,
        naccFindingOfFault, null, null, "intake"));
  }

  /** Starts a complaint; its acknowledgement is on the status page at once, and it waits for screening. */
  protected ProcessInstance receive(Map<String, Object> vars) {
    return runtime.startProcessInstanceByKey(ComplaintLifecycle.PROCESS_KEY, vars);
  }

  /**
   * A complaint taken in through the intake API from a complainant who left an address and agreed to be mailed: it
   * waits for screening and, beside it, for the acknowledgement mail.
   */
  protected ProcessInstance mailableComplaint(String email, boolean consent) {
    ComplaintSubmission submission = new ComplaintSubmission(Channel.WEB, Category.BRIBERY, "เรียกเงิน / Bribe",
        "เจ้าหน้าที่เรียกเงิน / The officer asked for money",
        new ComplaintSubmission.Accused("นาย ค", null, "กองคลัง", Rank.OPERATIONAL, null), null, null, null,
        new ComplaintSubmission.Complainant("ผู้ร้อง", email, null, null), consent, null, null, null);
    String trackingNumber = intake.submit(submission, List.of(), null).trackingNumber();
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY).singleResult();
  }

  /**
   * Completes a task as the given officer: claims it (so the assignment listeners run) and completes it. Group
   * permissions are proven over HTTP in LifecycleOverHttpTest; here the task's assignee is the acting officer,
   * which is what the segregation-of-duties listeners read when no caller is authenticated.
   */
  protected void completeAs(String userId, Task task, Map<String, Object> vars) {
    claimAs(userId, task);
    tasks.complete(task.getId(), vars);
  }

  protected void claimAs(String userId, Task task) {
    tasks.setAssignee(task.getId(), userId);
  }

  protected static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], keyValues[i + 1]);
    }
    return vars;
  }
}

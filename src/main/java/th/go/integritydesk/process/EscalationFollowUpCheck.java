package th.go.integritydesk.process;

import static th.go.integritydesk.process.DeadlineEscalation.Variables.*;

import java.sql.Timestamp;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A supervisor closing an overdue-deadline escalation says what was done about it, and may extend the deadline
 * (fact-finding, disciplinary investigation): the next deadline then falls that long after the missed one, on the
 * overdue task's due date and on the deadline's timer, and the extension is recorded with its reason.
 */
@Component("escalationFollowUpCheck")
public class EscalationFollowUpCheck implements TaskListener {

  private static final Logger AUDIT = LoggerFactory.getLogger("integrity-desk.audit");

  private final ManagementService management;
  private final TaskService tasks;
  private final JdbcClient jdbc;

  public EscalationFollowUpCheck(@Lazy ManagementService management, @Lazy TaskService tasks, JdbcClient jdbc) {
    this.management = management;
    this.tasks = tasks;
    this.jdbc = jdbc;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution scope = task.getExecution();
    // local to the escalation (input parameters in the model), so one answer never satisfies the next escalation
    String action = text(scope.getVariableLocal(ESCALATION_ACTION));
    if (action == null) {
      throw TaskInput.invalid(ESCALATION_ACTION, "refusal.escalationAction");
    }
    if (action.length() > 4000) {
      throw TaskInput.invalid(ESCALATION_ACTION, "refusal.tooLong", "4000");
    }
    String extendBy = text(scope.getVariableLocal(EXTEND_BY));
    if (extendBy == null) {
      return;
    }
    String timerId = text(scope.getVariableLocal(DEADLINE_TIMER));
    if (timerId == null) {
      throw TaskInput.invalid(EXTEND_BY, "refusal.notExtendable");
    }
    if (!extendBy.matches("^P[1-9][0-9]{0,2}D$")) {
      throw TaskInput.invalid(EXTEND_BY, "refusal.days");
    }
    Date newDue = Deadlines.plus(task.getCreateTime(), extendBy);
    Job timer = management.createJobQuery().processInstanceId(task.getProcessInstanceId()).activityId(timerId).singleResult();
    if (timer != null) {
      management.setJobDuedate(timer.getId(), newDue);
    }
    String overdueTaskKey = text(scope.getVariableLocal(OVERDUE_TASK));
    for (Task overdue : tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId())
        .taskDefinitionKey(overdueTaskKey).list()) {
      tasks.setDueDate(overdue.getId(), newDue);
    }
    String trackingNumber = CaseKey.of(task);
    jdbc.sql("""
            INSERT INTO deadline_extension (tracking_number, overdue_task, extended_by, new_due, decided_by, reason, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(trackingNumber, overdueTaskKey, extendBy, new Timestamp(newDue.getTime()), ActingUser.of(task), action,
            EngineClock.now())
        .update();
    AUDIT.info("Deadline of {} in case {} extended by {} to {}", overdueTaskKey, trackingNumber, extendBy, newDue);
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}

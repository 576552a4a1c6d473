package th.go.integritydesk.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A supervisor closing an overdue-deadline escalation says what was done about it. */
@Component("escalationFollowUpCheck")
public class EscalationFollowUpCheck implements TaskListener {

  public static final String ESCALATION_ACTION = "escalationAction";

  @Override
  public void notify(DelegateTask task) {
    // local to the escalation (an input parameter in the model), so one answer never satisfies the next escalation
    Object action = task.getExecution().getVariableLocal(ESCALATION_ACTION);
    if (action == null || action.toString().isBlank()) {
      throw TaskInput.invalid(ESCALATION_ACTION, "ต้องระบุการดำเนินการ", "is required");
    }
    if (action.toString().length() > 4000) {
      throw TaskInput.invalid(ESCALATION_ACTION, "ยาวเกิน 4000 ตัวอักษร", "is longer than 4000 characters");
    }
  }
}

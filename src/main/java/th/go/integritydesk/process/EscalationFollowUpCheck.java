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
    TaskInput.of(task).requiredText(ESCALATION_ACTION, 4000);
  }
}

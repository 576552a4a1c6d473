package th.go.integritydesk.closure;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.CONTINUE_EX_OFFICIO;
import static th.go.integritydesk.process.ComplaintLifecycle.Variables.WITHDRAWAL_DECISION_REASON;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.TaskInput;

/** Whether a withdrawn case goes on ex officio is a reasoned decision. */
@Component("withdrawalDecisionCheck")
public class WithdrawalDecisionCheck implements TaskListener {


  @Override
  public void notify(DelegateTask task) {
    TaskInput in = TaskInput.of(task);
    task.setVariable(CONTINUE_EX_OFFICIO, in.flag(CONTINUE_EX_OFFICIO));
    in.requiredText(WITHDRAWAL_DECISION_REASON, 4000);
  }
}

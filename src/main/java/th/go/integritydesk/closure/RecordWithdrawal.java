package th.go.integritydesk.closure;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.WITHDRAWN;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The screening officer let the withdrawal stand: the case closes as WITHDRAWN. */
@Component("recordWithdrawal")
public class RecordWithdrawal implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(WITHDRAWN, true);
  }
}

package th.go.integritydesk.screening;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.INFO_REQUEST_EXPIRED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The complainant did not answer in time: the screening form says so, and the officer decides on the facts at hand. */
@Component("noteInfoRequestExpired")
public class NoteInfoRequestExpired implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(INFO_REQUEST_EXPIRED, true);
  }
}

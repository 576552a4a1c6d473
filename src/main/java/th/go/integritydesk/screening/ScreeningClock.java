package th.go.integritydesk.screening;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.Vars;

/**
 * Pauses the screening deadline while the case waits for the complainant: when screening resumes (the start of
 * screening-merge), the time since the request for facts is added to the pause, so the deadline moves by exactly that
 * much and is never reset.
 */
@Component("screeningClock")
public class ScreeningClock implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Date requestedAt = Vars.date(execution, INFO_REQUESTED_AT);
    if (requestedAt == null) {
      return;
    }
    Object paused = execution.getVariable(SCREENING_PAUSED_MILLIS);
    long before = paused == null ? 0 : ((Number) paused).longValue();
    execution.setVariable(SCREENING_PAUSED_MILLIS, before + (ClockUtil.getCurrentTime().getTime() - requestedAt.getTime()));
    execution.removeVariable(INFO_REQUESTED_AT);
  }
}

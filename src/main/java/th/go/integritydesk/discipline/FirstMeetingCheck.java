package th.go.integritydesk.discipline;

import static th.go.integritydesk.process.DisciplinaryAction.Variables.FIRST_MEETING_DATE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.TaskInput;

/** The chair records when the committee first met (due within 7 days of the order, Civil Service Act practice). */
@Component("firstMeetingCheck")
public class FirstMeetingCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInput.of(task).requiredText(FIRST_MEETING_DATE, 30);
  }
}

package th.go.integritydesk.intake;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.ComplaintLifecycle;

/**
 * Keeps the complaint's stage in step with the lifecycle: an execution listener ({@code ${stageTracker}}) on the
 * start of each stage's first element in complaint-lifecycle.bpmn.
 */
@Component("stageTracker")
public class StageTracker implements ExecutionListener {

  private static final Map<String, Stage> STAGE_BY_ELEMENT = Map.of(
      ComplaintLifecycle.Elements.SCREEN_COMPLAINT, Stage.SCREENING,
      ComplaintLifecycle.Elements.AWAIT_COMPLAINANT_INFO, Stage.AWAITING_COMPLAINANT,
      ComplaintLifecycle.Elements.FACT_FINDING, Stage.FACT_FINDING,
      ComplaintLifecycle.Elements.DISCIPLINARY_ACTION, Stage.DISCIPLINARY_ACTION);

  private final Complaints complaints;

  public StageTracker(Complaints complaints) {
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Stage stage = STAGE_BY_ELEMENT.get(execution.getCurrentActivityId());
    if (stage == null) {
      throw new IllegalStateException("No stage is mapped to element " + execution.getCurrentActivityId());
    }
    complaints.moveTo(execution.getProcessBusinessKey(), stage);
  }
}

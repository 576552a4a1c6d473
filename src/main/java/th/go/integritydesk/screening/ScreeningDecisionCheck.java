package th.go.integritydesk.screening;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.intake.Complaints;
import th.go.integritydesk.intake.TrackingNumbers;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.TaskInput;

/** Refuses a screening decision that lacks what its path needs (where to forward, which case to merge into, ...). */
@Component("screeningDecisionCheck")
public class ScreeningDecisionCheck implements TaskListener {

  private final Complaints complaints;

  public ScreeningDecisionCheck(Complaints complaints) {
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInput in = TaskInput.of(task);
    ScreeningDecision decision = in.requiredEnum(SCREENING_DECISION, ScreeningDecision.class);
    switch (decision) {
      case FORWARD -> {
        Agency agency = in.requiredEnum(FORWARD_TO, Agency.class);
        if (agency == Agency.OTHER_AGENCY) {
          in.requiredText(FORWARD_AGENCY_NAME, 200);
        }
        in.requiredText(SCREENING_REASON, 4000);
      }
      case MERGE -> {
        String existing = in.requiredText(DUPLICATE_OF, 20);
        if (!existing.matches(TrackingNumbers.PATTERN) || !complaints.exists(existing)) {
          throw TaskInput.invalid(DUPLICATE_OF, "refusal.noSuchCase");
        }
        if (existing.equals(CaseKey.of(task))) {
          throw TaskInput.invalid(DUPLICATE_OF, "refusal.duplicateOfItself");
        }
      }
      case REQUEST_INFO -> in.requiredText(INFO_REQUEST, 4000);
      case REJECT -> in.requiredText(SCREENING_REASON, 4000);
      case ACCEPT -> { }
    }
  }
}

package th.go.integritydesk.investigation;

import static th.go.integritydesk.process.FactFinding.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.identity.SegregationOfDuties;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.TaskInput;

/** The review is by someone other than whoever wrote the findings (from the case's recorded duties), and sending findings back says what to fix. */
@Component("findingsReviewCheck")
public class FindingsReviewCheck implements TaskListener {

  private final SegregationOfDuties duties;

  public FindingsReviewCheck(SegregationOfDuties duties) {
    this.duties = duties;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInput in = TaskInput.of(task);
    boolean approved = in.flag(FINDINGS_APPROVED);
    task.setVariable(FINDINGS_APPROVED, approved);
    if (!approved) {
      in.requiredText(REVIEW_COMMENT, 4000);
    }
    duties.checkReviewer(duties.actingUser(task), CaseKey.of(task));
  }
}

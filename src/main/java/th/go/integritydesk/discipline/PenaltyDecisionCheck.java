package th.go.integritydesk.discipline;

import static th.go.integritydesk.process.DisciplinaryAction.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.identity.CaseDuties;
import th.go.integritydesk.identity.SegregationOfDuties;
import th.go.integritydesk.intake.Complaints;
import th.go.integritydesk.investigation.Findings;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.TaskInput;
import th.go.integritydesk.process.Vars;

/**
 * Whoever claims or completes {@code decide-penalty} did not find the facts nor sit on the committee; the
 * penalty fits the offence (dismissal and expulsion only for a serious one) and is reasoned.
 */
@Component("penaltyDecisionCheck")
public class PenaltyDecisionCheck implements TaskListener {

  private final SegregationOfDuties duties;
  private final CaseDuties caseDuties;
  private final Complaints complaints;

  public PenaltyDecisionCheck(SegregationOfDuties duties, CaseDuties caseDuties, Complaints complaints) {
    this.duties = duties;
    this.caseDuties = caseDuties;
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateTask task) {
    String trackingNumber = CaseKey.of(task);
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      if (task.getAssignee() != null) {
        duties.checkIndependentDecider(task.getAssignee(), trackingNumber);
      }
      return;
    }
    String decider = duties.actingUser(task);
    duties.checkIndependentDecider(decider, trackingNumber);
    task.setVariable(PENALTY_DECIDED_BY, decider);
    TaskInput in = TaskInput.of(task);
    Penalty penalty = in.requiredEnum(PENALTY, Penalty.class);
    in.requiredText(PENALTY_REASON, 4000);
    String findings = caseDuties.latestDetail(trackingNumber, CaseDuties.Duty.FACT_FINDING)
        .orElse(Vars.text(task, FINDINGS)); // cases begun before case_duty existed
    boolean minor = Findings.MINOR_OFFENCE.name().equals(findings)
        && !complaints.routing(trackingNumber).naccFindingOfFault();
    if (minor && penalty.onlyForSeriousOffences()) {
      throw TaskInput.invalid(PENALTY, "refusal.expulsionForMinorOffence");
    }
  }
}

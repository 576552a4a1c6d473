package th.go.integritydesk.discipline;

import static th.go.integritydesk.process.DisciplinaryAction.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.identity.CaseDuties;
import th.go.integritydesk.identity.SegregationOfDuties;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.TaskInput;

/**
 * The committee's chair and members are known officials with a unit that is not the accused's; the appointing
 * authority does not sit on it. The appointment is recorded as the case's duties (who may not later decide the penalty).
 */
@Component("committeeAppointmentCheck")
public class CommitteeAppointmentCheck implements TaskListener {

  private final SegregationOfDuties duties;
  private final org.camunda.bpm.engine.IdentityService identity;
  private final CaseDuties caseDuties;
  private final th.go.integritydesk.intake.Complaints complaints;

  public CommitteeAppointmentCheck(SegregationOfDuties duties, org.camunda.bpm.engine.IdentityService identity,
                                   CaseDuties caseDuties, th.go.integritydesk.intake.Complaints complaints) {
    this.duties = duties;
    this.complaints = complaints;
    this.identity = identity;
    this.caseDuties = caseDuties;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInput in = TaskInput.of(task);
    String chair = in.requiredText(COMMITTEE_CHAIR, 64);
    requireUser(COMMITTEE_CHAIR, chair);
    for (String member : FactFinders.members(in.text(COMMITTEE_MEMBERS))) {
      requireUser(COMMITTEE_MEMBERS, member);
    }
    String appointing = duties.actingUser(task);
    if (appointing != null && (appointing.equals(chair) || FactFinders.members(in.text(COMMITTEE_MEMBERS)).contains(appointing))) {
      throw TaskInput.invalid(COMMITTEE_CHAIR, "refusal.appointingOnCommittee");
    }
    String trackingNumber = CaseKey.of(task);
    String accusedUnit = complaints.routing(trackingNumber).accusedUnit();
    duties.checkOutsideTheAccusedUnit(COMMITTEE_CHAIR, chair, accusedUnit, trackingNumber);
    for (String member : FactFinders.members(in.text(COMMITTEE_MEMBERS))) {
      duties.checkOutsideTheAccusedUnit(COMMITTEE_MEMBERS, member, accusedUnit, trackingNumber);
    }
    caseDuties.record(trackingNumber, CaseDuties.Duty.COMMITTEE_CHAIR, chair, null, task.getId());
    for (String member : FactFinders.members(in.text(COMMITTEE_MEMBERS))) {
      caseDuties.record(trackingNumber, CaseDuties.Duty.COMMITTEE_MEMBER, member, null, task.getId());
    }
  }

  private void requireUser(String field, String userId) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      throw TaskInput.invalid(field, "refusal.unknownUser", userId);
    }
  }
}

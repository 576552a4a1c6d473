package th.go.integritydesk.identity;

import th.go.integritydesk.process.Bilingual;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import th.go.integritydesk.process.ActingUser;
import th.go.integritydesk.process.DutyConflictException;
import th.go.integritydesk.process.TaskInput;

/**
 * Segregation of duties (DESIGN.md), checked by the engine's task listeners so that no client can go around it:
 * the investigator is not from the accused's unit, and whoever decides the penalty neither found the facts nor
 * sat on the committee. Every refusal is logged as an audit line.
 */
@Service
public class SegregationOfDuties {

  private static final Logger AUDIT = LoggerFactory.getLogger("integrity-desk.audit");
  private final IdentityService identity;
  private final CaseDuties duties;

  public SegregationOfDuties(IdentityService identity, CaseDuties duties) {
    this.identity = identity;
    this.duties = duties;
  }

  /**
   * The investigator is a member of {@code investigator} with a known unit (a unit group), not the accused's. An
   * officer with no unit cannot be checked, so cannot be assigned: fail closed.
   */
  public void checkInvestigator(String field, String investigator, String accusedUnit, String trackingNumber) {
    requireMember(field, investigator, Groups.INVESTIGATOR);
    checkOutsideTheAccusedUnit(field, investigator, accusedUnit, trackingNumber);
  }

  /**
   * An official who is to work on the case (investigator, committee chair or member) has a known unit, and it is not
   * the accused's: they would otherwise be given the case's tasks, whose forms carry its facts, and could not read
   * its file (need to know). No unit, no appointment: fail closed.
   */
  public void checkOutsideTheAccusedUnit(String field, String official, String accusedUnit, String trackingNumber) {
    // filtered here too: the directory's identity provider (profile ldap) ignores groupType and returns every group
    List<Group> units = identity.createGroupQuery().groupMember(official).groupType(Groups.UNIT_TYPE).list()
        .stream().filter(group -> Groups.UNIT_TYPE.equals(group.getType())).toList();
    if (units.isEmpty()) {
      throw TaskInput.invalid(field, "refusal.noUnit", official);
    }
    for (Group unit : units) {
      if (accusedUnit != null && unit.getName() != null && normalise(unit.getName()).equals(normalise(accusedUnit))) {
        refuse(trackingNumber, Bilingual.both("duty.sameUnit", official, accusedUnit));
      }
    }
  }

  /**
   * Whoever decides the penalty neither found the facts, nor was appointed to the committee, nor carried out the
   * disciplinary investigation of the case: decided from the case's recorded duties, never from process variables.
   */
  public void checkIndependentDecider(String decider, String trackingNumber) {
    if (decider == null) {
      refuse(trackingNumber, Bilingual.both("duty.deciderRequired"));
    }
    if (duties.holders(trackingNumber, CaseDuties.Duty.values()).contains(decider)) {
      refuse(trackingNumber, Bilingual.both("duty.deciderFoundFacts", decider));
    }
  }

  /** Whoever reviews the fact-finding report did not write it (any round of it), as recorded at the time. */
  public void checkReviewer(String reviewer, String trackingNumber) {
    if (reviewer == null) {
      refuse(trackingNumber, Bilingual.both("duty.reviewerRequired"));
    }
    if (duties.holders(trackingNumber, CaseDuties.Duty.FACT_FINDING).contains(reviewer)) {
      refuse(trackingNumber, Bilingual.both("duty.reviewerFoundFacts", reviewer));
    }
  }

  public void requireMember(String field, String userId, String group) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      throw TaskInput.invalid(field, "refusal.unknownUser", userId);
    }
    // asked of the group, not as the user query's memberOfGroup: the directory's provider (profile ldap) answers that
    // for a group it cannot find by searching from the directory's root, i.e. with the members of every group
    if (identity.createGroupQuery().groupId(group).groupMember(userId).count() == 0) {
      throw TaskInput.invalid(field, "refusal.notInGroup", userId, group);
    }
  }

  /** Who is acting on a task: the authenticated caller (REST, Tasklist) or, failing that, the task's assignee. */
  public String actingUser(DelegateTask task) {
    return ActingUser.of(task);
  }

  private static void refuse(String trackingNumber, String reason) {
    AUDIT.warn("Segregation of duties refused an action on case {}: {}", trackingNumber, reason);
    throw new DutyConflictException(reason);
  }

  private static String normalise(String unit) {
    return unit.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}

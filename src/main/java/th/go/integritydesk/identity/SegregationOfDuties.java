package th.go.integritydesk.identity;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
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

  public SegregationOfDuties(IdentityService identity) {
    this.identity = identity;
  }

  public void checkInvestigator(String field, String investigator, String accusedUnit, String trackingNumber) {
    requireMember(field, investigator, Groups.INVESTIGATOR);
    String unit = identity.getUserInfo(investigator, Groups.UNIT_INFO_KEY);
    if (unit != null && accusedUnit != null && normalise(unit).equals(normalise(accusedUnit))) {
      refuse(trackingNumber, "ผู้สืบสวน " + investigator + " สังกัดหน่วยงานเดียวกับผู้ถูกร้อง / investigator "
          + investigator + " belongs to the accused's unit (" + accusedUnit + ")");
    }
  }

  /** The official who acts must not be one of those who found the facts or sat on the committee. */
  public void checkIndependentDecider(String decider, Collection<String> factFinders, String trackingNumber) {
    if (decider == null) {
      refuse(trackingNumber, "ต้องระบุผู้มีอำนาจที่สั่ง / the decision must be taken by an identified official");
    }
    if (factFinders.stream().filter(Objects::nonNull).anyMatch(decider::equals)) {
      refuse(trackingNumber, "ผู้สืบสวนหรือกรรมการสอบสวนเป็นผู้สั่งลงโทษไม่ได้ / " + decider
          + " found the facts or sat on the committee of this case and may not decide its penalty");
    }
  }

  public void requireMember(String field, String userId, String group) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      throw TaskInput.invalid(field, "ไม่พบผู้ใช้ " + userId, "names no known user (" + userId + ")");
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      throw TaskInput.invalid(field, userId + " ไม่อยู่ในกลุ่ม " + group, userId + " is not in group " + group);
    }
  }

  /** Who is acting on a task: the authenticated caller (REST, Tasklist) or, failing that, the task's assignee. */
  public String actingUser(DelegateTask task) {
    Authentication current = identity.getCurrentAuthentication();
    return current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
  }

  private static void refuse(String trackingNumber, String reason) {
    AUDIT.warn("Segregation of duties refused an action on case {}: {}", trackingNumber, reason);
    throw new DutyConflictException(reason);
  }

  private static String normalise(String unit) {
    return unit.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}

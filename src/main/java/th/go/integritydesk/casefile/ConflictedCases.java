package th.go.integritydesk.casefile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.intake.TrackingNumbers;
import th.go.integritydesk.process.EveryUserTask;

/**
 * A case against a unit whose own members would work it (a complaint against the centre itself, or against the
 * authority's office): docs/adr/0013-need-to-know.md. When a task of such a case is created and one of its candidate
 * groups has members of the accused's unit, the group is taken off the task (its grant on the task too) and the
 * group's members outside that unit are offered the task by name instead. Where no member of the group is outside
 * the unit, the task goes to the supervisors outside it, and failing those to the disciplinary authority outside it
 * (the head of the agency, who answers for the centre). So the unit's members never see the task in Tasklist, and
 * the case never waits for nobody; if nobody at all is outside the unit, the refusal is logged for an administrator.
 */
@Component
public class ConflictedCases extends AbstractProcessEnginePlugin {

  private static final Logger AUDIT = LoggerFactory.getLogger("integrity-desk.audit");
  private static final int MAX_MEMBERS = 2000;

  private final JdbcClient jdbc;

  public ConflictedCases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_CREATE, this::keepOutTheAccusedUnit);
  }

  void keepOutTheAccusedUnit(DelegateTask task) {
    String trackingNumber = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (trackingNumber == null || !trackingNumber.matches(TrackingNumbers.PATTERN)) {
      return;
    }
    String accused = jdbc.sql("SELECT accused_unit FROM complaint WHERE tracking_number = ?").param(trackingNumber)
        .query(String.class).optional().orElse(null);
    if (accused == null || accused.isBlank()) {
      return;
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    Set<String> unitMembers = new LinkedHashSet<>();
    for (Group unit : identity.createGroupQuery().groupType(Groups.UNIT_TYPE).groupName(accused.strip()).list()) {
      if (Groups.UNIT_TYPE.equals(unit.getType()) && NeedToKnow.sameUnit(unit.getName(), accused)) {
        members(identity, unit.getId()).forEach(unitMembers::add);
      }
    }
    if (unitMembers.isEmpty()) {
      return;
    }
    for (IdentityLink link : List.copyOf(task.getCandidates())) {
      String group = link.getGroupId();
      if (group == null || !IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      List<String> members = members(identity, group);
      if (members.stream().noneMatch(unitMembers::contains)) {
        continue;
      }
      List<String> outside = outside(identity, unitMembers, group, Groups.SUPERVISOR, Groups.DISCIPLINARY_AUTHORITY);
      task.deleteCandidateGroup(group);
      // the engine keeps a group's grant on a task when the group is taken off it; the grant made for it a moment
      // ago is not written yet, and this bulk delete runs after it in the same flush
      Context.getCommandContext().getAuthorizationManager()
          .deleteAuthorizationsByResourceIdAndGroupId(Resources.TASK, task.getId(), group);
      outside.forEach(task::addCandidateUser);
      if (outside.isEmpty()) {
        AUDIT.error("Case {} is against {}: nobody outside that unit can work task {} (group {}); add an officer"
            + " outside the unit to the group in Admin", trackingNumber, accused, task.getTaskDefinitionKey(), group);
      } else {
        AUDIT.info("Case {} is against {}: task {} offered by name to {} officers outside the unit instead of group {}",
            trackingNumber, accused, task.getTaskDefinitionKey(), outside.size(), group);
      }
    }
  }

  /** The members of the first of the groups that has members outside the unit. */
  private static List<String> outside(IdentityService identity, Set<String> unitMembers, String... groups) {
    for (String group : groups) {
      List<String> outside = members(identity, group).stream().filter(user -> !unitMembers.contains(user)).toList();
      if (!outside.isEmpty()) {
        return outside;
      }
    }
    return List.of();
  }

  private static List<String> members(IdentityService identity, String group) {
    return identity.createUserQuery().memberOfGroup(group).listPage(0, MAX_MEMBERS).stream().map(User::getId).toList();
  }
}

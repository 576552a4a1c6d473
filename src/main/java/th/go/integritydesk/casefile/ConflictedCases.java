package th.go.integritydesk.casefile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.intake.TrackingNumbers;
import th.go.integritydesk.process.EveryProcess;
import th.go.integritydesk.process.EveryUserTask;

/**
 * A case against a unit whose own members would work it (a complaint against the centre itself, or against the
 * authority's office): docs/adr/0013-need-to-know.md. When a task of such a case is created and one of its candidate
 * groups has members of the accused's unit, the group is taken off the task (its grant on the task too) and the
 * group's members outside that unit are offered the task by name instead. Where no member of the group is outside
 * the unit, the task goes to the supervisors outside it, and failing those to the disciplinary authority outside it
 * (the head of the agency, who answers for the centre). So the unit's members never see the task in Tasklist, and
 * the case never waits for nobody; if nobody at all is outside the unit, the refusal is logged for an administrator.
 * The unit's supervisors, who watch every case in Cockpit, lose their view of each instance of the case there and in
 * the engine's history.
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
    EveryProcess.listen(configuration, ExecutionListener.EVENTNAME_START, this::keepOutOfCockpit);
  }

  /**
   * At the start of every instance (the case, its fact-finding and its disciplinary action): the supervisors of the
   * accused's unit lose their Cockpit and history view of it. Supervisors read every instance through grants on
   * any instance (PROCESS_INSTANCE and HISTORIC_PROCESS_INSTANCE, StaffAuthorizations), and a user's revoke on one
   * instance outranks a group's grant on any.
   */
  void keepOutOfCockpit(DelegateExecution execution) {
    String trackingNumber = execution.getProcessBusinessKey();
    if (trackingNumber == null || !trackingNumber.matches(TrackingNumbers.PATTERN)) {
      return;
    }
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    withholdFromCockpit(execution.getProcessInstanceId(), unitMembers(identity, accusedUnit(trackingNumber)), identity);
  }

  private void withholdFromCockpit(String processInstanceId, Set<String> unitMembers, IdentityService identity) {
    if (unitMembers.isEmpty()) {
      return;
    }
    List<String> supervisors = members(identity, Groups.SUPERVISOR).stream().filter(unitMembers::contains).toList();
    if (supervisors.isEmpty()) {
      return;
    }
    AuthorizationService authorizations = Context.getProcessEngineConfiguration().getAuthorizationService();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (String supervisor : supervisors) {
        revoke(authorizations, supervisor, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
        revoke(authorizations, supervisor, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
            HistoricProcessInstancePermissions.READ);
      }
      return null;
    });
  }

  private static void revoke(AuthorizationService authorizations, String user, Resources resource, String id,
      Permission permission) {
    // made earlier in this command (the instance's start, then its first task) and not flushed yet, or stored
    boolean made = Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)
        .stream().anyMatch(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE && user.equals(a.getUserId())
            && a.getResourceType() == resource.resourceType() && id.equals(a.getResourceId()));
    if (made || authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE)
        .userIdIn(user).resourceType(resource).resourceId(id).count() > 0) {
      return;
    }
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(user);
    revoke.setResource(resource);
    revoke.setResourceId(id);
    revoke.removePermission(permission);
    authorizations.saveAuthorization(revoke);
  }

  private String accusedUnit(String trackingNumber) {
    return jdbc.sql("SELECT accused_unit FROM complaint WHERE tracking_number = ?").param(trackingNumber)
        .query(String.class).optional().orElse(null);
  }

  private static Set<String> unitMembers(IdentityService identity, String accused) {
    Set<String> unitMembers = new LinkedHashSet<>();
    if (accused == null || accused.isBlank()) {
      return unitMembers;
    }
    for (Group unit : identity.createGroupQuery().groupType(Groups.UNIT_TYPE).groupName(accused.strip()).list()) {
      if (Groups.UNIT_TYPE.equals(unit.getType()) && NeedToKnow.sameUnit(unit.getName(), accused)) {
        members(identity, unit.getId()).forEach(unitMembers::add);
      }
    }
    return unitMembers;
  }

  void keepOutTheAccusedUnit(DelegateTask task) {
    String trackingNumber = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (trackingNumber == null || !trackingNumber.matches(TrackingNumbers.PATTERN)) {
      return;
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    String accused = accusedUnit(trackingNumber);
    Set<String> unitMembers = unitMembers(identity, accused);
    if (unitMembers.isEmpty()) {
      return;
    }
    // again here: a case recorded with Tasklist's start form is stored after its instance started, and screening
    // may correct the accused's unit
    withholdFromCockpit(task.getProcessInstanceId(), unitMembers, identity);
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

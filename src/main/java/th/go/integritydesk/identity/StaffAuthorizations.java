package th.go.integritydesk.identity;

import th.go.integritydesk.process.Bilingual;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.ComplaintLifecycle;
import th.go.integritydesk.process.DisciplinaryAction;
import th.go.integritydesk.process.FactFinding;

/**
 * The staff groups, what each may see and do, and the Tasklist filters, created at start-up in every profile
 * and idempotently (a restart adds what is missing and changes nothing else). Tasks themselves are visible
 * through the engine's own task authorizations for candidate groups and assignees, so each officer sees the
 * tasks of the groups they belong to and the ones assigned to them, nothing else.
 */
@Component
@Order(10)
public class StaffAuthorizations extends AbstractProcessEnginePlugin {

  private static final Map<String, String> GROUP_NAMES = java.util.stream.Stream.of(
      th.go.integritydesk.identity.Groups.INTAKE, th.go.integritydesk.identity.Groups.SCREENING,
      th.go.integritydesk.identity.Groups.SUPERVISOR, th.go.integritydesk.identity.Groups.INVESTIGATOR,
      th.go.integritydesk.identity.Groups.DISCIPLINARY_AUTHORITY, th.go.integritydesk.identity.Groups.ANALYST,
      th.go.integritydesk.identity.Groups.ADMIN).collect(java.util.stream.Collectors.toUnmodifiableMap(
          id -> id, id -> Bilingual.both("tasklist.group." + id)));

  /**
   * What each task card in Tasklist shows besides the task's name, dates and process: the case it belongs to. Both
   * are process variables of all three processes (the call activities pass them on). The due date is on every card.
   */
  private static final Map<String, Object> CASE_ON_THE_CARD = Map.of(
      "variables", java.util.List.of(
          Map.of("name", ComplaintLifecycle.Variables.TRACKING_NUMBER, "label", Bilingual.both("tasklist.card.trackingNumber")),
          Map.of("name", ComplaintLifecycle.Variables.SUBJECT, "label", Bilingual.both("tasklist.card.subject"))),
      "showUndefinedVariable", false);

  private AuthorizationService authorizations;

  /**
   * With historic instance permissions on, the engine gives every candidate group and assignee of a task a grant on
   * its history as well, and such a grant opens the history of <em>every variable of the case</em> (the engine's
   * historic variable query joins any task of the instance). That is wider than need to know: a whole group would keep
   * the case's variable history after another member did the task. Officers read a case's story in the case file
   * (casefile.NeedToKnow); the engine's history is for supervisors (grants on instances) and administrators.
   */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new NoHistoricTaskGrants());
  }

  /** The engine's default grants on a task, without the ones on its history. */
  static final class NoHistoricTaskGrants extends org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider {
    @Override
    protected boolean isHistoricInstancePermissionsEnabled() {
      return false;
    }
  }

  /**
   * Everything below runs as one engine command: one transaction and one connection for some seventy checks, instead
   * of a transaction each (a restart changes nothing and commits nothing). No key is checked twice before it is
   * written, so what a check reads never depends on a write of the same command that is not flushed yet.
   */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          setUp(engine);
          return null;
        });
  }

  private void setUp(ProcessEngine engine) {
    authorizations = engine.getAuthorizationService();
    createGroups(engine.getIdentityService());

    String intake = th.go.integritydesk.identity.Groups.INTAKE;
    String screening = th.go.integritydesk.identity.Groups.SCREENING;
    String supervisor = th.go.integritydesk.identity.Groups.SUPERVISOR;
    String investigator = th.go.integritydesk.identity.Groups.INVESTIGATOR;
    String authority = th.go.integritydesk.identity.Groups.DISCIPLINARY_AUTHORITY;
    String analyst = th.go.integritydesk.identity.Groups.ANALYST;

    for (String staff : new String[] {intake, screening, supervisor, investigator, authority, analyst}) {
      grant(staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(staff, Resources.USER, ANY, Permissions.READ);
      grant(staff, Resources.GROUP, ANY, Permissions.READ);
    }
    // intake officers record paper, phone and walk-in complaints with the Tasklist start form
    grant(intake, Resources.PROCESS_DEFINITION, ComplaintLifecycle.PROCESS_KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(intake, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // each group reads the definition its tasks belong to (Tasklist shows the process name on the task)
    grant(screening, Resources.PROCESS_DEFINITION, ComplaintLifecycle.PROCESS_KEY, Permissions.READ);
    grant(investigator, Resources.PROCESS_DEFINITION, FactFinding.PROCESS_KEY, Permissions.READ);
    // committee chairs and members are usually investigators
    grant(investigator, Resources.PROCESS_DEFINITION, DisciplinaryAction.PROCESS_KEY, Permissions.READ);
    // supervisors watch every case, incident and deadline in Cockpit: through grants on any instance and its history,
    // not on the definitions, so that a supervisor of the accused's unit can be kept out of one case by a revoke on its
    // instances (ConflictedCases; a grant on a definition would let them in beside the revoke)
    grant(supervisor, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(supervisor, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    withhold(supervisor, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
    grant(supervisor, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(supervisor, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    grant(supervisor, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(supervisor, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    // the disciplinary authority reads its definition; an appeal filed with MSPC is recorded through
    // POST /api/staff/complaints/{n}/appeal (correlated by the application), not by rewriting instances
    grant(authority, Resources.PROCESS_DEFINITION, DisciplinaryAction.PROCESS_KEY, Permissions.READ);
    withhold(authority, Resources.PROCESS_DEFINITION, DisciplinaryAction.PROCESS_KEY, Permissions.UPDATE_INSTANCE);
    // analysts read the models and decisions, not the running cases' history or variables (statistics come from
    // the application's reports)
    grant(analyst, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(analyst, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    withhold(analyst, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_HISTORY);
    grant(analyst, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(analyst, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    // administrators: everything, including deployment and identity (Admin webapp)
    for (Resource resource : Resources.values()) {
      grant(th.go.integritydesk.identity.Groups.ADMIN, resource, ANY, Permissions.ALL);
    }
    createTasklistFilters(engine.getFilterService(), engine);
  }

  private void createGroups(IdentityService identity) {
    if (identity.isReadOnly()) {
      return; // the directory (profile ldap) holds the groups; the authorizations below still live in the engine
    }
    GROUP_NAMES.forEach((id, name) -> {
      if (identity.createGroupQuery().groupId(id).count() == 0) {
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType(id.equals(th.go.integritydesk.identity.Groups.ADMIN) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
        identity.saveGroup(group);
      }
    });
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }

  /** Takes back permissions that earlier versions granted, so an upgraded installation loses them too. */
  private void withhold(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      return;
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (authorization.isPermissionGranted(permission)) {
        authorization.removePermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }

  /** Tasklist filters for every officer, each ordered by due date: their own work, then views of it. */
  private void createTasklistFilters(FilterService filters, ProcessEngine engine) {
    var tasks = engine.getTaskService();
    createFilter(filters, engine, Bilingual.both("tasklist.filter.mine"), -10,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    createFilter(filters, engine, Bilingual.both("tasklist.filter.groups"), -9,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .orderByDueDate().asc());
    createFilter(filters, engine, Bilingual.both("tasklist.filter.overdue"), -8,
        mine(tasks).dueBeforeExpression("${now()}").orderByDueDate().asc());
    createFilter(filters, engine, Bilingual.both("tasklist.filter.dueThisWeek"), -7,
        mine(tasks).dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7)}").orderByDueDate().asc());
    createFilter(filters, engine, Bilingual.both("tasklist.filter.screening"), -6,
        mine(tasks).processDefinitionKey(ComplaintLifecycle.PROCESS_KEY).orderByDueDate().asc());
    createFilter(filters, engine, Bilingual.both("tasklist.filter.factFinding"), -5,
        mine(tasks).processDefinitionKey(FactFinding.PROCESS_KEY).orderByDueDate().asc());
    createFilter(filters, engine, Bilingual.both("tasklist.filter.discipline"), -4,
        mine(tasks).processDefinitionKey(DisciplinaryAction.PROCESS_KEY).orderByDueDate().asc());
    createFilter(filters, engine, Bilingual.both("tasklist.filter.escalations"), -3,
        mine(tasks).taskDefinitionKeyLike("escalate-%").orderByDueDate().asc());
    // tasks of a case against a unit whose members would otherwise work it, offered by name (casefile.ConflictedCases)
    createFilter(filters, engine, Bilingual.both("tasklist.filter.namedForMe"), -2,
        tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
            .orderByDueDate().asc());
  }

  /** Tasks assigned to the officer or offered to one of their groups. */
  private static org.camunda.bpm.engine.task.TaskQuery mine(org.camunda.bpm.engine.TaskService tasks) {
    return tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
        .taskCandidateGroupInExpression("${currentUserGroups()}").endOr();
  }

  private void createFilter(FilterService filters, ProcessEngine engine, String name, int priority,
                            org.camunda.bpm.engine.task.TaskQuery query) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      showTheCaseOnEveryCard(filters, existing);
      return;
    }
    Map<String, Object> properties = new java.util.LinkedHashMap<>(
        Map.of("priority", priority, "refresh", true, "description", name));
    properties.putAll(CASE_ON_THE_CARD);
    Filter filter = filters.newTaskFilter(name)
        .setProperties(properties)
        .setQuery(query);
    filters.saveFilter(filter);
    Authorization everyone = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    everyone.setUserId(ANY);
    everyone.setResource(Resources.FILTER);
    everyone.setResourceId(filter.getId());
    everyone.addPermission(Permissions.READ);
    authorizations.saveAuthorization(everyone);
  }

  /** Filters created before the cards showed the case get the same card variables; nothing else of theirs changes. */
  private static void showTheCaseOnEveryCard(FilterService filters, Filter filter) {
    Map<String, Object> properties = new java.util.LinkedHashMap<>(
        filter.getProperties() == null ? Map.of() : filter.getProperties());
    if (properties.entrySet().containsAll(CASE_ON_THE_CARD.entrySet())) {
      return;
    }
    properties.putAll(CASE_ON_THE_CARD);
    filter.setProperties(properties);
    filters.saveFilter(filter);
  }
}

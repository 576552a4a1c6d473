package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.integritydesk.Eventually;
import th.go.integritydesk.process.ComplaintLifecycle;

/**
 * The task query's authorization check as integrity-desk maps it (ADR 0009: membership tests instead of Camunda's
 * join) grants every user exactly the tasks the authorization service says they may read: READ on the task, or
 * READ_TASK on its process definition, for the user, one of their groups or everyone — for every demo user, through
 * the plain task query, its count and every stored Tasklist filter (with their OR queries and expressions).
 */
@HttpTest
class TaskListAuthorizationTest {

  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired RepositoryService repository;
  private final List<String> created = new ArrayList<>();

  @AfterEach
  void removeGrants() {
    identity.clearAuthentication();
    created.forEach(authorizations::deleteAuthorization);
  }

  @Test
  void everyUserSeesExactlyTheTasksTheyAreGranted() {
    identity.clearAuthentication();
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      cases.add(runtime.startProcessInstanceByKey(ComplaintLifecycle.PROCESS_KEY, startForm(i)).getId());
    }
    Eventually.within(Duration.ofSeconds(30), "the four cases wait in screening",
        () -> tasks.createTaskQuery().processInstanceIdIn(cases.toArray(String[]::new)).count() == 4);
    List<Task> four = tasks.createTaskQuery().processInstanceIdIn(cases.toArray(String[]::new)).list();
    // one claimed by the screener (a user grant), one offered to an investigator in person (a user grant on a task
    // outside their groups), one readable by the analyst through a grant on the definition
    tasks.setAssignee(four.get(0).getId(), "screener");
    tasks.addCandidateUser(four.get(1).getId(), "investigator");
    grant(Resources.PROCESS_DEFINITION, ComplaintLifecycle.PROCESS_KEY, "analyst", null, Permissions.READ_TASK);
    assertEveryoneSeesWhatTheyAreGranted();

    // a grant to everyone on one task, then on every task
    grant(Resources.TASK, four.get(2).getId(), "*", null, Permissions.READ);
    assertEveryoneSeesWhatTheyAreGranted();
    grant(Resources.TASK, "*", null, "supervisor", Permissions.READ);
    assertEveryoneSeesWhatTheyAreGranted();
  }

  private void assertEveryoneSeesWhatTheyAreGranted() {
    identity.clearAuthentication();
    List<Task> all = tasks.createTaskQuery().listPage(0, 1500);
    assertThat(all).hasSizeLessThan(1500);
    Map<String, String> definitionKeys = new HashMap<>();
    for (User user : identity.createUserQuery().list()) {
      List<String> groups = identity.createGroupQuery().groupMember(user.getId()).list().stream()
          .map(Group::getId).toList();
      Set<String> granted = new TreeSet<>();
      for (Task task : all) {
        String key = definitionKeys.computeIfAbsent(task.getProcessDefinitionId(),
            id -> repository.getProcessDefinition(id).getKey());
        if (authorizations.isUserAuthorized(user.getId(), groups, Permissions.READ, Resources.TASK, task.getId())
            || authorizations.isUserAuthorized(user.getId(), groups, Permissions.READ_TASK,
            Resources.PROCESS_DEFINITION, key)) {
          granted.add(task.getId());
        }
      }
      identity.setAuthentication(user.getId(), groups);
      try {
        Set<String> listed = ids(tasks.createTaskQuery().listPage(0, 1500));
        assertThat(listed).as("tasks listed to %s", user.getId()).isEqualTo(granted);
        assertThat(tasks.createTaskQuery().count()).as("task count of %s", user.getId()).isEqualTo(granted.size());
        for (Filter filter : filters.createTaskFilterQuery().listPage(0, 100)) {
          Set<String> inFilter = ids(filters.listPage(filter.getId(), 0, 1500));
          assertThat(granted).as("filter %s of %s", filter.getName(), user.getId()).containsAll(inFilter);
          assertThat(filters.count(filter.getId())).isEqualTo(inFilter.size());
        }
      } finally {
        identity.clearAuthentication();
      }
    }
  }

  private static Set<String> ids(List<? extends Task> list) {
    return list.stream().map(Task::getId).collect(Collectors.toCollection(TreeSet::new));
  }

  private void grant(Resources resource, String resourceId, String user, String group, Permissions permission) {
    Authorization authorization = authorizations.createNewAuthorization(
        "*".equals(user) ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    if (group != null) {
      authorization.setGroupId(group);
    } else if (!"*".equals(user)) {
      authorization.setUserId(user);
    }
    authorization.addPermission(permission);
    created.add(authorizations.saveAuthorization(authorization).getId());
  }

  private static Map<String, Object> startForm(int n) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("channel", "WALK_IN");
    variables.put("category", "BRIBERY");
    variables.put("subject", "ทดสอบสิทธิ์ / Task list grants " + n);
    variables.put("description", "ทดสอบการตรวจสิทธิ์รายการงาน / Checking the task list's grants, case " + n);
    variables.put("accusedUnit", "กองคลัง");
    variables.put("accusedRank", "OPERATIONAL");
    return variables;
  }
}

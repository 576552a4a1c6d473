package th.go.integritydesk.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting on a task: the authenticated caller (REST, Tasklist) or, failing that, the task's assignee. */
public final class ActingUser {

  public static String of(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
  }

  private ActingUser() {}
}

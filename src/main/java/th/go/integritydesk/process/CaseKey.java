package th.go.integritydesk.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Which case an execution or task belongs to: the business key (the tracking number), which the engine sets at the
 * start and called processes inherit. Never the {@code trackingNumber} variable: any task completion can overwrite a
 * variable, and a delegate that trusted it would act on another case.
 */
public final class CaseKey {

  private CaseKey() {}

  public static String of(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      throw new ProcessEngineException("process instance " + execution.getProcessInstanceId()
          + " carries no tracking number as its business key");
    }
    return key;
  }

  public static String of(DelegateTask task) {
    return of(task.getExecution());
  }
}

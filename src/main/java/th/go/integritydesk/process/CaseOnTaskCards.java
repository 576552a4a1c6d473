package th.go.integritydesk.process;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.SUBJECT;
import static th.go.integritydesk.process.ComplaintLifecycle.Variables.TRACKING_NUMBER;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The case on every Tasklist card: each user task carries its case's tracking number and subject as task variables,
 * copied from the process when the task is created. Tasklist shows the variables named in a filter's properties
 * (identity.StaffAuthorizations) only where the officer may read them, and officers may read their own tasks, not
 * the process instances (which would open every variable of every case to them). Tasks opened before this existed
 * get the copy at start-up.
 */
@Component
public class CaseOnTaskCards extends AbstractProcessEnginePlugin {

  static final String[] SHOWN = {TRACKING_NUMBER, SUBJECT};
  private static final int PAGE = 500;

  static final TaskListener COPY_THE_CASE = CaseOnTaskCards::copyTheCase;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior)
            activity.getActivityBehavior()).getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, COPY_THE_CASE);
      }
    });
  }

  /**
   * Copies the case onto the tasks that lack it (opened before the copy existed). One query finds them, so a start
   * with 100,000 open tasks that all have their copy costs one anti-join, not a command per task (which took two
   * minutes of every start at that size).
   */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    TaskService tasks = engine.getTaskService();
    ManagementService management = engine.getManagementService();
    String missing = "SELECT RES.* FROM " + management.getTableName(TaskEntity.class) + " RES"
        + " WHERE RES.PROC_INST_ID_ IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
        + management.getTableName(VariableInstanceEntity.class) + " V"
        + " WHERE V.TASK_ID_ = RES.ID_ AND V.NAME_ = #{name}) ORDER BY RES.ID_";
    // a task whose case has no tracking number stays in the answer: skip past those
    int unfixable = 0;
    while (true) {
      List<Task> page = tasks.createNativeTaskQuery().sql(missing).parameter("name", TRACKING_NUMBER)
          .listPage(unfixable, PAGE);
      for (Task task : page) {
        boolean copied = false;
        for (String name : SHOWN) {
          Object value = engine.getRuntimeService().getVariable(task.getExecutionId(), name);
          if (value != null) {
            tasks.setVariableLocal(task.getId(), name, value);
            copied |= name.equals(TRACKING_NUMBER);
          }
        }
        if (!copied) {
          unfixable++;
        }
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  static void copyTheCase(DelegateTask task) {
    if (task.getExecution() == null) {
      return;
    }
    for (String name : SHOWN) {
      Object value = task.getExecution().getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
  }
}

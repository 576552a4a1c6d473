package th.go.integritydesk.casefile;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.go.integritydesk.intake.TrackingNumbers;
import th.go.integritydesk.process.ActingUser;
import th.go.integritydesk.process.EngineClock;
import th.go.integritydesk.process.EveryUserTask;

/**
 * Who took part in a case ({@code case_participant}): every user task of every model records its assignee when it is
 * assigned and the officer who completes it, in the task's own transaction. The need-to-know rule reads this record,
 * so an officer keeps the case file of a case they worked on, and nobody else gains it by a variable or a form.
 */
@Component
public class CaseParticipants extends AbstractProcessEnginePlugin {

  /** How an officer took part. */
  public enum TookPartAs { ASSIGNED, COMPLETED }

  private final JdbcClient jdbc;

  public CaseParticipants(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_ASSIGNMENT,
        task -> record(task, task.getAssignee(), TookPartAs.ASSIGNED));
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_COMPLETE,
        task -> record(task, ActingUser.of(task), TookPartAs.COMPLETED));
  }

  void record(DelegateTask task, String userId, TookPartAs as) {
    String trackingNumber = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (userId == null || trackingNumber == null || !trackingNumber.matches(TrackingNumbers.PATTERN)) {
      return; // an unclaim, or a process that is no case (a test's one-task process)
    }
    jdbc.sql("INSERT INTO case_participant (tracking_number, user_id, took_part_as, task_key, task_id, at)"
            + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(trackingNumber, userId, as.name(), task.getTaskDefinitionKey(), task.getId(), EngineClock.now())
        .update();
  }
}

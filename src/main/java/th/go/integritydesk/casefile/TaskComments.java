package th.go.integritydesk.casefile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.go.integritydesk.casefile.NeedToKnow.What;
import th.go.integritydesk.web.StaffUser;

/**
 * Tasklist's "Add comment" and the comments of a task, answered from the case's internal notes (the engine gate calls
 * this for {@code /task/{id}/comment…}): an officer who can see the task, and may read its case, writes a note that
 * shows in the case's notes and timeline; the task's comments are the case's notes. The engine's own comments are not
 * used: they need history grants no officer has, and would keep the text outside the sealed store.
 */
@Component
public class TaskComments {

  private final IdentityService identity;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final NeedToKnow needToKnow;
  private final CaseNotes notes;

  public TaskComments(@Lazy IdentityService identity, @Lazy TaskService tasks, @Lazy RuntimeService runtime,
                      NeedToKnow needToKnow, CaseNotes notes) {
    this.identity = identity;
    this.tasks = tasks;
    this.runtime = runtime;
    this.needToKnow = needToKnow;
    this.notes = notes;
  }

  /** The comment as Camunda's REST API answers it; empty when the task is none of the caller's (answered 404). */
  public Optional<Map<String, Object>> add(StaffUser user, String taskId, String message) {
    Optional<Task> task = visible(user, taskId);
    if (task.isEmpty()) {
      return Optional.empty();
    }
    String trackingNumber = caseOf(task.get());
    needToKnow.open(user, trackingNumber, What.NOTE_WRITTEN, null);
    CaseNotes.Note note = notes.add(trackingNumber, user.id(), message, null, CaseNotes.Through.TASKLIST, taskId);
    return Optional.of(comment(note, task.get()));
  }

  /** The task's comments: its case's notes, oldest first; empty when the task is none of the caller's. */
  public Optional<List<Map<String, Object>>> of(StaffUser user, String taskId) {
    Optional<Task> task = visible(user, taskId);
    if (task.isEmpty()) {
      return Optional.empty();
    }
    String trackingNumber = caseOf(task.get());
    needToKnow.open(user, trackingNumber, What.NOTES, null);
    return Optional.of(notes.of(trackingNumber, 0).stream().map(note -> comment(note, task.get())).toList());
  }

  private Optional<Task> visible(StaffUser user, String taskId) {
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(user.id(), user.groups());
    try {
      return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).singleResult())
          .filter(task -> task.getProcessInstanceId() != null);
    } finally {
      if (previous != null) {
        identity.setAuthentication(previous);
      } else {
        identity.clearAuthentication();
      }
    }
  }

  private String caseOf(Task task) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult();
    return instance == null || instance.getBusinessKey() == null ? "" : instance.getBusinessKey();
  }

  private static Map<String, Object> comment(CaseNotes.Note note, Task task) {
    Map<String, Object> comment = new LinkedHashMap<>();
    comment.put("id", "note-" + note.id());
    comment.put("userId", note.author());
    comment.put("taskId", task.getId());
    comment.put("processInstanceId", task.getProcessInstanceId());
    comment.put("time", format(note.at()));
    comment.put("message", note.corrects() == null ? note.text() : "(#" + note.corrects() + ") " + note.text());
    comment.put("removalTime", null);
    comment.put("rootProcessInstanceId", null);
    return comment;
  }

  /** Camunda REST's date format. */
  private static String format(Instant at) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
        .format(at.atZone(java.time.ZoneOffset.UTC));
  }
}

package th.go.integritydesk.letters;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.ComplaintLifecycle;
import th.go.integritydesk.process.EngineClock;
import th.go.integritydesk.process.TaskInput;
import th.go.integritydesk.process.ThaiDates;

/**
 * A letter task is done when its letter is in the register and the officer says when it was posted
 * (docs/adr/0015-letters.md): the posting date is required (not in the future), and a letter of the task's kind must
 * have been generated since the task began (a second request for information needs a letter of its own). The letter
 * is then marked sent, with the date and the officer, in the register.
 */
@Component("letterPostedCheck")
public class LetterPostedCheck implements TaskListener {

  private final OutgoingRegister register;

  public LetterPostedCheck(OutgoingRegister register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateTask task) {
    String field = ComplaintLifecycle.Variables.LETTER_POSTED_ON;
    String text = TaskInput.of(task).requiredText(field, 30);
    LocalDate postedOn;
    try {
      postedOn = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw TaskInput.invalid(field, "refusal.date");
    }
    LocalDate today = LocalDate.ofInstant(EngineClock.now().toInstant(), ThaiDates.BANGKOK);
    if (postedOn.isAfter(today)) {
      throw TaskInput.invalid(field, "letter.postedInFuture");
    }
    LetterKind kind = LetterKind.postedBy(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("no letter for task " + task.getTaskDefinitionKey()));
    OutgoingRegister.Entry letter = register.ofCase(CaseKey.of(task)).stream()
        .filter(e -> e.kind() == kind && !e.generatedAt().isBefore(task.getCreateTime().toInstant()))
        .reduce((first, second) -> second)
        .orElseThrow(() -> TaskInput.invalid(field, "letter.generateFirst", kind.id()));
    if (postedOn.isBefore(LocalDate.ofInstant(letter.generatedAt(), ThaiDates.BANGKOK))) {
      throw TaskInput.invalid(field, "letter.postedBeforeGenerated", letter.letterNumber());
    }
    String by = task.getAssignee() != null ? task.getAssignee()
        : org.camunda.bpm.engine.impl.context.Context.getCommandContext().getAuthenticatedUserId();
    register.posted(letter.id(), postedOn, by == null ? "-" : by);
  }
}

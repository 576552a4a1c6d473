package th.go.integritydesk.letters;

import java.util.Arrays;
import java.util.Optional;
import th.go.integritydesk.process.ComplaintLifecycle.Elements;

/** The letters and orders of DESIGN.md, "Letters", each from its template {@code processes/letters/<name>.docx}. */
public enum LetterKind {
  ACKNOWLEDGEMENT("acknowledgement", true),
  INFORMATION_REQUEST("information-request", true),
  OUTCOME("outcome", true),
  FORWARDING("forwarding", false),
  COMMITTEE_ORDER("committee-order", false),
  PENALTY_ORDER("penalty-order", false);

  private final String id;
  private final boolean toComplainant;

  LetterKind(String id, boolean toComplainant) {
    this.id = id;
    this.toComplainant = toComplainant;
  }

  /** The name the API and the template file use. */
  public String id() {
    return id;
  }

  /** Addressed to the complainant: it carries their name and postal address (intake only, recorded like a reveal). */
  public boolean toComplainant() {
    return toComplainant;
  }

  /** The letter a task of the paper channel posts (the intake tasks of complaint-lifecycle), by the task's key. */
  public static Optional<LetterKind> postedBy(String taskDefinitionKey) {
    return Optional.ofNullable(switch (taskDefinitionKey) {
      case Elements.POST_ACKNOWLEDGEMENT_LETTER -> ACKNOWLEDGEMENT;
      case Elements.POST_INFORMATION_REQUEST_LETTER -> INFORMATION_REQUEST;
      case Elements.POST_OUTCOME_LETTER, Elements.POST_WITHDRAWAL_OUTCOME_LETTER -> OUTCOME;
      default -> null;
    });
  }

  /** The task that posts this kind of letter, when the process owes one to a complainant without e-mail. */
  public java.util.List<String> postingTasks() {
    return switch (this) {
      case ACKNOWLEDGEMENT -> java.util.List.of(Elements.POST_ACKNOWLEDGEMENT_LETTER);
      case INFORMATION_REQUEST -> java.util.List.of(Elements.POST_INFORMATION_REQUEST_LETTER);
      case OUTCOME -> java.util.List.of(Elements.POST_OUTCOME_LETTER, Elements.POST_WITHDRAWAL_OUTCOME_LETTER);
      default -> java.util.List.of();
    };
  }

  public static Optional<LetterKind> of(String id) {
    return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
  }
}

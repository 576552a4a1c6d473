package th.go.integritydesk.letters;

import java.util.Arrays;
import java.util.Optional;

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

  public static Optional<LetterKind> of(String id) {
    return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
  }
}

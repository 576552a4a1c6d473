package th.go.integritydesk.web;

/** The case is not at a point where this action applies (e.g. no appeal window open): answered 409, localized. */
public class CaseStateConflict extends RuntimeException {

  private final String messageKey;

  public CaseStateConflict(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() { return messageKey; }
}

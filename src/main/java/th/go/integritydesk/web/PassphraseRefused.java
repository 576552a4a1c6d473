package th.go.integritydesk.web;

/**
 * A custodian's passphrase (or the recovery key) that opens nothing: 403, a problem naming the header it came in, so a
 * client can tell it from a refusal of the case itself.
 */
public class PassphraseRefused extends RuntimeException {

  private final String field;
  private final String messageKey;

  public PassphraseRefused(String field, String messageKey) {
    super(messageKey, null, false, false);
    this.field = field;
    this.messageKey = messageKey;
  }

  public String field() { return field; }
  public String messageKey() { return messageKey; }
}

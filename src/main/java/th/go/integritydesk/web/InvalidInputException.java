package th.go.integritydesk.web;

/** Bad input that the bean validation annotations cannot express: answered 400 naming the field, localized. */
public class InvalidInputException extends RuntimeException {

  private final String field;
  private final String messageKey;
  private final transient Object[] arguments;

  public InvalidInputException(String field, String messageKey, Object... arguments) {
    super(field + ": " + messageKey);
    this.field = field;
    this.messageKey = messageKey;
    this.arguments = arguments;
  }

  public String field() { return field; }
  public String messageKey() { return messageKey; }
  public Object[] arguments() { return arguments; }
}

package th.go.integritydesk.web;

import org.springframework.http.HttpStatus;

/** A staff endpoint refused: 401 without valid credentials, 403 for a group that may not use it. */
public class StaffAccessDenied extends RuntimeException {

  private final HttpStatus status;
  private final String messageKey;

  public StaffAccessDenied(HttpStatus status, String messageKey) {
    super(messageKey);
    this.status = status;
    this.messageKey = messageKey;
  }

  public HttpStatus status() { return status; }
  public String messageKey() { return messageKey; }
}

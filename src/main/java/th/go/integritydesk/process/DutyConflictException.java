package th.go.integritydesk.process;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * An action refused by segregation of duties. An {@link AuthorizationException}, so the engine REST API answers
 * 403 with the reason and Tasklist shows it.
 */
public class DutyConflictException extends AuthorizationException {

  public DutyConflictException(String message) {
    super(message);
  }
}

package th.go.integritydesk.web;

/** The same Idempotency-Key came with a different complaint. */
public class IdempotencyConflict extends RuntimeException {
  public IdempotencyConflict() {
    super("Idempotency-Key reused with a different request");
  }
}

package th.go.integritydesk.web;

import java.time.Duration;

/** Too many wrong receipt codes lately. */
public class TooManyAttempts extends RuntimeException {
  private final Duration retryAfter;

  public TooManyAttempts(Duration retryAfter) {
    super("too many wrong receipt codes");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() { return retryAfter; }
}

package th.go.integritydesk.intake;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complainant's way back into the case: tracking number plus receipt code. An unknown number and a wrong code
 * are the same "not found"; repeated failures for a case or from a client are throttled for a while.
 */
@Component
@ConfigurationProperties(prefix = "integrity-desk.intake.receipt-attempts")
public class CaseAccess {

  /** No case with this tracking number and receipt code (either may be wrong; we do not say which). */
  public static class CaseNotFound extends RuntimeException {
    public CaseNotFound() {
      super("no case with this tracking number and receipt code");
    }
  }

  /** Too many wrong receipt codes lately. */
  public static class TooManyAttempts extends RuntimeException {
    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
      super("too many wrong receipt codes");
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() { return retryAfter; }
  }

  private final Complaints complaints;
  private final ReceiptCodes receiptCodes;
  private final JdbcClient jdbc;
  private int limit = 5;
  private Duration window = Duration.ofMinutes(15);

  public CaseAccess(Complaints complaints, ReceiptCodes receiptCodes, JdbcClient jdbc) {
    this.complaints = complaints;
    this.receiptCodes = receiptCodes;
    this.jdbc = jdbc;
  }

  /** The case's summary if the code opens it; a failure is recorded in its own transaction, whatever follows. */
  @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = CaseNotFound.class)
  public Complaints.Summary open(String trackingNumber, String receiptCode, String clientAddress) {
    String client = EvidenceFiles.sha256(String.valueOf(clientAddress).getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    String number = trackingNumber == null ? "" : trackingNumber.strip();
    Timestamp since = new Timestamp(ClockUtil.getCurrentTime().getTime() - window.toMillis());
    int forCase = jdbc.sql("SELECT COUNT(*) FROM receipt_attempt WHERE tracking_number = ? AND attempted_at > ?")
        .params(number, since).query(Integer.class).single();
    int fromClient = jdbc.sql("SELECT COUNT(*) FROM receipt_attempt WHERE client = ? AND attempted_at > ?")
        .params(client, since).query(Integer.class).single();
    if (forCase >= limit || fromClient >= limit * 4) {
      throw new TooManyAttempts(window);
    }
    var summary = number.matches(TrackingNumbers.PATTERN) ? complaints.summary(number) : java.util.Optional.<Complaints.Summary>empty();
    boolean opens = receiptCodes.matches(receiptCode, summary.map(Complaints.Summary::receiptCodeHash).orElse(null));
    if (!opens) {
      jdbc.sql("INSERT INTO receipt_attempt (tracking_number, client, attempted_at) VALUES (?, ?, ?)")
          .params(number.length() > 20 ? number.substring(0, 20) : number, client,
              th.go.integritydesk.process.EngineClock.now())
          .update();
      throw new CaseNotFound();
    }
    if (ReceiptCodes.isLegacy(summary.get().receiptCodeHash())) {
      complaints.replaceReceiptHash(number, summary.get().receiptCodeHash(), receiptCodes.hash(receiptCode));
    }
    return summary.get();
  }

  public int getLimit() { return limit; }
  public void setLimit(int limit) { this.limit = limit; }
  public Duration getWindow() { return window; }
  public void setWindow(Duration window) { this.window = window; }
}

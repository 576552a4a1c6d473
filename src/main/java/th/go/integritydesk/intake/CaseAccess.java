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
import th.go.integritydesk.web.CaseNotFound;
import th.go.integritydesk.web.TooManyAttempts;

/**
 * The complainant's way back into the case: tracking number plus receipt code. An unknown number and a wrong code
 * are the same "not found". Wrong codes are throttled per client and overall, with a delay that doubles with every
 * further wrong code; a right code always opens the case, so nobody who knows only a tracking number can lock its
 * complainant out (there is no per-case lockout). Guessing itself is hopeless: codes carry 100 random bits.
 */
@Component
@ConfigurationProperties(prefix = "integrity-desk.intake.receipt-attempts")
public class CaseAccess {

  private final Complaints complaints;
  private final ReceiptCodes receiptCodes;
  private final JdbcClient jdbc;
  private int limit = 5;
  private int overallLimit = 200;
  private Duration window = Duration.ofMinutes(15);
  private Duration firstDelay = Duration.ofSeconds(30);
  private Duration maxDelay = Duration.ofHours(1);

  public CaseAccess(Complaints complaints, ReceiptCodes receiptCodes, JdbcClient jdbc) {
    this.complaints = complaints;
    this.receiptCodes = receiptCodes;
    this.jdbc = jdbc;
  }

  /** The case's summary if the code opens it; a failure is recorded in its own transaction, whatever follows. */
  @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = {CaseNotFound.class, TooManyAttempts.class})
  public Complaints.Summary open(String trackingNumber, String receiptCode, String clientAddress) {
    String client = EvidenceFiles.sha256(String.valueOf(clientAddress).getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    String number = trackingNumber == null ? "" : trackingNumber.strip();
    var summary = number.matches(TrackingNumbers.PATTERN) ? complaints.summary(number) : java.util.Optional.<Complaints.Summary>empty();
    if (receiptCodes.matches(receiptCode, summary.map(Complaints.Summary::receiptCodeHash).orElse(null))) {
      if (ReceiptCodes.isLegacy(summary.get().receiptCodeHash())) {
        complaints.replaceReceiptHash(number, summary.get().receiptCodeHash(), receiptCodes.hash(receiptCode));
      }
      return summary.get(); // the holder of the right code is never throttled
    }
    Timestamp since = new Timestamp(ClockUtil.getCurrentTime().getTime() - window.toMillis());
    int fromClient = jdbc.sql("SELECT COUNT(*) FROM receipt_attempt WHERE client = ? AND attempted_at > ?")
        .params(client, since).query(Integer.class).single() + 1;
    int overall = jdbc.sql("SELECT COUNT(*) FROM receipt_attempt WHERE attempted_at > ?")
        .params(since).query(Integer.class).single() + 1;
    jdbc.sql("INSERT INTO receipt_attempt (tracking_number, client, attempted_at) VALUES (?, ?, ?)")
        .params(number.length() > 20 ? number.substring(0, 20) : number, client,
            th.go.integritydesk.process.EngineClock.now())
        .update();
    Duration delay = max(delay(fromClient, limit), delay(overall, overallLimit));
    if (!delay.isZero()) {
      throw new TooManyAttempts(delay);
    }
    throw new CaseNotFound();
  }

  /** Nothing up to the limit, then the first delay, doubled with every further wrong code, up to the maximum. */
  Duration delay(int wrongCodes, int allowed) {
    if (wrongCodes <= allowed) {
      return Duration.ZERO;
    }
    Duration delay = firstDelay.multipliedBy(1L << Math.min(wrongCodes - allowed - 1, 20));
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  public int getLimit() { return limit; }
  public void setLimit(int limit) { this.limit = limit; }
  public int getOverallLimit() { return overallLimit; }
  public void setOverallLimit(int overallLimit) { this.overallLimit = overallLimit; }
  public Duration getFirstDelay() { return firstDelay; }
  public void setFirstDelay(Duration firstDelay) { this.firstDelay = firstDelay; }
  public Duration getMaxDelay() { return maxDelay; }
  public void setMaxDelay(Duration maxDelay) { this.maxDelay = maxDelay; }
  public Duration getWindow() { return window; }
  public void setWindow(Duration window) { this.window = window; }
}

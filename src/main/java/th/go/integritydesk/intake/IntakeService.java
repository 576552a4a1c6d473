package th.go.integritydesk.intake;

import th.go.integritydesk.storage.DurableCommits;
import static th.go.integritydesk.process.ComplaintLifecycle.Variables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.integritydesk.process.ComplaintLifecycle;
import th.go.integritydesk.web.IdempotencyConflict;
import th.go.integritydesk.web.InvalidInputException;
import th.go.integritydesk.web.LogContext;

/**
 * Takes a complaint in: stores the complaint, the complainant's identity (apart), the evidence and the receipt-code
 * hash, and starts complaint-lifecycle, all in one transaction. When it returns, the complaint is committed and on
 * disk: a crash afterwards loses nothing, a failure before leaves nothing half-written.
 */
@Service
public class IntakeService {

  /** What the complainant is given: the numbers, and what was done to each file they sent. */
  public record Receipt(String trackingNumber, String receiptCode, boolean anonymous,
                        List<EvidenceFiles.FileNotice> files) {}

  private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
  private final Complaints complaints;
  private final ComplainantIdentities identities;
  private final EvidenceFiles evidence;
  private final ReceiptCodes receiptCodes;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final TransactionTemplate transactions;
  private final TrackingNumbers trackingNumbers;

  public IntakeService(Complaints complaints, ComplainantIdentities identities, EvidenceFiles evidence,
                       ReceiptCodes receiptCodes, RuntimeService runtime, JdbcClient jdbc, ObjectMapper json,
                       PlatformTransactionManager transactionManager,
                       TrackingNumbers trackingNumbers) {
    this.trackingNumbers = trackingNumbers;
    this.transactions = new TransactionTemplate(transactionManager);
    // an intake's commit returns once it is on the device: its 201 is all a complainant may ever hold (ADR 0005)
    this.transactions.setName(DurableCommits.FORCED_TO_THE_DEVICE);
    this.complaints = complaints;
    this.identities = identities;
    this.evidence = evidence;
    this.receiptCodes = receiptCodes;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A complaint from the public form: public channels only, never a referral or a NACC finding. */
  public Receipt submit(ComplaintSubmission submission, List<EvidenceFiles.Accepted> files, String idempotencyKey) {
    return submit(submission, files, idempotencyKey, null);
  }

  /**
   * A complaint recorded by an intake officer ({@code recordedBy}, authenticated): every channel, referrals and NACC
   * findings included; {@code null} for the public form.
   * Everything that takes time (request hash, checks, the receipt code and its hash, the process variables) is done
   * first; then, in one transaction, the tracking number is taken and the complaint stored and started. The number's
   * row lock is held only from there to the commit. When this returns, the intake is committed and on disk
   * ({@link DurableCommits}).
   */
  public Receipt submit(ComplaintSubmission submission, List<EvidenceFiles.Accepted> files, String idempotencyKey,
                        String recordedBy) {
    return submit(submission, files, idempotencyKey, recordedBy, false);
  }

  private Receipt submit(ComplaintSubmission submission, List<EvidenceFiles.Accepted> files, String idempotencyKey,
                         String recordedBy, boolean retried) {
    String keyHash = idempotencyKey == null ? null : EvidenceFiles.sha256(idempotencyKey.getBytes(StandardCharsets.UTF_8));
    String requestHash = requestHash(submission, files);
    if (keyHash != null) {
      Optional<Receipt> earlier = transactions.execute(status -> replay(keyHash, requestHash));
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    checkConsistency(submission, recordedBy != null);
    ComplaintSubmission.Complainant complainant = submission.complainant();
    boolean anonymous = complainant == null || !complainant.hasContact();
    boolean consent = !anonymous && Boolean.TRUE.equals(submission.consentToContact());
    boolean naccFinding = Boolean.TRUE.equals(submission.naccFindingOfFault());
    Complaint complaint = new Complaint(submission.channel(), submission.category(),
        submission.subject().strip(), submission.description().strip(), submission.accused().name(),
        submission.accused().position(), submission.accused().unit().strip(), submission.accused().rank(),
        submission.incidentDate(), submission.location(), submission.amountInvolved(),
        submission.accused().yearsSinceLeftOffice(), naccFinding, submission.volunteerCode(),
        submission.referenceNumber(), recordedBy);
    // what the forms show (whether the complainant can be contacted is the record's, never a variable); the case's
    // routing facts (channel, unit, NACC finding) are written by registerComplaint from the stored record, in this
    // same transaction, and routing reads the record itself: passing them here too would write each variable twice
    // (with its history rows) for every complaint
    Map<String, Object> variables = new HashMap<>();
    variables.put(CATEGORY, submission.category().name());
    variables.put(SUBJECT, submission.subject().strip());
    variables.put(DESCRIPTION, submission.description().strip());
    variables.put(ACCUSED_RANK, submission.accused().rank().name());
    // without a key the code does not depend on the number: hashed here; a derived code (an HMAC, microseconds)
    // needs the number
    String randomCode = keyHash == null ? receiptCodes.random() : null;
    String randomCodeHash = randomCode == null ? null : receiptCodes.hash(randomCode);

    // the number is reserved and committed apart (the counter's lock is held only for that), consumed below; a
    // failed intake gives it back to the next complaint (TrackingNumbers, ADR 0008)
    String reserved = trackingNumbers.reserve();
    Receipt receipt;
    try {
      receipt = transactions.execute(status -> {
      trackingNumbers.consume(reserved);
      String trackingNumber = complaints.register(complaint, reserved);
      org.slf4j.MDC.put(LogContext.TRACKING_NUMBER, trackingNumber);
      if (keyHash != null) {
        // a concurrent retry with the same key fails here on the primary key and is answered with this case
        jdbc.sql("INSERT INTO idempotency_record (key_hash, request_hash, tracking_number, created_at) VALUES (?, ?, ?, ?)")
            .params(keyHash, requestHash, trackingNumber, now()).update();
      }
      String receiptCode = keyHash == null ? randomCode : receiptCodes.derived(keyHash, trackingNumber);
      complaints.recordReceipt(trackingNumber, keyHash == null ? randomCodeHash : receiptCodes.hash(receiptCode),
          anonymous, consent);
      if (complainant != null && !complainant.isEmpty()) {
        identities.store(trackingNumber, complainant);
      }
      List<EvidenceFiles.Cleaning> cleanings = evidence.store(trackingNumber, null, files, now());
      runtime.startProcessInstanceByKey(ComplaintLifecycle.PROCESS_KEY, trackingNumber, variables);
      return new Receipt(trackingNumber, receiptCode, anonymous, EvidenceFiles.notices(cleanings));
      });
    } catch (RuntimeException | Error failed) {
      trackingNumbers.release(reserved);
      if (keyHash != null && failed instanceof DataAccessException && !retried) {
        // Perhaps a concurrent retry with the same key (a double click, a client's retry, an officer's second tab):
        // its idempotency record is in our way, committed (duplicate key) or not yet (H2 refuses at once with a
        // concurrent-update error). Wait for it, and answer with that case (or 422 if not the same request); if it
        // never commits, the way is free: this intake tries once more. The public form, the public API and staff
        // intake alike.
        LOG.info("A submission with an Idempotency-Key failed to store ({}): waiting for a concurrent one with the same"
            + " key", failed.getClass().getSimpleName());
        Optional<Receipt> earlier = afterConcurrentRetry(keyHash, requestHash);
        if (earlier.isPresent()) {
          return earlier.get();
        }
        return submit(submission, files, idempotencyKey, recordedBy, true);
      }
      throw failed;
    }
    LOG.info("Complaint {} received through {} ({} evidence files)", receipt.trackingNumber(), submission.channel(),
        files.size());
    return receipt;
  }

  /** The case stored by a concurrent submission with this key, once it commits (up to 5 s), or empty. */
  private Optional<Receipt> afterConcurrentRetry(String keyHash, String requestHash) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (true) {
      Optional<Receipt> earlier = transactions.execute(status -> replay(keyHash, requestHash));
      if (earlier.isPresent() || System.nanoTime() > deadline) {
        return earlier;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  private Optional<Receipt> replay(String keyHash, String requestHash) {
    return jdbc.sql("SELECT request_hash, tracking_number FROM idempotency_record WHERE key_hash = ?")
        .param(keyHash)
        .query((rs, i) -> {
          if (!rs.getString(1).equals(requestHash)) {
            throw new IdempotencyConflict();
          }
          String trackingNumber = rs.getString(2);
          boolean anonymous = jdbc.sql("SELECT anonymous FROM complaint WHERE tracking_number = ?")
              .param(trackingNumber).query(Boolean.class).single();
          return new Receipt(trackingNumber, receiptCodes.derived(keyHash, trackingNumber), anonymous,
              EvidenceFiles.notices(evidence.cleanings(trackingNumber, null)));
        })
        .optional();
  }

  /** Rules across fields that the annotations on the submission cannot say. */
  static void checkConsistency(ComplaintSubmission s, boolean recordedByStaff) {
    if (!recordedByStaff && s.channel().isReferral()) {
      throw new InvalidInputException("channel", "complaint.referralIsStaffIntake");
    }
    if (!recordedByStaff && s.naccFindingOfFault() != null) {
      throw new InvalidInputException("naccFindingOfFault", "complaint.naccFindingIsStaffIntake");
    }
    if (s.channel() == Channel.VOLUNTEER_NETWORK && (s.volunteerCode() == null || s.volunteerCode().isBlank())) {
      throw new InvalidInputException("volunteerCode", "complaint.volunteerCodeRequired");
    }
    if (s.channel().isReferral() && (s.referenceNumber() == null || s.referenceNumber().isBlank())) {
      throw new InvalidInputException("referenceNumber", "complaint.referenceRequired");
    }
    if (Boolean.TRUE.equals(s.naccFindingOfFault()) && s.channel() != Channel.REFERRAL_NACC) {
      throw new InvalidInputException("naccFindingOfFault", "complaint.naccFindingOnlyFromNacc");
    }
    if (Boolean.TRUE.equals(s.consentToContact()) && (s.complainant() == null || !s.complainant().hasContact())) {
      throw new InvalidInputException("consentToContact", "complaint.consentNeedsContact");
    }
  }

  private String requestHash(ComplaintSubmission submission, List<EvidenceFiles.Accepted> files) {
    try {
      StringBuilder canonical = new StringBuilder(json.writeValueAsString(submission));
      files.forEach(f -> canonical.append('|').append(f.sha256()));
      return EvidenceFiles.sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Timestamp now() {
    return th.go.integritydesk.process.EngineClock.now();
  }
}

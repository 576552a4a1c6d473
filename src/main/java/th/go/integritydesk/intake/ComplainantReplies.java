package th.go.integritydesk.intake;

import th.go.integritydesk.storage.SealedStore;
import th.go.integritydesk.storage.SealedStore.Purpose;
import java.sql.Timestamp;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.integritydesk.process.ComplaintLifecycle;

/**
 * What a complainant adds to the case later: kept with its evidence, and when the case is waiting for the
 * complainant's facts, it answers {@code ComplainantInfoReceived} so screening resumes, in the same transaction.
 */
@Service
public class ComplainantReplies {


  public record Submission(long id, String body, java.time.Instant receivedAt) {}

  private final JdbcClient jdbc;
  private final EvidenceFiles evidence;
  private final RuntimeService runtime;
  private final SealedStore sealed;

  public ComplainantReplies(JdbcClient jdbc, EvidenceFiles evidence, RuntimeService runtime, SealedStore sealed) {
    this.jdbc = jdbc;
    this.sealed = sealed;
    this.evidence = evidence;
    this.runtime = runtime;
  }

  /** A stored reply: whether it answered a pending request for information, and what was done to its files. */
  public record Added(boolean answeredRequest, List<EvidenceFiles.Cleaning> files) {}

  /** Stores the reply. */
  @Transactional
  public Added add(String trackingNumber, String text, List<EvidenceFiles.Accepted> files) {
    Timestamp now = th.go.integritydesk.process.EngineClock.now();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO complainant_submission (tracking_number, body, body_sealed, received_at) VALUES (?, '', ?, ?)")
        .params(trackingNumber, sealed.sealText(trackingNumber, Purpose.SUBMISSION, text.strip()), now)
        .update(key, "id");
    List<EvidenceFiles.Cleaning> cleanings = evidence.store(trackingNumber, key.getKey().longValue(), files, now);

    ProcessInstance waiting = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY).processInstanceBusinessKey(trackingNumber).singleResult();
    if (waiting == null || runtime.createEventSubscriptionQuery().processInstanceId(waiting.getId())
        .eventName(ComplaintLifecycle.Messages.COMPLAINANT_INFO_RECEIVED).count() == 0) {
      return new Added(false, cleanings);
    }
    runtime.createMessageCorrelation(ComplaintLifecycle.Messages.COMPLAINANT_INFO_RECEIVED)
        .processInstanceId(waiting.getId())
        // the reply itself stays sealed in the case file; the screening form only says that it came and where it is
        .setVariable(ComplaintLifecycle.Variables.COMPLAINANT_REPLY,
            th.go.integritydesk.process.Bilingual.both("screening.complainantReplied"))
        .correlate();
    return new Added(true, cleanings);
  }

  public List<Submission> of(String trackingNumber) {
    return jdbc.sql("SELECT id, body, body_sealed, received_at FROM complainant_submission WHERE tracking_number = ?"
            + " ORDER BY id")
        .param(trackingNumber)
        .query((rs, i) -> new Submission(rs.getLong(1), sealed.openText(trackingNumber, Purpose.SUBMISSION,
            rs.getBytes(3)).orElse(rs.getString(2)), rs.getTimestamp(4).toInstant()))
        .list();
  }
}

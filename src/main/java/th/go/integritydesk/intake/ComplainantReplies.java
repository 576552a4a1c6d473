package th.go.integritydesk.intake;

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

  public ComplainantReplies(JdbcClient jdbc, EvidenceFiles evidence, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.evidence = evidence;
    this.runtime = runtime;
  }

  /** Stores the reply; returns whether it answered a pending request for information. */
  @Transactional
  public boolean add(String trackingNumber, String text, List<EvidenceFiles.Accepted> files) {
    Timestamp now = th.go.integritydesk.process.EngineClock.now();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO complainant_submission (tracking_number, body, received_at) VALUES (?, ?, ?)")
        .params(trackingNumber, text.strip(), now).update(key, "id");
    evidence.store(trackingNumber, key.getKey().longValue(), files, now);

    ProcessInstance waiting = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY).processInstanceBusinessKey(trackingNumber).singleResult();
    if (waiting == null || runtime.createEventSubscriptionQuery().processInstanceId(waiting.getId())
        .eventName(ComplaintLifecycle.Messages.COMPLAINANT_INFO_RECEIVED).count() == 0) {
      return false;
    }
    runtime.createMessageCorrelation(ComplaintLifecycle.Messages.COMPLAINANT_INFO_RECEIVED)
        .processInstanceId(waiting.getId())
        .setVariable(ComplaintLifecycle.Variables.COMPLAINANT_REPLY, text.strip())
        .correlate();
    return true;
  }

  public List<Submission> of(String trackingNumber) {
    return jdbc.sql("SELECT id, body, received_at FROM complainant_submission WHERE tracking_number = ? ORDER BY id")
        .param(trackingNumber)
        .query((rs, i) -> new Submission(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .list();
  }
}

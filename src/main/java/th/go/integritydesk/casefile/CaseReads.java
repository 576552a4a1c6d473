package th.go.integritydesk.casefile;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import th.go.integritydesk.process.EngineClock;

/** The record of staff reads of case files ({@code case_read}), allowed and refused. */
@Repository
public class CaseReads {

  public record Read(long id, String userId, NeedToKnow.What what, Long itemId, boolean allowed, Instant at) {}

  private final JdbcClient jdbc;

  public CaseReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** In a transaction of its own: a refusal is recorded although the request then fails. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String trackingNumber, String userId, NeedToKnow.What what, Long itemId, boolean allowed) {
    jdbc.sql("INSERT INTO case_read (tracking_number, user_id, what, item_id, allowed, read_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(trackingNumber, userId.length() > 100 ? userId.substring(0, 100) : userId, what.name(), itemId,
            allowed, EngineClock.now())
        .update();
  }

  /** The reads of one case, oldest first, one page of them. */
  public List<Read> of(String trackingNumber, int offset, int limit) {
    return jdbc.sql("SELECT id, user_id, what, item_id, allowed, read_at FROM case_read WHERE tracking_number = ?"
            + " ORDER BY read_at, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
        .params(trackingNumber, offset, limit)
        .query((rs, i) -> new Read(rs.getLong(1), rs.getString(2), NeedToKnow.What.valueOf(rs.getString(3)),
            (Long) rs.getObject(4, Long.class), rs.getBoolean(5), rs.getTimestamp(6).toInstant()))
        .list();
  }
}

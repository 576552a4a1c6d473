package th.go.integritydesk.casefile;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import th.go.integritydesk.process.EngineClock;
import th.go.integritydesk.storage.SealedStore;
import th.go.integritydesk.storage.SealedStore.Purpose;
import th.go.integritydesk.web.InvalidInputException;

/**
 * Internal notes of a case: append-only, each with its author and time, sealed at rest. A correction is a new note
 * that names the one it corrects (of the same case). Notes never reach the complainant or the public: nothing of the
 * public channel reads this table.
 */
@Repository
public class CaseNotes {

  public static final int MAX_LENGTH = 4000;
  /** The most notes one answer lists. */
  public static final int PAGE = 500;

  /** Where a note was written. */
  public enum Through { CASE_FILE, API, TASKLIST }

  public record Note(long id, String author, Instant at, String text, Long corrects, Through through) {}

  private final JdbcClient jdbc;
  private final SealedStore sealed;

  public CaseNotes(JdbcClient jdbc, SealedStore sealed) {
    this.jdbc = jdbc;
    this.sealed = sealed;
  }

  /** Adds a note; the caller was let write on the case ({@link NeedToKnow}). */
  @Transactional
  public Note add(String trackingNumber, String author, String text, Long corrects, Through through, String taskId) {
    String body = text == null ? "" : text.strip();
    if (body.isEmpty()) {
      throw new InvalidInputException("text", "note.empty");
    }
    if (body.length() > MAX_LENGTH) {
      throw new InvalidInputException("text", "note.tooLong", MAX_LENGTH);
    }
    if (corrects != null && jdbc.sql("SELECT COUNT(*) FROM case_note WHERE id = ? AND tracking_number = ?")
        .params(corrects, trackingNumber).query(Integer.class).single() == 0) {
      throw new InvalidInputException("corrects", "note.corrects");
    }
    var now = EngineClock.now();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO case_note (tracking_number, author, written_at, text_sealed, corrects, written_through,"
            + " task_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(trackingNumber, author, now, sealed.sealText(trackingNumber, Purpose.NOTE, body), corrects,
            through.name(), taskId)
        .update(key, "id");
    return new Note(key.getKey().longValue(), author, now.toInstant(), body, corrects, through);
  }

  /** The case's notes, oldest first (at most {@link #PAGE} from the offset). */
  public List<Note> of(String trackingNumber, int offset) {
    return jdbc.sql("SELECT id, author, written_at, text_sealed, corrects, written_through FROM case_note"
            + " WHERE tracking_number = ? ORDER BY id OFFSET ? ROWS FETCH NEXT " + PAGE + " ROWS ONLY")
        .params(trackingNumber, Math.max(0, offset))
        .query((rs, i) -> new Note(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
            sealed.openText(trackingNumber, Purpose.NOTE, rs.getBytes(4)).orElse(""),
            (Long) rs.getObject(5, Long.class), Through.valueOf(rs.getString(6))))
        .list();
  }

  public int count(String trackingNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM case_note WHERE tracking_number = ?").param(trackingNumber)
        .query(Integer.class).single();
  }
}

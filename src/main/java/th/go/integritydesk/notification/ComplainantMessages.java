package th.go.integritydesk.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the complainant is told, in Thai and English, kept with the case so an anonymous complainant reads it
 * with the receipt code. Written in the step's transaction: a rolled-back step leaves no message behind.
 */
@Repository
public class ComplainantMessages {

  public enum Kind { ACKNOWLEDGEMENT, INFO_REQUEST, FORWARDED, OFFICER, OUTCOME }

  public record Message(Kind kind, String thai, String english, Instant createdAt) {}

  private final JdbcClient jdbc;

  public ComplainantMessages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void post(String trackingNumber, Kind kind, String thai, String english) {
    jdbc.sql("INSERT INTO complainant_message (tracking_number, kind, body_th, body_en, created_at) VALUES (?, ?, ?, ?, ?)")
        .params(trackingNumber, kind.name(), thai, english,
            th.go.integritydesk.process.EngineClock.now())
        .update();
  }

  public List<Message> to(String trackingNumber) {
    return jdbc.sql("SELECT kind, body_th, body_en, created_at FROM complainant_message WHERE tracking_number = ? ORDER BY id")
        .param(trackingNumber)
        .query((rs, i) -> new Message(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant()))
        .list();
  }
}

package th.go.integritydesk.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The complaints table. Every write joins the caller's transaction: when a complaint is registered inside
 * the engine's start command, the row and the process instance commit or roll back together.
 */
@Repository
public class Complaints {

  private final JdbcClient jdbc;
  private final TrackingNumbers trackingNumbers;

  public Complaints(JdbcClient jdbc, TrackingNumbers trackingNumbers) {
    this.jdbc = jdbc;
    this.trackingNumbers = trackingNumbers;
  }

  /** Stores a new complaint under a fresh tracking number and returns that number. */
  public String register(Complaint c) {
    return register(c, trackingNumbers.next());
  }

  /** Stores a new complaint under a number reserved for it ({@link TrackingNumbers#reserve()}). */
  public String register(Complaint c, String trackingNumber) {
    jdbc.sql("""
            INSERT INTO complaint (tracking_number, fiscal_year, channel, category, subject, description,
              accused_name, accused_position, accused_unit, accused_rank, incident_date, location, amount_involved,
              years_since_left_office, nacc_finding_of_fault, volunteer_code, reference_number, recorded_by,
              received_at, stage)
            VALUES (:tn, :fy, :channel, :category, :subject, :description, :accusedName, :accusedPosition,
              :accusedUnit, :accusedRank, :incidentDate, :location, :amount, :years, :nacc, :volunteer, :reference,
              :recordedBy, :receivedAt, :stage)""")
        .param("tn", trackingNumber)
        .param("fy", Integer.parseInt(trackingNumber.substring(4, 8)))
        .param("channel", c.channel().name())
        .param("category", c.category().name())
        .param("subject", c.subject())
        .param("description", c.description())
        .param("accusedName", c.accusedName())
        .param("accusedPosition", c.accusedPosition())
        .param("accusedUnit", c.accusedUnit())
        .param("accusedRank", c.accusedRank() == null ? null : c.accusedRank().name())
        .param("incidentDate", c.incidentDate())
        .param("location", c.location())
        .param("amount", c.amountInvolved())
        .param("years", c.yearsSinceLeftOffice())
        .param("nacc", c.naccFindingOfFault())
        .param("volunteer", c.volunteerCode())
        .param("reference", c.referenceNumber())
        .param("recordedBy", c.recordedBy())
        .param("receivedAt", now())
        .param("stage", Stage.RECEIPT.name())
        .update();
    return trackingNumber;
  }

  /** What routes a case, as recorded at receipt: read here, never from process variables a task could overwrite. */
  public record Routing(String channel, boolean naccFindingOfFault, String category, String accusedUnit,
                        String accusedRank, Integer yearsSinceLeftOffice) {}

  public Routing routing(String trackingNumber) {
    return jdbc.sql("SELECT channel, nacc_finding_of_fault, category, accused_unit, accused_rank, years_since_left_office"
            + " FROM complaint WHERE tracking_number = ?")
        .param(trackingNumber)
        .query((rs, i) -> new Routing(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
            rs.getString(5), (Integer) rs.getObject(6, Integer.class)))
        .optional()
        .orElseThrow(() -> new IllegalStateException("no complaint " + trackingNumber));
  }

  public boolean exists(String trackingNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM complaint WHERE tracking_number = ?")
        .param(trackingNumber).query(Integer.class).single() > 0;
  }

  public Optional<Stage> stageOf(String trackingNumber) {
    return jdbc.sql("SELECT stage FROM complaint WHERE tracking_number = ?")
        .param(trackingNumber).query(String.class).optional().map(Stage::valueOf);
  }

  public Optional<String> outcomeOf(String trackingNumber) {
    return jdbc.sql("SELECT outcome FROM complaint WHERE tracking_number = ?")
        .param(trackingNumber).query(String.class).optional();
  }

  /** What the complainant may see of the case: no facts of the accused, no officer, no identity. */
  public record Summary(String trackingNumber, Stage stage, Instant receivedAt, Instant closedAt, String outcome,
                        String receiptCodeHash) {}

  public Optional<Summary> summary(String trackingNumber) {
    return jdbc.sql("SELECT tracking_number, stage, received_at, closed_at, outcome, receipt_code_hash FROM complaint"
            + " WHERE tracking_number = ?")
        .param(trackingNumber)
        .query((rs, i) -> new Summary(rs.getString(1), Stage.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)))
        .optional();
  }

  /** The case file as staff read it: the complaint's facts, never the complainant's identity. */
  public Optional<java.util.Map<String, Object>> caseFile(String trackingNumber) {
    return jdbc.sql("""
            SELECT tracking_number, channel, category, subject, description, accused_name, accused_position, accused_unit,
              accused_rank, incident_date, location, amount_involved, years_since_left_office, nacc_finding_of_fault,
              volunteer_code, reference_number, received_at, stage, forwarded_to, merged_into, outcome, closed_at,
              anonymous, removed_at
            FROM complaint WHERE tracking_number = ?""")
        .param(trackingNumber)
        .query((rs, i) -> {
          java.util.Map<String, Object> file = new java.util.LinkedHashMap<>();
          var meta = rs.getMetaData();
          for (int c = 1; c <= meta.getColumnCount(); c++) {
            Object value = rs.getObject(c);
            if (value instanceof java.sql.Timestamp ts) {
              value = ts.toInstant();
            } else if (value instanceof java.time.OffsetDateTime odt) {
              value = odt.toInstant();
            } else if (value instanceof java.sql.Date d) {
              value = d.toLocalDate();
            }
            file.put(toCamelCase(meta.getColumnLabel(c)), value);
          }
          return file;
        })
        .optional();
  }

  public void recordReceipt(String trackingNumber, String receiptCodeHash, boolean anonymous, boolean consentToContact) {
    jdbc.sql("UPDATE complaint SET receipt_code_hash = ?, anonymous = ?, consent_to_contact = ? WHERE tracking_number = ?")
        .params(receiptCodeHash, anonymous, consentToContact, trackingNumber).update();
  }

  /** A receipt-code hash of the old form (BCrypt), replaced by the keyed hash once its code was shown to match. */
  public void replaceReceiptHash(String trackingNumber, String oldHash, String newHash) {
    jdbc.sql("UPDATE complaint SET receipt_code_hash = ? WHERE tracking_number = ? AND receipt_code_hash = ?")
        .params(newHash, trackingNumber, oldHash).update();
  }

  private static String toCamelCase(String column) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char ch : column.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      if (ch == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return out.toString();
  }

  public void moveTo(String trackingNumber, Stage stage) {
    jdbc.sql("UPDATE complaint SET stage = ? WHERE tracking_number = ?").params(stage.name(), trackingNumber).update();
  }

  public void recordForwarding(String trackingNumber, String agency) {
    jdbc.sql("UPDATE complaint SET forwarded_to = ? WHERE tracking_number = ?").params(agency, trackingNumber).update();
  }

  public void recordMerge(String trackingNumber, String existingCase) {
    jdbc.sql("UPDATE complaint SET merged_into = ? WHERE tracking_number = ?")
        .params(existingCase, trackingNumber).update();
  }

  public void close(String trackingNumber, String outcome) {
    jdbc.sql("UPDATE complaint SET stage = ?, outcome = ?, closed_at = ? WHERE tracking_number = ?")
        .params(Stage.CLOSED.name(), outcome, now(), trackingNumber).update();
  }

  static Timestamp now() {
    return th.go.integritydesk.process.EngineClock.now();
  }
}

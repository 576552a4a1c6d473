package th.go.integritydesk.letters;

import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import th.go.integritydesk.process.EngineClock;

/**
 * The register of outgoing letters (ทะเบียนหนังสือส่ง): every letter or order takes the next number of the fiscal
 * year for its prefix, in the transaction that stores the letter, so a number is unique and none is skipped (a
 * letter that fails gives its number back with its rollback), however many officers generate letters at once: the
 * counter's row is locked from the increment to the commit.
 */
@Repository
public class OutgoingRegister {

  /** Rows in one page of the register. */
  public static final int PAGE = 100;

  public record Entry(long id, int fiscalYear, String prefix, int number, LetterKind kind, String trackingNumber,
                      String addressee, byte[] addresseeSealed, String subject, String generatedBy, Instant generatedAt,
                      String reason, java.time.LocalDate postedOn, String postedBy) {

    public String letterNumber() {
      return prefix + "/" + number;
    }
  }

  private final JdbcClient jdbc;
  private final org.springframework.transaction.support.TransactionTemplate newTransaction;

  public OutgoingRegister(JdbcClient jdbc, org.springframework.transaction.PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.newTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(
        org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next number for the prefix in the fiscal year, in the caller's transaction (which must store the letter). */
  int next(int fiscalYear, String prefix) {
    if (increment(fiscalYear, prefix) == 0) {
      // the year's first letter of this prefix: the counter row is made in a transaction of its own (on PostgreSQL a
      // duplicate key would abort the letter's transaction), then taken like any other
      newTransaction.executeWithoutResult(status -> {
        try {
          jdbc.sql("INSERT INTO letter_number_counter (fiscal_year, prefix, last_value) VALUES (?, ?, 0)")
              .params(fiscalYear, prefix).update();
        } catch (DuplicateKeyException e) {
          status.setRollbackOnly(); // another letter made it a moment before
        }
      });
      if (increment(fiscalYear, prefix) == 0) {
        throw new IllegalStateException("no letter counter for " + fiscalYear + " " + prefix);
      }
    }
    return jdbc.sql("SELECT last_value FROM letter_number_counter WHERE fiscal_year = ? AND prefix = ?")
        .params(fiscalYear, prefix).query(Integer.class).single();
  }

  private int increment(int fiscalYear, String prefix) {
    return jdbc.sql("UPDATE letter_number_counter SET last_value = last_value + 1 WHERE fiscal_year = ? AND prefix = ?")
        .params(fiscalYear, prefix).update();
  }

  long record(int fiscalYear, String prefix, int number, LetterKind kind, String trackingNumber, String addressee,
              byte[] addresseeSealed, String subject, String generatedBy, String reason, byte[] sealedContent) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO letter_register (fiscal_year, prefix, number, kind, tracking_number, addressee, addressee_sealed,
              subject, generated_by, generated_at, reason, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(fiscalYear, prefix, number, kind.name(), trackingNumber, addressee, addresseeSealed,
            subject.length() > 300 ? subject.substring(0, 300) : subject, generatedBy, EngineClock.now(), reason,
            sealedContent)
        .update(key, "id");
    return key.getKey().longValue();
  }

  private static final String COLUMNS = "id, fiscal_year, prefix, number, kind, tracking_number, addressee,"
      + " addressee_sealed, subject, generated_by, generated_at, reason, posted_on, posted_by";

  /** The letter went out by post on that date (its letter task was completed). */
  void posted(long id, java.time.LocalDate on, String by) {
    jdbc.sql("UPDATE letter_register SET posted_on = ?, posted_by = ? WHERE id = ?").params(on, by, id).update();
  }

  public List<Entry> ofCase(String trackingNumber) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM letter_register WHERE tracking_number = ? ORDER BY id"
            + " FETCH FIRST 500 ROWS ONLY")
        .param(trackingNumber).query((rs, i) -> entry(rs)).list();
  }

  /** One page of the fiscal year's register, in number order. */
  public List<Entry> ofYear(int fiscalYear, int page) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM letter_register WHERE fiscal_year = ? ORDER BY id"
            + " OFFSET ? ROWS FETCH NEXT " + PAGE + " ROWS ONLY")
        .params(fiscalYear, Math.max(0, page) * PAGE).query((rs, i) -> entry(rs)).list();
  }

  public int countOfYear(int fiscalYear) {
    return jdbc.sql("SELECT COUNT(*) FROM letter_register WHERE fiscal_year = ?").param(fiscalYear)
        .query(Integer.class).single();
  }

  public java.util.Optional<byte[]> content(String trackingNumber, long id) {
    return jdbc.sql("SELECT content FROM letter_register WHERE tracking_number = ? AND id = ?")
        .params(trackingNumber, id).query(byte[].class).optional();
  }

  private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Entry(rs.getLong("id"), rs.getInt("fiscal_year"), rs.getString("prefix"), rs.getInt("number"),
        LetterKind.valueOf(rs.getString("kind")), rs.getString("tracking_number"), rs.getString("addressee"),
        rs.getBytes("addressee_sealed"), rs.getString("subject"), rs.getString("generated_by"),
        rs.getTimestamp("generated_at").toInstant(), rs.getString("reason"),
        rs.getObject("posted_on", java.time.LocalDate.class), rs.getString("posted_by"));
  }
}

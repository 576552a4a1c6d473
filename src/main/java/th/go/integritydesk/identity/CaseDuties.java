package th.go.integritydesk.identity;

import th.go.integritydesk.process.Bilingual;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import th.go.integritydesk.process.DutyConflictException;
import th.go.integritydesk.process.EngineClock;

/**
 * Who really did what on a case (table {@code case_duty}): recorded by the task listeners when a task is completed,
 * inside the completing transaction, from the authenticated user and the validated form values. Segregation of
 * duties reads this record, never process variables, which any later request could overwrite.
 */
@Repository
public class CaseDuties {

  /** The duties that exclude an official from reviewing or deciding on the same case. */
  public enum Duty {
    /** completed {@code conduct-fact-finding}; detail: the findings */
    FACT_FINDING,
    /** appointed chair by the completed {@code appoint-committee} */
    COMMITTEE_CHAIR,
    /** appointed member by the completed {@code appoint-committee} */
    COMMITTEE_MEMBER,
    /** completed {@code disciplinary-investigation}; detail: whether the offence was proven */
    DISCIPLINARY_INVESTIGATION
  }

  private final JdbcClient jdbc;

  public CaseDuties(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String trackingNumber, Duty duty, String userId, String detail, String taskId) {
    if (userId == null) {
      throw new DutyConflictException(Bilingual.both("duty.actorRequired"));
    }
    jdbc.sql("""
            INSERT INTO case_duty (tracking_number, duty, user_id, detail, task_id, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(trackingNumber, duty.name(), userId, detail, taskId, EngineClock.now())
        .update();
  }

  /** Everyone who held one of the duties on the case, in the order they were recorded. */
  public List<String> holders(String trackingNumber, Duty... duties) {
    return jdbc.sql("SELECT user_id FROM case_duty WHERE tracking_number = :tn AND duty IN (:duties) ORDER BY id")
        .param("tn", trackingNumber)
        .param("duties", Arrays.stream(duties).map(Duty::name).toList())
        .query(String.class).list();
  }

  /** The detail of the latest record of a duty (e.g. the findings of the last fact-finding report). */
  public Optional<String> latestDetail(String trackingNumber, Duty duty) {
    return jdbc.sql("SELECT detail FROM case_duty WHERE tracking_number = ? AND duty = ? ORDER BY id DESC")
        .params(trackingNumber, duty.name())
        .query(String.class).list().stream().findFirst();
  }
}

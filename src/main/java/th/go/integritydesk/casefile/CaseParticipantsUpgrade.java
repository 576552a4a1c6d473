package th.go.integritydesk.casefile;

import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.integritydesk.casefile.CaseParticipants.TookPartAs;

/**
 * Cases worked before the case file's record of participants (V8): who was assigned their tasks, or completed them, is
 * taken once from the engine's history of finished and open tasks, so that those officers keep the cases they worked
 * on. One statement and the step's row in one transaction: a second node, or a restart, finds the step done (or fails
 * on its primary key and leaves the work to the first).
 */
@Component
public class CaseParticipantsUpgrade {

  public static final String STEP = "case-participants-from-history";
  private static final Logger LOG = LoggerFactory.getLogger(CaseParticipantsUpgrade.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  CaseParticipantsUpgrade(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactions);
  }

  @EventListener(ApplicationReadyEvent.class)
  public void takeParticipantsFromHistory() {
    if (jdbc.sql("SELECT COUNT(*) FROM upgrade_step WHERE name = ?").param(STEP).query(Integer.class).single() > 0) {
      return;
    }
    try {
      Integer added = transactions.execute(status -> {
        jdbc.sql("INSERT INTO upgrade_step (name, done_at) VALUES (?, ?)").params(STEP, OffsetDateTime.now()).update();
        return jdbc.sql("""
            INSERT INTO case_participant (tracking_number, user_id, took_part_as, task_key, task_id, at)
            SELECT p.BUSINESS_KEY_, t.ASSIGNEE_, CASE WHEN t.END_TIME_ IS NULL THEN ? ELSE ? END, t.TASK_DEF_KEY_,
                   t.ID_, COALESCE(t.END_TIME_, t.START_TIME_)
              FROM ACT_HI_TASKINST t JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = t.PROC_INST_ID_
             WHERE t.ASSIGNEE_ IS NOT NULL AND p.BUSINESS_KEY_ IN (SELECT tracking_number FROM complaint)
               AND NOT EXISTS (SELECT 1 FROM case_participant c WHERE c.task_id = t.ID_ AND c.user_id = t.ASSIGNEE_)
            """).params(TookPartAs.ASSIGNED.name(), TookPartAs.COMPLETED.name()).update();
      });
      if (added != null && added > 0) {
        LOG.info("Case participants: {} taken from the engine's history of tasks worked before the case file", added);
      }
    } catch (DataIntegrityViolationException anotherNode) {
      LOG.info("Case participants: another node takes them from the engine's history");
    }
  }
}

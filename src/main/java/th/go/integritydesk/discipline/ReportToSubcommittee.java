package th.go.integritydesk.discipline;

import static th.go.integritydesk.process.DisciplinaryAction.Variables.PENALTY;
import static th.go.integritydesk.process.DisciplinaryAction.Variables.PENALTY_DECIDED_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Penalties and waivers go on the report to the ministry's civil service sub-committee (อ.ก.พ. กระทรวง). */
@Component("reportToSubcommittee")
public class ReportToSubcommittee implements JavaDelegate {

  private final JdbcClient jdbc;

  public ReportToSubcommittee(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    jdbc.sql("INSERT INTO discipline_report (tracking_number, penalty, decided_by, reported_at) VALUES (?, ?, ?, ?)")
        .params(execution.getProcessBusinessKey(), execution.getVariable(PENALTY),
            execution.getVariable(PENALTY_DECIDED_BY),
            th.go.integritydesk.process.EngineClock.now())
        .update();
  }
}

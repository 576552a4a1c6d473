package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.casefile.CaseParticipantsUpgrade;

/**
 * An installation upgraded from before the case file's record of participants: the officer who screened a case keeps
 * it, because the upgrade step takes who worked which task from the engine's history, once.
 */
@HttpTest
class CaseParticipantsUpgradeTest {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;
  @Autowired CaseParticipantsUpgrade upgrade;

  @Test
  void anOfficerWhoWorkedACaseBeforeTheRecordKeepsIt() {
    StaffClient intake = new StaffClient(port, "intake", "demo");
    var receipt = intake.post("/api/complaints", IntakeOverHttpTest.complaint());
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    String trackingNumber = receipt.body().get("trackingNumber").asText();
    IntakeOverHttpTest.waitUntil(() -> tasks.createTaskQuery().processInstanceBusinessKey(trackingNumber).count() == 1);
    Task screening = tasks.createTaskQuery().processInstanceBusinessKey(trackingNumber).singleResult();
    tasks.setAssignee(screening.getId(), "screener");
    String caseFile = "/api/staff/complaints/" + trackingNumber;
    StaffClient screener = new StaffClient(port, "screener", "demo");
    tasks.complete(screening.getId(), Map.of("screeningDecision", "ACCEPT", "screeningReason", "มีมูล / Credible"));
    assertThat(screener.get(caseFile).status()).isEqualTo(200);

    // as before V8: no record of who took part, and the step not yet done
    jdbc.sql("DELETE FROM case_participant WHERE tracking_number = ?").param(trackingNumber).update();
    jdbc.sql("DELETE FROM upgrade_step WHERE name = ?").param(CaseParticipantsUpgrade.STEP).update();
    assertThat(screener.get(caseFile).status()).isEqualTo(404);

    upgrade.takeParticipantsFromHistory();
    upgrade.takeParticipantsFromHistory(); // done once: the second run adds nothing
    List<String> rows = jdbc.sql("SELECT user_id || ' ' || took_part_as || ' ' || task_key FROM case_participant"
        + " WHERE tracking_number = ?").param(trackingNumber).query(String.class).list();
    assertThat(rows).containsExactly("screener COMPLETED screen-complaint");
    assertThat(screener.get(caseFile).status()).isEqualTo(200);
    NeedToKnowMatrixTest.endCases(runtime, List.of(trackingNumber));
  }
}

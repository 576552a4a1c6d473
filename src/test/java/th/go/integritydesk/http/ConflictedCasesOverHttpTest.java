package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.integritydesk.http.StaffClient.variables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.go.integritydesk.http.StaffClient.Answer;

/**
 * A complaint against the centre itself (docs/adr/0013-need-to-know.md): every demo screener and supervisor is a
 * member of ศูนย์ปฏิบัติการต่อต้านการทุจริต, the accused's unit. Its tasks are offered by name to officers outside the unit
 * (here the disciplinary authority, the head of the agency's office), so the centre's own officers see neither the
 * task nor the case file, and the case still moves on.
 */
@HttpTest
class ConflictedCasesOverHttpTest {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  StaffClient staff(String user) {
    return new StaffClient(port, user, "demo");
  }

  @Test
  void aComplaintAgainstTheCentreIsWorkedOutsideItAndNeverShownToIt() {
    ObjectNode complaint = IntakeOverHttpTest.complaint();
    ((ObjectNode) complaint.get("accused")).put("unit", "ศูนย์ปฏิบัติการต่อต้านการทุจริต");
    Answer receipt = staff("nobody").raw("POST", "/api/complaints", Map.of("Content-Type", "application/json"),
        java.net.http.HttpRequest.BodyPublishers.ofString(complaint.toString()));
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    String trackingNumber = receipt.body().get("trackingNumber").asText();
    IntakeOverHttpTest.waitUntil(() -> tasks.createTaskQuery().processInstanceBusinessKey(trackingNumber).count() == 1);
    String ofThisCase = "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber;
    String caseFile = "/api/staff/complaints/" + trackingNumber;

    for (String centre : new String[] {"screener", "supervisor", "intake", "analyst"}) {
      assertThat(staff(centre).get(ofThisCase).body()).as(centre).isEmpty();
      assertThat(staff(centre).get(caseFile).status()).as(centre).isEqualTo(404);
    }
    StaffClient authority = staff("authority");
    assertThat(authority.get(caseFile).status()).isEqualTo(200);
    JsonNode named = authority.get("/engine-rest/filter?name=" + java.net.URLEncoder.encode(
        "งานที่มอบแก่ฉันโดยระบุชื่อ / Offered to me by name", java.nio.charset.StandardCharsets.UTF_8)).body();
    assertThat(named).hasSize(1);
    JsonNode offered = authority.post("/engine-rest/filter/" + named.get(0).get("id").asText() + "/list?maxResults=50",
        Map.of("processInstanceBusinessKey", trackingNumber)).body();
    assertThat(offered).hasSize(1);
    assertThat(offered.get(0).get("taskDefinitionKey").asText()).isEqualTo("screen-complaint");
    NeedToKnowMatrixTest.complete(authority, ofThisCase, "screen-complaint",
        variables("screeningDecision", "ACCEPT", "screeningReason", "มีมูล / Credible"));

    // assigning the investigator is the supervisors' work: none is outside the centre, so it goes on to the authority
    IntakeOverHttpTest.waitUntil(() -> !authority.get(ofThisCase).body().isEmpty());
    assertThat(staff("supervisor").get(ofThisCase).body()).isEmpty();
    NeedToKnowMatrixTest.complete(authority, ofThisCase, "assign-investigator",
        variables("investigator", "investigator"));
    IntakeOverHttpTest.waitUntil(() -> !staff("investigator").get(ofThisCase).body().isEmpty());
    assertThat(staff("investigator").get(caseFile).status()).isEqualTo(200);
    assertThat(staff("supervisor").get(caseFile).status()).isEqualTo(404);
    assertThat(staff("screener").get(caseFile).status()).isEqualTo(404);
    NeedToKnowMatrixTest.endCases(runtime, java.util.List.of(trackingNumber));
  }
}

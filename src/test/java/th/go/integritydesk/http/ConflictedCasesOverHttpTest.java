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
    StaffClient client = new StaffClient(port, user, "demo");
    return user.equals("intake") ? client.withPassphrase("demo") : client;
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
    // the centre's intake officers are its identity custodians, but not for a case against the centre
    assertThat(staff("intake").post(caseFile + "/identity", Map.of("reason", "ผู้ร้องโทรมาสอบถาม / The complainant called"))
        .status()).isEqualTo(404);
    assertThat(staff("intake").post(caseFile + "/letters", Map.of("kind", "acknowledgement")).status()).isEqualTo(404);
    // nor may the centre's supervisors hold it or lift a hold, nor its custodians release an original of it
    assertThat(staff("supervisor").get(caseFile + "/legal-hold").status()).isEqualTo(404);
    assertThat(staff("supervisor").post(caseFile + "/legal-hold", Map.of("reason", "เก็บไว้ก่อน / keep it for now"))
        .status()).isEqualTo(404);
    assertThat(staff("intake").post(caseFile + "/evidence/1/release", Map.of("reason", "ต้นฉบับคือหลักฐาน / the original"))
        .status()).isEqualTo(404);
    StaffClient authority = staff("authority");
    assertThat(authority.get(caseFile).status()).isEqualTo(200);
    assertThat(whatCockpitShows("supervisor", trackingNumber)).isEmpty();
    assertThat(whatCockpitShows("admin", trackingNumber)).isNotEmpty(); // the control: the case is there to be seen
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
    // the fact-finding instance (a call activity) and the history of screening and assignment stay hidden too
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).count()).isEqualTo(2);
    assertThat(whatCockpitShows("supervisor", trackingNumber)).isEmpty();
    NeedToKnowMatrixTest.endCases(runtime, java.util.List.of(trackingNumber));
  }

  /**
   * What a user finds of a case in Cockpit and through the engine's REST API: its instances (runtime and Cockpit's
   * own list), their history, their variables and their tasks' history, as the lines that name something found.
   */
  java.util.List<String> whatCockpitShows(String user, String trackingNumber) {
    StaffClient cockpit = staff(user);
    cockpit.loginTo("cockpit");
    java.util.List<String> found = new java.util.ArrayList<>();
    java.util.List<String> ids = new java.util.ArrayList<>();
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).list().forEach(i -> ids.add(i.getId()));
    String engine = "/camunda/api/engine/engine/default";
    String base = "/camunda/api/cockpit/plugin/base/default";
    Map<String, JsonNode> answers = new java.util.LinkedHashMap<>();
    answers.put("instances", cockpit.get("/engine-rest/process-instance?businessKey=" + trackingNumber).body());
    answers.put("historic instances",
        cockpit.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + trackingNumber).body());
    answers.put("historic tasks",
        cockpit.get("/engine-rest/history/task?processInstanceBusinessKey=" + trackingNumber).body());
    for (String id : ids) {
      answers.put("variables of " + id, cockpit.get("/engine-rest/variable-instance?processInstanceIdIn=" + id).body());
      answers.put("historic variables of " + id,
          cockpit.get("/engine-rest/history/variable-instance?processInstanceId=" + id).body());
      answers.put("activities of " + id,
          cockpit.get("/engine-rest/history/activity-instance?processInstanceId=" + id).body());
      answers.put("Cockpit's instance " + id, cockpit.webapp("GET", engine + "/process-instance/" + id, null).body());
      answers.put("Cockpit's called instances of " + id,
          cockpit.webapp("POST", base + "/process-instance/" + id + "/called-process-instances", Map.of()).body());
    }
    answers.put("Cockpit's instance list", cockpit.webapp("POST", base + "/process-instance?firstResult=0&maxResults=50",
        Map.of("businessKey", trackingNumber)).body());
    answers.forEach((what, answer) -> {
      boolean shown = answer != null && (answer.isArray() ? !answer.isEmpty() : answer.has("id"));
      if (shown) {
        found.add(what + ": " + answer);
      }
    });
    return found;
  }
}

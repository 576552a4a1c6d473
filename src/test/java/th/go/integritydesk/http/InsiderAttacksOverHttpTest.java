package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.http.StaffClient.Answer;

/**
 * Insider attacks on our own endpoints and the engine's authorizations, over HTTP against the running application.
 * None depends on the HTTP policy gate in front of the engine: each defence holds on its own.
 */
@HttpTest
class InsiderAttacksOverHttpTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void analystsDoNotReadARunningCasesHistoryOrVariables() {
    String trackingNumber = submitted(IntakeOverHttpTest.complaint());
    StaffClient supervisor = staff("supervisor");
    StaffClient screener = staff("screener");
    IntakeOverHttpTest.waitUntil(() -> screener.get("/engine-rest/task?processInstanceBusinessKey=" + trackingNumber)
        .body().size() == 1);
    String processInstanceId = supervisor.get("/engine-rest/process-instance?businessKey=" + trackingNumber)
        .body().get(0).get("id").asText();
    assertThat(supervisor.get("/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId).body())
        .isNotEmpty();
    StaffClient analyst = staff("analyst");
    assertThat(analyst.get("/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId).body())
        .isEmpty();
    assertThat(analyst.get("/engine-rest/history/variable-instance?variableName=description").body().toString())
        .doesNotContain(trackingNumber);
    assertThat(analyst.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + trackingNumber).body())
        .isEmpty();
    assertThat(analyst.get("/engine-rest/process-definition?key=complaint-lifecycle").body()).isNotEmpty();
  }

  @Test
  void withdrawalsAreRecordedByIntakeWithTheLettersReason() {
    String trackingNumber = submitted(IntakeOverHttpTest.complaint());
    String withdrawal = "/api/staff/complaints/" + trackingNumber + "/withdrawal";
    StaffClient intake = staff("intake");
    StaffClient screener = staff("screener");
    String ofThisCase = "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber;
    IntakeOverHttpTest.waitUntil(() -> screener.get(ofThisCase).body().size() == 1);

    assertThat(screener.post(withdrawal, Map.of("reason", "x")).status()).isEqualTo(403);
    Answer noReason = intake.post(withdrawal, Map.of("reason", " "));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.contentType()).startsWith("application/problem+json");
    assertThat(noReason.body().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    assertThat(intake.post("/api/staff/complaints/ACC-2400-999999/withdrawal", Map.of("reason", "x")).status())
        .isEqualTo(404);

    Answer recorded = intake.post(withdrawal, Map.of("reason", "ตกลงกันได้แล้ว / Settled"));
    assertThat(recorded.status()).as(recorded.raw()).isEqualTo(200);
    assertThat(recorded.body().get("recordedBy").asText()).isEqualTo("intake");
    IntakeOverHttpTest.waitUntil(() -> screener.get(ofThisCase + "&taskDefinitionKey=decide-on-withdrawal").body().size() == 1);
    Answer again = intake.post(withdrawal, Map.of("reason", "อีกครั้ง / Again"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
  }

  String submitted(com.fasterxml.jackson.databind.node.ObjectNode body) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/json");
    Answer answer = new StaffClient(port, "nobody", "none").raw("POST", "/api/complaints", headers,
        BodyPublishers.ofString(body.toString()));
    assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
    return answer.body().get("trackingNumber").asText();
  }

  StaffClient staff(String user) {
    return new StaffClient(port, user, "demo");
  }
}

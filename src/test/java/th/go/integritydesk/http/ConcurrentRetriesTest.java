package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.identity.DemoStaff;

/**
 * A submission retried while the first is still being stored (a double click, a client's retry, an officer's second
 * tab) with the same Idempotency-Key: every copy is answered 201 with the one case, on the public API and on staff
 * intake alike; none answers 5xx, and one complaint is stored.
 */
@HttpTest
class ConcurrentRetriesTest {

  static final int AT_ONCE = 6;
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;

  @Test
  void concurrentRetriesOfAPublicSubmissionAllAnswerWithTheOneCase() throws Exception {
    sameAnswerOnce("/api/complaints", null);
  }

  @Test
  void concurrentRetriesOfAStaffIntakeAllAnswerWithTheOneCase() throws Exception {
    sameAnswerOnce("/api/staff/complaints", "Basic " + Base64.getEncoder()
        .encodeToString(("intake:" + DemoStaff.PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  private void sameAnswerOnce(String path, String authorization) throws Exception {
    String key = UUID.randomUUID().toString();
    String body = IntakeOverHttpTest.complaint().toString();
    int before = jdbc.sql("SELECT COUNT(*) FROM complaint").query(Integer.class).single();
    List<HttpResponse<String>> answers = AtOnce.send(AT_ONCE, () -> {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Content-Type", "application/json").header("Idempotency-Key", key)
          .POST(HttpRequest.BodyPublishers.ofString(body));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      return request.build();
    });
    Set<String> cases = new HashSet<>();
    Set<String> codes = new HashSet<>();
    for (HttpResponse<String> response : answers) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      cases.add(JSON.readTree(response.body()).get("trackingNumber").asText());
      codes.add(JSON.readTree(response.body()).get("receiptCode").asText());
    }
    assertThat(cases).hasSize(1);
    assertThat(codes).hasSize(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint").query(Integer.class).single()).isEqualTo(before + 1);
    // the HTTP tests share one application: this case's screening task would push the browser tests' case off the
    // first page of the screeners' list (15 tasks)
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(cases.iterator().next()).list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test cleanup"));
  }
}

package th.go.integritydesk.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import th.go.integritydesk.gate.GateRules.Api;
import th.go.integritydesk.identity.Groups;

/** The gate's pieces without the application: path patterns, the expression scan, the fields of the real forms. */
class EngineGateRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void pathPatternsMatchSegmentsAndNeverTakeASubResourceForAnId() {
    assertThat(GateRules.pathMatches("/task/{id}/claim", "/task/42/claim")).isTrue();
    assertThat(GateRules.pathMatches("/task/{id}/claim", "/task/42/claim/x")).isFalse();
    assertThat(GateRules.pathMatches("/task/{id}", "/task/")).isFalse();
    assertThat(GateRules.pathMatches("/process-definition/{id}", "/process-definition/statistics")).isFalse();
    assertThat(GateRules.pathMatches("/history/(task|detail)", "/history/detail")).isTrue();
    assertThat(GateRules.pathMatches("/history/(task|detail)", "/history/cleanup")).isFalse();
    assertThat(GateRules.pathMatches("/**", "/anything/at/all")).isTrue();
    assertThat(GateRules.find(List.of(Groups.SCREENING), "POST", Api.ENGINE, "/task/1/identity-links")).isEmpty();
    assertThat(GateRules.find(List.of(Groups.SUPERVISOR), "POST", Api.ENGINE, "/history/cleanup")).isEmpty();
    assertThat(GateRules.find(List.of(Groups.SCREENING), "HEAD", Api.ENGINE, "/task/1")).isPresent();
    assertThat(GateRules.find(List.of(), "GET", Api.ENGINE, "/task")).isEmpty();
  }

  @Test
  void expressionsAreFoundAtAnyDepthAndInAnyEncoding() throws Exception {
    JsonNode body = JSON.readTree("{\"sorting\":[{\"parameters\":{\"variable\":\"a\\u0024{b}\"}}]}");
    assertThat(Expressions.inJson(body, false)).contains("sorting[0].parameters.variable");
    assertThat(Expressions.inJson(JSON.readTree("{\"#{x}\":1}"), false)).contains("#{x}");
    assertThat(Expressions.contains("%24%7Bx%7D", false)).isTrue();
    assertThat(Expressions.contains("%2524%257Bx%257D", false)).isTrue();
    assertThat(Expressions.contains("ราคา 500 บาท {ไม่ใช่นิพจน์}", false)).isFalse();
    assertThat(Expressions.inParameters(Map.of("assigneeExpression", new String[] {"${currentUser()}"})))
        .contains("assigneeExpression");
    // a stored filter may use what Tasklist's filter dialog offers, nothing else
    assertThat(Expressions.contains("${ currentUser() }", true)).isFalse();
    assertThat(Expressions.contains("${dateTime().plusDays(7)}", true)).isFalse();
    assertThat(Expressions.contains("${currentUser()}${''.getClass()}", true)).isTrue();
    assertThat(Expressions.contains("${now().getClass()}", true)).isTrue();
  }

  @Test
  void aFormDeclaresItsEnabledFieldsWithTheirTypes() throws Exception {
    FormFields screening = form("processes/forms/screen-complaint.form");
    assertThat(screening.fields().keySet()).containsExactlyInAnyOrder("screeningDecision", "forwardTo",
        "forwardAgencyName", "duplicateOf", "infoRequest", "screeningReason", "messageToComplainant");
    assertThat(screening.problemWith("trackingNumber", JSON.readTree("{\"value\":\"ACC-2570-000001\"}"))).isPresent();
    assertThat(screening.problemWith("screeningDecision", JSON.readTree("{\"value\":\"ACCEPT\"}"))).isEmpty();
    assertThat(screening.problemWith("screeningDecision", JSON.readTree("{\"value\":\"ACCEPT\",\"type\":\"String\"}"))).isEmpty();
    assertThat(screening.problemWith("screeningDecision", JSON.readTree("{\"value\":1}"))).isPresent();
    assertThat(screening.problemWith("screeningDecision", JSON.readTree("{\"value\":\"x\",\"type\":\"Object\"}"))).isPresent();
    assertThat(screening.problemWith("forwardTo", JSON.readTree("{\"value\":null}"))).isEmpty();

    FormFields review = form("processes/forms/review-findings.form");
    assertThat(review.fields().keySet()).containsExactlyInAnyOrder("findingsApproved", "reviewComment");
    assertThat(review.problemWith("findingsApproved", JSON.readTree("{\"value\":true}"))).isEmpty();
    assertThat(review.problemWith("findingsApproved", JSON.readTree("{\"value\":\"true\"}"))).isPresent();

    FormFields start = form("processes/forms/record-complaint.form");
    assertThat(start.problemWith("yearsSinceLeftOffice", JSON.readTree("{\"value\":3}"))).isEmpty();
    assertThat(start.problemWith("incidentDate", JSON.readTree("{\"value\":\"2026-11-01\"}"))).isEmpty();
    assertThat(start.problemWith("incidentDate", JSON.readTree("{\"value\":\"1 Nov\"}"))).isPresent();
    // groups with a path and dynamic lists submit one structured value, as Tasklist sends it (JSON text, type Json)
    FormFields nested = FormFields.parse(JSON.readTree("{\"id\":\"n\",\"components\":[{\"type\":\"dynamiclist\","
        + "\"path\":\"members\",\"components\":[{\"type\":\"textfield\",\"key\":\"name\"}]},"
        + "{\"type\":\"group\",\"components\":[{\"type\":\"checkbox\",\"key\":\"ok\"}]}]}"));
    assertThat(nested.fields().keySet()).containsExactlyInAnyOrder("members", "ok");
    assertThat(nested.problemWith("members", JSON.readTree("{\"value\":\"[{\\\"name\\\":\\\"a\\\"}]\",\"type\":\"Json\"}")))
        .isEmpty();
  }

  private static FormFields form(String resource) throws Exception {
    try (InputStream in = EngineGateRulesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return FormFields.parse(JSON.readTree(in));
    }
  }
}

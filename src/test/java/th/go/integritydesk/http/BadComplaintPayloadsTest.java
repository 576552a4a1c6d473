package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.http.StaffClient.Answer;

/**
 * Bad submissions, each answered 4xx with an RFC 9457 problem body naming the bad field (where there is one), in
 * Thai when asked, and nothing stored. The table of what each answered is written to
 * target/bad-payloads.md for the record.
 */
@HttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadComplaintPayloadsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  private int complaintsBefore;
  private int processesBefore;
  private final List<String> table = new ArrayList<>();

  record Bad(String name, String contentType, String body, Map<String, String> headers, int status, String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  static String json(Consumer<ObjectNode> change) {
    ObjectNode body = IntakeOverHttpTest.complaint();
    change.accept(body);
    return body.toString();
  }

  static ObjectNode accused(ObjectNode body) {
    return (ObjectNode) body.get("accused");
  }

  static Bad bad(String name, Consumer<ObjectNode> change, String field) {
    return new Bad(name, "application/json", json(change), Map.of(), 400, field);
  }

  static Stream<Bad> payloads() {
    String long201 = "ก".repeat(201);
    return Stream.of(
        bad("channel missing", b -> b.remove("channel"), "channel"),
        bad("channel unknown", b -> b.put("channel", "FAX"), "channel"),
        bad("category missing", b -> b.remove("category"), "category"),
        bad("category in lower case", b -> b.put("category", "bribery"), "category"),
        bad("subject missing", b -> b.remove("subject"), "subject"),
        bad("subject blank", b -> b.put("subject", "   "), "subject"),
        bad("subject too long", b -> b.put("subject", long201), "subject"),
        bad("subject an object", b -> b.putObject("subject"), "subject"),
        bad("description missing", b -> b.remove("description"), "description"),
        bad("description too long", b -> b.put("description", "x".repeat(10001)), "description"),
        bad("accused missing", b -> b.remove("accused"), "accused"),
        bad("accused a string", b -> b.put("accused", "นาย ก"), "accused"),
        bad("accused.unit missing", b -> accused(b).remove("unit"), "accused.unit"),
        bad("accused.unit too long", b -> accused(b).put("unit", long201), "accused.unit"),
        bad("accused.rank missing", b -> accused(b).remove("rank"), "accused.rank"),
        bad("accused.rank unknown", b -> accused(b).put("rank", "BOSS"), "accused.rank"),
        bad("accused.name too long", b -> accused(b).put("name", long201), "accused.name"),
        bad("accused.position too long", b -> accused(b).put("position", long201), "accused.position"),
        bad("years since leaving office negative", b -> accused(b).put("yearsSinceLeftOffice", -1), "accused.yearsSinceLeftOffice"),
        bad("years since leaving office 101", b -> accused(b).put("yearsSinceLeftOffice", 101), "accused.yearsSinceLeftOffice"),
        bad("years since leaving office a word", b -> accused(b).put("yearsSinceLeftOffice", "five"), "accused.yearsSinceLeftOffice"),
        bad("incident date impossible", b -> b.put("incidentDate", "2025-13-45"), "incidentDate"),
        bad("incident date a word", b -> b.put("incidentDate", "yesterday"), "incidentDate"),
        bad("incident date Thai-style", b -> b.put("incidentDate", "01/09/2568"), "incidentDate"),
        bad("incident date in the future", b -> b.put("incidentDate", "2099-01-01"), "incidentDate"),
        bad("amount negative", b -> b.put("amountInvolved", -1), "amountInvolved"),
        bad("amount a word", b -> b.put("amountInvolved", "lots"), "amountInvolved"),
        bad("amount with 3 decimals", b -> b.put("amountInvolved", 1.234), "amountInvolved"),
        bad("location too long", b -> b.put("location", "x".repeat(301)), "location"),
        bad("complainant e-mail invalid", b -> b.putObject("complainant").put("email", "not-an-email"), "complainant.email"),
        bad("complainant phone letters", b -> b.putObject("complainant").put("phone", "call me"), "complainant.phone"),
        bad("complainant name too long", b -> b.putObject("complainant").put("name", long201), "complainant.name"),
        bad("complainant address too long", b -> b.putObject("complainant").put("address", "x".repeat(501)), "complainant.address"),
        bad("consent without any contact", b -> b.put("consentToContact", true), "consentToContact"),
        bad("consent not a boolean", b -> b.put("consentToContact", "yes"), "consentToContact"),
        bad("volunteer code with spaces", b -> b.put("volunteerCode", "bad code!"), "volunteerCode"),
        bad("volunteer channel without code", b -> b.put("channel", "VOLUNTEER_NETWORK"), "volunteerCode"),
        bad("NACC referral from the public", b -> b.put("channel", "REFERRAL_NACC").put("referenceNumber", "1/2569"), "channel"),
        bad("PACC referral from the public", b -> b.put("channel", "REFERRAL_PACC").put("referenceNumber", "1/2569"), "channel"),
        bad("other body's referral from the public", b -> b.put("channel", "REFERRAL_OTHER").put("referenceNumber", "1/2569"), "channel"),
        bad("reference number too long", b -> b.put("referenceNumber", "x".repeat(101)), "referenceNumber"),
        bad("NACC finding on a web complaint", b -> b.put("naccFindingOfFault", true), "naccFindingOfFault"),
        bad("NACC finding false from the public", b -> b.put("naccFindingOfFault", false), "naccFindingOfFault"),
        bad("unknown field", b -> b.put("bribeAmount", 5), "bribeAmount"),
        new Bad("malformed JSON", "application/json", "{\"channel\": \"WEB\",", Map.of(), 400, null),
        new Bad("empty body", "application/json", "", Map.of(), 400, null),
        new Bad("JSON array", "application/json", "[]", Map.of(), 400, null),
        new Bad("JSON null", "application/json", "null", Map.of(), 400, null),
        new Bad("plain text", "text/plain", "I want to report a bribe", Map.of(), 415, null),
        new Bad("form-urlencoded", "application/x-www-form-urlencoded", "subject=bribe", Map.of(), 415, null),
        new Bad("Idempotency-Key too long", "application/json", json(b -> { }), Map.of("Idempotency-Key", "k".repeat(201)),
            400, "Idempotency-Key"),
        new Bad("multipart without the complaint part", "multipart/form-data; boundary=XYZ",
            "--XYZ\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--XYZ--\r\n", Map.of(), 400, "complaint"),
        new Bad("multipart complaint part invalid", "multipart/form-data; boundary=XYZ",
            "--XYZ\r\nContent-Disposition: form-data; name=\"complaint\"\r\nContent-Type: application/json\r\n\r\n"
                + json(b -> b.remove("subject")) + "\r\n--XYZ--\r\n", Map.of(), 400, "subject"));
  }

  static Stream<Arguments> thaiPayloads() {
    return Stream.of(Arguments.of(bad("subject missing, in Thai", b -> b.remove("subject"), "subject")));
  }

  @BeforeAll
  void countBefore() {
    complaintsBefore = jdbc.sql("SELECT COUNT(*) FROM complaint").query(Integer.class).single();
    processesBefore = jdbc.sql("SELECT COUNT(*) FROM ACT_HI_PROCINST").query(Integer.class).single();
    table.add("| # | payload | status | field | message (en) |");
    table.add("|---|---|---|---|---|");
  }

  @ParameterizedTest(name = "{index} {0}")
  @MethodSource("payloads")
  void isRefusedWithAProblemNamingTheField(Bad bad) {
    Map<String, String> headers = new HashMap<>(bad.headers());
    headers.put("Content-Type", bad.contentType());
    headers.put("Accept-Language", "en");
    Answer answer = new StaffClient(port, "nobody", "none").raw("POST", "/api/complaints", headers,
        BodyPublishers.ofString(bad.body()));

    assertThat(answer.status()).as(answer.raw()).isEqualTo(bad.status());
    assertThat(answer.contentType()).as(answer.raw()).startsWith("application/problem+json");
    assertThat(answer.body().get("status").asInt()).isEqualTo(bad.status());
    assertThat(answer.body().get("title").asText()).isNotBlank();
    assertThat(answer.body().get("detail").asText()).isNotBlank();
    String message = answer.body().get("detail").asText();
    if (bad.field() != null) {
      JsonNode errors = answer.body().get("errors");
      assertThat(errors).as(answer.raw()).isNotNull();
      assertThat(errors.findValuesAsText("field")).as(answer.raw()).contains(bad.field());
      message = errors.get(0).get("message").asText();
    }
    table.add("| " + (table.size() - 1) + " | " + bad.name() + " | " + answer.status() + " | "
        + (bad.field() == null ? "-" : bad.field()) + " | " + message.replace("|", "/") + " |");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("thaiPayloads")
  void speaksThaiWhenAsked(Bad bad) {
    Answer answer = new StaffClient(port, "nobody", "none").raw("POST", "/api/complaints",
        Map.of("Content-Type", bad.contentType(), "Accept-Language", "th"), BodyPublishers.ofString(bad.body()));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("title").asText()).isEqualTo("ข้อมูลบางช่องไม่ถูกต้อง");
    assertThat(answer.body().get("errors").get(0).get("message").asText()).isEqualTo("ต้องระบุ");
    assertThat(answer.headers().firstValue("Content-Language")).contains("th");
  }

  @AfterAll
  void nothingWasStored() {
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint").query(Integer.class).single()).isEqualTo(complaintsBefore);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_PROCINST").query(Integer.class).single()).isEqualTo(processesBefore);
    try {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "bad-payloads.md"), String.join("\n", table) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

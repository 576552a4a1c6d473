package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.go.integritydesk.http.StaffClient.Answer;

/** Headers, cookies and CSRF, as a browser meets them. */
@HttpTest
class WebSecurityTest {

  @LocalServerPort int port;

  @Test
  void ourPagesAndApiCarryTheSecurityHeaders() {
    StaffClient browser = new StaffClient(port, "nobody", "none");
    for (String path : List.of("/", "/status", "/staff/case.html", "/staff/case?tn=ACC-2569-000001", "/api/complaints/ACC-2569-000001")) {
      Answer answer = browser.raw("GET", path, Map.of("X-Receipt-Code", "x"), BodyPublishers.noBody());
      assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).get().asString()
          .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
          .doesNotContain("unsafe-inline");
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
      assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
    }
    Answer tasklist = browser.raw("GET", "/camunda/app/tasklist/default/", Map.of(), BodyPublishers.noBody());
    assertThat(tasklist.headers().firstValue("Content-Security-Policy")).get().asString().contains("frame-ancestors");
    assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void theWebappSessionCookieIsHttpOnlyAndSameSiteStrictAndChangesNeedTheCsrfToken() {
    StaffClient intake = new StaffClient(port, "intake", "demo");
    Answer login = intake.loginToTasklist();
    assertThat(login.status()).isEqualTo(200);
    List<String> cookies = login.headers().allValues("Set-Cookie");
    assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly")
        .containsIgnoringCase("SameSite=Strict"));

    String tn = new StaffClient(port, "nobody", "none").raw("POST", "/api/complaints",
        Map.of("Content-Type", "application/json"), BodyPublishers.ofString(IntakeOverHttpTest.complaint().toString()))
        .body().get("trackingNumber").asText();
    // a page of another site could make the officer's browser send this with the session cookie: refused
    intake.withPassphrase("demo");
    Answer forged = intake.sessionPost("/api/staff/complaints/" + tn + "/identity",
        Map.of("reason", "ส่งจากเว็บอื่น / sent from another site"), false);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.contentType()).startsWith("application/problem+json");
    intake.tasklistGet("/task?maxResults=1"); // Tasklist loads its pages, and the webapp hands out the session's CSRF token
    Answer fromTheWebapp = intake.sessionPost("/api/staff/complaints/" + tn + "/identity",
        Map.of("reason", "ติดต่อผู้ร้อง / contact the complainant"), true);
    assertThat(fromTheWebapp.status()).isEqualTo(200);
  }

  @Test
  void camundasFirstRunSetupIsRefusedInTheDemoProfileToo() {
    StaffClient anyone = new StaffClient(port, "nobody", "none");
    anyone.raw("GET", "/camunda/app/admin/default/setup/", Map.of(), BodyPublishers.noBody());
    for (String userId : List.of("intruder", "../bad id")) {
      Answer setup = anyone.raw("POST", "/camunda/api/admin/setup/default/user/create",
          Map.of("Content-Type", "application/json"), BodyPublishers.ofString("{\"profile\":{\"id\":\"" + userId
              + "\"},\"credentials\":{\"password\":\"Intruder-passw0rd!\"}}"));
      assertThat(setup.status()).isEqualTo(403);
      assertThat(setup.contentType()).startsWith("application/problem+json");
    }
  }
}

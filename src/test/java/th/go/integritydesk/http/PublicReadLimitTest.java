package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.go.integritydesk.web.PublicReadLimit;

/**
 * One client cannot take the public pages for itself: past its share in a period it gets 429, a problem in its
 * language with Retry-After, while a complaint from the same address is still taken.
 */
@HttpTest
class PublicReadLimitTest {

  @LocalServerPort int port;
  @Autowired PublicReadLimit limit;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aClientPastItsShareGetsTooManyRequestsInThaiOrEnglish() throws Exception {
    int reads = limit.getPublicReads();
    Duration period = limit.getPeriod();
    limit.setPublicReads(5);
    limit.setPeriod(Duration.ofMinutes(10));
    try {
      for (int i = 0; i < 5; i++) {
        assertThat(get("/api/statistics", "th").statusCode()).isEqualTo(200);
      }
      HttpResponse<String> refused = get("/manual", "th");
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
      assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 600L);
      assertThat(refused.body()).contains("เรียกใช้บ่อยเกินไป");
      assertThat(get("/statistics?lang=en", "en").body()).contains("Too many requests");
      // intake is not a public read: a complaint is still taken from this address
      HttpResponse<String> complaint = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
              + "/api/complaints")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(IntakeOverHttpTest.complaint().toString())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(complaint.statusCode()).as(complaint.body()).isEqualTo(201);
    } finally {
      limit.setPublicReads(reads);
      limit.setPeriod(period);
    }
  }

  private HttpResponse<String> get(String path, String language) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}

package th.go.integritydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The Prometheus metrics answer the operators' scraper only, outside the demo profile. */
class MetricsAccessTest {

  @Test
  void outsideTheDemoNoOneReadsTheMetricsWithoutAToken() throws Exception {
    MetricsAccess filter = filter("", "production");
    assertThat(call(filter, MetricsAccess.PATH, null).getStatus()).isEqualTo(401);
    assertThat(call(filter, MetricsAccess.PATH, "Bearer ").getStatus()).isEqualTo(401);
    assertThat(call(filter, "/actuator/prometheus/", null).getStatus()).isEqualTo(401);
    assertThat(call(filter, "/actuator/health", null).getStatus()).as("health stays open").isEqualTo(200);
    assertThat(call(filter, "/api/statistics", null).getStatus()).isEqualTo(200);
  }

  @Test
  void theScrapersTokenOpensThemAndNothingElseDoes() throws Exception {
    MetricsAccess filter = filter("a-long-random-scrape-token", "production");
    assertThat(call(filter, MetricsAccess.PATH, "Bearer a-long-random-scrape-token").getStatus()).isEqualTo(200);
    assertThat(call(filter, MetricsAccess.PATH, "bearer a-long-random-scrape-token").getStatus()).isEqualTo(200);
    assertThat(call(filter, MetricsAccess.PATH, "Bearer a-long-random-scrape-tokem").getStatus()).isEqualTo(401);
    assertThat(call(filter, MetricsAccess.PATH, "Bearer a-long-random-scrape-token-and-more").getStatus()).isEqualTo(401);
    assertThat(call(filter, MetricsAccess.PATH, "Basic YWRtaW46ZGVtbw==").getStatus()).isEqualTo(401);
  }

  @Test
  void theDemoKeepsThemOpenUnlessATokenIsSet() throws Exception {
    assertThat(call(filter("", "demo"), MetricsAccess.PATH, null).getStatus()).isEqualTo(200);
    assertThat(call(filter("token", "postgres", "demo"), MetricsAccess.PATH, null).getStatus()).isEqualTo(401);
  }

  @Test
  void theRefusalIsAProblemInTheCallersLanguage() throws Exception {
    MockHttpServletResponse english = call(filter("", "production"), MetricsAccess.PATH, null);
    assertThat(english.getContentType()).startsWith("application/problem+json");
    assertThat(english.getHeader("WWW-Authenticate")).startsWith("Bearer");
    assertThat(english.getContentAsString()).contains("\"status\":401").contains("scrape-token");

    MockHttpServletRequest thai = request(MetricsAccess.PATH, null);
    thai.addPreferredLocale(Locale.forLanguageTag("th"));
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter("", "production").doFilter(thai, response, new MockFilterChain());
    assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("ต้องเข้าสู่ระบบ");
  }

  private static MetricsAccess filter(String token, String... profiles) {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles(profiles);
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return new MetricsAccess(token, environment, messages);
  }

  private static MockHttpServletResponse call(MetricsAccess filter, String path, String authorization) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request(path, authorization), response, new MockFilterChain());
    return response;
  }

  private static MockHttpServletRequest request(String path, String authorization) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.setServletPath(path);
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    return request;
  }
}

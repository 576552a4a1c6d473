package th.go.integritydesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An error nobody foresaw in a handler of our API is still a problem+json answer in the caller's language, with a
 * reference to find it in the log, and says nothing of the exception (a message may name a complainant). Pages keep
 * their own error handling.
 */
class UnexpectedErrorsTest {

  @RestController
  static class Broken {
    @GetMapping("/api/broken")
    String api() {
      throw new IllegalStateException("complainant นายสมชาย somchai@example.org, SQL select * from complainant_identity");
    }

    @GetMapping("/status/broken")
    String page() {
      throw new IllegalStateException("a page's own error");
    }
  }

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Broken())
      .setControllerAdvice(new Problems(messages())).build();

  @Test
  void anUnexpectedErrorOfTheApiIsAProblemInTheCallersLanguageWithoutItsMessage() throws Exception {
    for (String language : new String[] {"th", "en"}) {
      MvcResult result = mvc.perform(get("/api/broken").header("Accept-Language", language)).andReturn();
      String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
      assertThat(result.getResponse().getStatus()).isEqualTo(500);
      assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
      assertThat(result.getResponse().getHeader("Content-Language")).isEqualTo(language);
      JsonNode problem = new ObjectMapper().readTree(body);
      assertThat(problem.get("type").asText()).isEqualTo("https://integrity-desk.go.th/problems/internal-error");
      assertThat(problem.get("status").asInt()).isEqualTo(500);
      assertThat(problem.get("title").asText()).isEqualTo(language.equals("th") ? "ระบบขัดข้อง"
          : "Something went wrong on our side");
      assertThat(problem.get("detail").asText()).containsPattern("[0-9a-z]{4,}");
      assertThat(body).doesNotContain("สมชาย", "somchai", "complainant_identity", "IllegalStateException", "at th.go");
    }
  }

  @Test
  void pagesAreNotAnsweredHere() {
    assertThatThrownBy(() -> mvc.perform(get("/status/broken"))).hasRootCauseMessage("a page's own error");
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}

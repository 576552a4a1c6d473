package th.go.integritydesk.identity;

import th.go.integritydesk.process.Bilingual;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Camunda Admin's first-run setup ({@code /camunda/api/admin/setup/**}) lets anyone create an administrator while
 * none exists. We never need it: the demo profile seeds its users and production creates the first administrator
 * from INTEGRITY_DESK_ADMIN_PASSWORD (or refuses to start). So it is refused in every profile, before Camunda sees
 * the request (whatever it carries: no 500 for a bad user id either).
 */
@Configuration
public class FirstRunSetupRefused {

  private static final Logger AUDIT = LoggerFactory.getLogger("integrity-desk.audit");
  static final String PATH = "/camunda/api/admin/setup/*";

  @Bean
  FilterRegistrationBean<Filter> firstRunSetupRefusal() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(FirstRunSetupRefused::refuse);
    registration.addUrlPatterns(PATH);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setName("firstRunSetupRefused");
    return registration;
  }

  private static void refuse(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
    AUDIT.warn("Refused a call of Camunda's first-run setup from {}", request.getRemoteAddr());
    HttpServletResponse http = (HttpServletResponse) response;
    http.setStatus(HttpServletResponse.SC_FORBIDDEN);
    http.setContentType("application/problem+json");
    http.setCharacterEncoding(StandardCharsets.UTF_8.name());
    http.getWriter().write("{\"type\":\"https://integrity-desk.go.th/problems/forbidden\",\"title\":\"Not allowed\","
        + "\"status\":403,\"detail\":\"" + Bilingual.both("problem.firstRunSetup.detail") + "\"}");
  }
}

package th.go.integritydesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Prometheus metrics ({@code /actuator/prometheus}) are for the operators' scraper, not for anyone on the public
 * site: they show how many complaints arrive by channel, how many cases wait in each stage, which tasks are overdue,
 * and the engine's jobs and incidents. Outside the demo profile they answer only a request carrying
 * {@code Authorization: Bearer} with the token set in {@code integrity-desk.metrics.scrape-token} (Prometheus:
 * {@code authorization: {credentials: ...}}); with no token set they answer no one. The demo profile, on a developer's
 * machine, keeps them open unless a token is set. Health ({@code /actuator/health}, no details) stays open for load
 * balancers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class MetricsAccess extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsAccess.class);
  static final String PATH = "/actuator/prometheus";

  private final byte[] tokenHash;
  private final boolean open;
  private final MessageSource messages;

  public MetricsAccess(@Value("${integrity-desk.metrics.scrape-token:}") String token, Environment environment,
                       MessageSource messages) {
    this.tokenHash = token == null || token.isBlank() ? null : sha256(token.strip());
    this.open = tokenHash == null && environment.acceptsProfiles(Profiles.of("demo"));
    this.messages = messages;
    if (tokenHash == null && !open) {
      LOG.info("{} answers no one: set integrity-desk.metrics.scrape-token (INTEGRITY_DESK_METRICS_SCRAPE_TOKEN) and"
          + " give the same token to the scraper as a bearer token", PATH);
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return !path.toLowerCase(Locale.ROOT).startsWith(PATH);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (open || bearerMatches(request.getHeader("Authorization"))) {
      chain.doFilter(request, response);
      return;
    }
    Locale locale = request.getLocale() != null && request.getLocale().getLanguage().equals("th")
        ? Locale.forLanguageTag("th") : Locale.ENGLISH;
    String title = messages.getMessage("problem.unauthorized.title", null, locale);
    String detail = messages.getMessage("problem.metrics.detail", null, locale);
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Content-Language", locale.getLanguage());
    String body = "{\"type\":\"https://integrity-desk.go.th/problems/unauthorized\",\"title\":" + quoted(title)
        + ",\"status\":401,\"detail\":" + quoted(detail) + "}";
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }

  private boolean bearerMatches(String header) {
    if (tokenHash == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    // both sides hashed: the comparison takes the same time whatever the length of what was sent
    return MessageDigest.isEqual(tokenHash, sha256(header.substring(7).strip()));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

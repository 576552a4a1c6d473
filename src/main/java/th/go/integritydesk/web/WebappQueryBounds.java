package th.go.integritydesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import java.util.function.IntSupplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the engine's {@code queryMaxResultsLimit} from breaking Tasklist, Cockpit and Admin. The webapps' own engine
 * API ({@code /camunda/api/engine/*}, used only by their pages) sometimes lists without {@code maxResults} (Cockpit's
 * version list of a definition, for one) and the engine then answers 400 "An unbound number of results is forbidden".
 * Here a webapp request without {@code maxResults} asks for at most the limit, and one asking for more is cut to it.
 * Outside clients use {@code /engine-rest}, which stays strict: they must page (README, "Engine REST API").
 * Deliberately its own class: the gate that decides which webapp calls are allowed is another filter on these paths.
 */
@Configuration(proxyBeanMethods = false)
public class WebappQueryBounds {

  static final String MAX_RESULTS = "maxResults";

  /** The engine is looked up at the first request: asking for it here would build it before Flyway's migrations. */
  @Bean
  FilterRegistrationBean<BoundedWebappQueries> boundedWebappQueries(ObjectProvider<ProcessEngine> engine) {
    FilterRegistrationBean<BoundedWebappQueries> registration = new FilterRegistrationBean<>(new BoundedWebappQueries(
        () -> ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration())
            .getQueryMaxResultsLimit()));
    registration.addUrlPatterns("/camunda/api/engine/*", "/camunda/api/cockpit/*", "/camunda/api/admin/*",
        "/camunda/api/tasklist/*");
    registration.setName("boundedWebappQueries");
    return registration;
  }

  /** Adds or caps {@code maxResults} on every webapp request when the engine has a limit. */
  static final class BoundedWebappQueries extends OncePerRequestFilter {

    private final IntSupplier engineLimit;
    private volatile int limit;

    BoundedWebappQueries(IntSupplier engineLimit) {
      this.engineLimit = engineLimit;
    }

    private int limit() {
      if (limit == 0) {
        limit = engineLimit.getAsInt();
      }
      return limit;
    }

    /** Only reads (GET) and JSON queries (POST): never a form post such as the login, whose body is its own. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      if (limit() <= 0 || limit() == Integer.MAX_VALUE) {
        return true;
      }
      String contentType = request.getContentType();
      return !("GET".equals(request.getMethod())
          || "POST".equals(request.getMethod()) && contentType != null && contentType.contains("json"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Integer bounded = bound(askedFor(request.getQueryString()));
      chain.doFilter(bounded == null ? request : new WithMaxResults(request, bounded), response);
    }

    /** The maxResults to send instead of the one asked for, or null to leave the request as it is. */
    Integer bound(String asked) {
      if (asked == null || asked.isBlank()) {
        return limit();
      }
      try {
        return Integer.parseInt(asked.strip()) > limit() ? limit() : null;
      } catch (NumberFormatException notANumber) {
        return null; // the engine's REST layer answers the bad parameter itself
      }
    }

    /** maxResults as the query string has it (the body is never read here). */
    static String askedFor(String queryString) {
      if (queryString == null) {
        return null;
      }
      for (String pair : queryString.split("&")) {
        if (pair.startsWith(MAX_RESULTS + "=")) {
          return java.net.URLDecoder.decode(pair.substring(MAX_RESULTS.length() + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }
  }

  /** The request with {@code maxResults} set, in the query string and in the parameters alike. */
  static final class WithMaxResults extends HttpServletRequestWrapper {

    private final String maxResults;
    private final String queryString;

    WithMaxResults(HttpServletRequest request, int maxResults) {
      super(request);
      this.maxResults = Integer.toString(maxResults);
      StringBuilder query = new StringBuilder();
      String original = request.getQueryString();
      if (original != null) {
        for (String pair : original.split("&")) {
          if (!pair.isEmpty() && !pair.equals(MAX_RESULTS) && !pair.startsWith(MAX_RESULTS + "=")) {
            query.append(query.isEmpty() ? "" : "&").append(pair);
          }
        }
      }
      query.append(query.isEmpty() ? "" : "&").append(MAX_RESULTS).append('=')
          .append(URLEncoder.encode(this.maxResults, StandardCharsets.UTF_8));
      this.queryString = query.toString();
    }

    @Override
    public String getQueryString() {
      return queryString;
    }

    @Override
    public String getParameter(String name) {
      return MAX_RESULTS.equals(name) ? maxResults : super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      Map<String, String[]> all = new LinkedHashMap<>(super.getParameterMap());
      all.put(MAX_RESULTS, new String[] {maxResults});
      return Collections.unmodifiableMap(all);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return MAX_RESULTS.equals(name) ? new String[] {maxResults} : super.getParameterValues(name);
    }
  }
}

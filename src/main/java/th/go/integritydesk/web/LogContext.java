package th.go.integritydesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the tracking number of the case a request is about into the log context, so every line written while a case
 * is handled carries it (the engine does the same for its own work: loggingContextBusinessKey). Never anything about
 * the complainant.
 */
@Component
public class LogContext extends OncePerRequestFilter {

  public static final String TRACKING_NUMBER = "trackingNumber";
  private static final Pattern CASE_PATH = Pattern.compile("/api/(?:staff/)?complaints/(ACC-[0-9]{4}-[0-9]{6})");
  private static final Pattern TRACKING = Pattern.compile("ACC-[0-9]{4}-[0-9]{6}");
  /** The staff case file, which names its case in the query ({@code /staff/case?tn=...}). */
  private static final String CASE_FILE = "/staff/case";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher matcher = CASE_PATH.matcher(request.getRequestURI());
    String caseFile = request.getRequestURI().equals(CASE_FILE) ? request.getParameter("tn") : null;
    if (matcher.find()) {
      MDC.put(TRACKING_NUMBER, matcher.group(1));
    } else if (caseFile != null && TRACKING.matcher(caseFile).matches()) {
      // only a well-formed number: the log must not take whatever a caller writes into the query
      MDC.put(TRACKING_NUMBER, caseFile);
    }
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(TRACKING_NUMBER);
    }
  }
}

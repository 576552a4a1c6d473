package th.go.integritydesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * CSRF protection of our own forms (the public pages post plain forms, JavaScript or not): a random token kept in the
 * session and written into every form; a post without the session's token is refused. The session cookie is
 * HttpOnly and SameSite=Strict as well (application.yaml).
 */
@Component
public class PageCsrf {

  static final String SESSION_ATTRIBUTE = PageCsrf.class.getName();
  public static final String FIELD = "csrfToken";
  private final SecureRandom random = new SecureRandom();

  /** The token of this browser's session, creating both when needed. */
  public String token(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    Object token = session.getAttribute(SESSION_ATTRIBUTE);
    if (token == null) {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.setAttribute(SESSION_ATTRIBUTE, token);
    }
    return token.toString();
  }

  /** Whether the form came with this session's token (false also when the session expired). */
  public boolean matches(HttpServletRequest request, String sent) {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
    return expected != null && sent != null && MessageDigest.isEqual(
        expected.toString().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }
}

package th.go.integritydesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Who calls a staff endpoint: HTTP Basic with a Camunda user (checked by the engine, with its login throttling), or
 * the session of a user logged into the Camunda webapps (so a link in a Tasklist form works). Group membership is
 * read afresh on every request, for session users too. Controllers take a
 * {@link StaffUser} parameter and say which groups may go on.
 */
@Component
public class StaffAuthentication implements HandlerMethodArgumentResolver {

  private static final String ENGINE = "default";
  private final IdentityService identity;
  private final PageCsrf pageCsrf;

  public StaffAuthentication(IdentityService identity, PageCsrf pageCsrf) {
    this.identity = identity;
    this.pageCsrf = pageCsrf;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType().equals(StaffUser.class);
  }

  @Override
  public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
                                WebDataBinderFactory binderFactory) {
    HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new StaffAccessDenied(HttpStatus.UNAUTHORIZED, "problem.unauthorized.detail");
      }
      int colon = decoded.indexOf(':');
      if (colon < 1 || !identity.checkPassword(decoded.substring(0, colon), decoded.substring(colon + 1))) {
        throw new StaffAccessDenied(HttpStatus.UNAUTHORIZED, "problem.unauthorized.detail");
      }
      String userId = decoded.substring(0, colon);
      return new StaffUser(userId, currentGroups(userId));
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      if (authentications != null && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
        requireCsrfTokenUnlessSafe(request, session, pageCsrf);
        // the groups cached in the session at login are not trusted: a user removed from a group (or deleted) loses
        // the rights at the next request
        if (identity.createUserQuery().userId(user.getIdentityId()).count() == 0) {
          throw new StaffAccessDenied(HttpStatus.UNAUTHORIZED, "problem.unauthorized.detail");
        }
        return new StaffUser(user.getIdentityId(), currentGroups(user.getIdentityId()));
      }
    }
    throw new StaffAccessDenied(HttpStatus.UNAUTHORIZED, "problem.unauthorized.detail");
  }

  /** The user's groups as the identity service holds them now, read on every request. */
  private List<String> currentGroups(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  /**
   * A cookie-authenticated change must carry the webapps' CSRF token (header X-XSRF-TOKEN, as Tasklist sends it), or,
   * from one of our own staff pages' plain forms, the page's token ({@link PageCsrf}, a form field), so another site
   * cannot make an officer's browser act through our staff endpoints.
   */
  private static void requireCsrfTokenUnlessSafe(HttpServletRequest request, HttpSession session, PageCsrf pageCsrf) {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return;
    }
    if (request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME) == null
        && pageCsrf.matches(request, request.getParameter(PageCsrf.FIELD))) {
      return;
    }
    Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    if (expected == null || sent == null || !java.security.MessageDigest.isEqual(
        expected.toString().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
      throw new StaffAccessDenied(HttpStatus.FORBIDDEN, "problem.csrf.detail");
    }
  }
}

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
 * the session of a user logged into the Camunda webapps (so a link in a Tasklist form works). Controllers take a
 * {@link StaffUser} parameter and say which groups may go on.
 */
@Component
public class StaffAuthentication implements HandlerMethodArgumentResolver {

  private static final String ENGINE = "default";
  private final IdentityService identity;

  public StaffAuthentication(IdentityService identity) {
    this.identity = identity;
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
      List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
      return new StaffUser(userId, groups);
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      if (authentications != null && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
        requireCsrfTokenUnlessSafe(request, session);
        return new StaffUser(user.getIdentityId(), user.getGroupIds() == null ? List.of() : user.getGroupIds());
      }
    }
    throw new StaffAccessDenied(HttpStatus.UNAUTHORIZED, "problem.unauthorized.detail");
  }

  /**
   * A cookie-authenticated change must carry the webapps' CSRF token (header X-XSRF-TOKEN, as Tasklist sends it),
   * so another site cannot make an officer's browser act through our staff endpoints.
   */
  private static void requireCsrfTokenUnlessSafe(HttpServletRequest request, HttpSession session) {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
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

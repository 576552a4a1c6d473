package th.go.integritydesk.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import th.go.integritydesk.gate.GateRefusal.BadField;
import th.go.integritydesk.gate.GateRules.Api;
import th.go.integritydesk.gate.GateRules.Rule;
import th.go.integritydesk.casefile.TaskComments;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.process.ComplaintLifecycle;
import th.go.integritydesk.web.CaseNotFound;
import th.go.integritydesk.web.InvalidInputException;
import th.go.integritydesk.web.StaffUser;

/**
 * The trust boundary in front of every engine entry point staff can reach: {@code /engine-rest/**} (after HTTP Basic
 * authentication) and the webapps' {@code /camunda/api/**} (the webapp session's user). A call goes through only
 * when {@link GateRules} lets one of the caller's groups make it, it carries no expression, and it passes the rule's
 * check (a new complaint only, the form's variables only, a claim for oneself). Refusals are
 * {@code application/problem+json} naming the operation or the field, and are logged (user, operation) as an audit
 * line. See SECURITY.md, "The engine gate".
 */
public class EngineGate extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineGate.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENGINE = "default";
  private static final String TYPE_BASE = "https://integrity-desk.go.th/problems/";
  private static final int MAX_BODY = 2 * 1024 * 1024;
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final IdentityService identity;
  private final TaskService tasks;
  private final DeployedForms forms;
  private final MessageSource messages;
  private final TaskComments comments;

  public EngineGate(IdentityService identity, TaskService tasks, DeployedForms forms, MessageSource messages,
                    TaskComments comments) {
    this.identity = identity;
    this.tasks = tasks;
    this.forms = forms;
    this.messages = messages;
    this.comments = comments;
  }

  /** An engine call: which API, the path below its root, or a public webapp path the gate leaves to Camunda. */
  record Target(Api api, String path, boolean isPublic) {}

  /** Who calls. */
  record Caller(String id, List<String> groups) {}

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String operation = request.getMethod() + " " + request.getRequestURI();
    Caller caller = null;
    try {
      Target target = target(request);
      if (target.isPublic()) {
        chain.doFilter(request, response);
        return;
      }
      caller = caller(request);
      if (caller == null && target.path().equals("/engine") && request.getMethod().equals("GET")) {
        chain.doFilter(request, response); // the engine REST API lists the engines' names without a login
        return;
      }
      if (caller == null) {
        throw new GateRefusal(401, "unauthorized", "problem.unauthorized.detail", List.of());
      }
      Rule rule = GateRules.find(caller.groups(), request.getMethod(), target.api(), target.path())
          .orElseThrow(() -> GateRefusal.forbidden("gate.operation.detail", operation));
      Optional<String> inQuery = Expressions.inParameters(queryParameters(request.getQueryString()));
      if (inQuery.isPresent()) {
        throw GateRefusal.forbiddenField(inQuery.get(), "gate.expression.detail", inQuery.get());
      }
      byte[] body = new byte[0];
      JsonNode json = null;
      if (BODY_METHODS.contains(request.getMethod())) {
        if (isMultipart(request)) {
          if (!caller.groups().contains(Groups.ADMIN)) {
            throw GateRefusal.forbidden("gate.operation.detail", operation + " (multipart)");
          }
        } else {
          body = read(request);
          json = parse(body);
          Optional<String> inBody = json != null
              ? Expressions.inJson(json, rule.check() == GateRules.Check.FILTER_DEFINITION)
              : Expressions.contains(new String(body, StandardCharsets.UTF_8), false) ? Optional.of("body") : Optional.empty();
          if (inBody.isPresent()) {
            throw GateRefusal.forbiddenField(inBody.get(), "gate.expression.detail", inBody.get());
          }
        }
      }
      check(rule, target, caller, body, json);
      if (rule.check() == GateRules.Check.COMMENTS_ARE_NOTES) {
        answerWithNotes(request, response, target, caller, json);
        return;
      }
      if (rule.check() == GateRules.Check.UNCLAIM_OWN && !caller.groups().contains(Groups.ADMIN)
          && unclaimOwn(target.path().split("/")[2], caller)) {
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return;
      }
      chain.doFilter(body.length > 0 ? new CachedBodyRequest(request, body) : request, response);
    } catch (GateRefusal refusal) {
      LOG.warn("engine gate refused {} for {}: {} {}", operation, caller == null ? "-" : caller.id(),
          refusal.status, refusal.messageKey);
      refuse(request, response, refusal);
    }
  }

  /**
   * Tasklist's comments of a task are its case's internal notes ({@link TaskComments}): a comment is written as a note,
   * the list is the notes. A task the caller cannot see, or whose case they may not read, is answered 404.
   */
  private void answerWithNotes(HttpServletRequest request, HttpServletResponse response, Target target, Caller caller,
                               JsonNode json) throws IOException {
    String[] path = target.path().split("/");
    StaffUser user = new StaffUser(caller.id(), caller.groups());
    Object answer;
    try {
      if (request.getMethod().equals("POST")) {
        answer = comments.add(user, path[2], json == null ? null : json.path("message").asText(null))
            .orElseThrow(() -> new GateRefusal(404, "task-not-found", "gate.taskNotFound.detail", List.of(), path[2]));
      } else {
        List<Map<String, Object>> all = comments.of(user, path[2])
            .orElseThrow(() -> new GateRefusal(404, "task-not-found", "gate.taskNotFound.detail", List.of(), path[2]));
        if (path.length > 4) {
          answer = all.stream().filter(c -> path[4].equals(c.get("id"))).findFirst()
              .orElseThrow(() -> new GateRefusal(404, "task-not-found", "gate.taskNotFound.detail", List.of(), path[2]));
        } else {
          answer = all;
        }
      }
    } catch (CaseNotFound e) {
      throw new GateRefusal(404, "task-not-found", "gate.taskNotFound.detail", List.of(), path[2]);
    } catch (InvalidInputException e) {
      String message = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(),
          request.getLocale() != null && request.getLocale().getLanguage().equals("th") ? Locale.forLanguageTag("th")
              : Locale.ENGLISH);
      throw GateRefusal.invalid(List.of(new BadField("message", message)));
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    JSON.writeValue(response.getOutputStream(), answer);
  }

  /**
   * Unclaims the caller's own task; false when the caller cannot see the task (the engine then answers as for any
   * task the caller may not see).
   */
  private boolean unclaimOwn(String taskId, Caller caller) {
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(caller.id(), caller.groups());
    try {
      Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return false;
      }
      if (!caller.id().equals(task.getAssignee())) {
        throw GateRefusal.forbidden("gate.unclaim.detail");
      }
      tasks.claim(taskId, null); // checked by the engine as TASK_WORK, recorded under the caller's name
      return true;
    } finally {
      if (previous != null) {
        identity.setAuthentication(previous);
      } else {
        identity.clearAuthentication();
      }
    }
  }

  private void check(Rule rule, Target target, Caller caller, byte[] body, JsonNode json) {
    switch (rule.check()) {
      case NONE, FILTER_DEFINITION -> { }
      case OWN_ACCOUNT -> {
        if (!caller.groups().contains(Groups.ADMIN) && !target.path().split("/")[2].equals(caller.id())) {
          throw GateRefusal.forbidden("gate.ownAccount.detail");
        }
      }
      case CLAIM_FOR_ONESELF -> {
        String userId = json == null ? null : json.path("userId").asText(null);
        if (!caller.id().equals(userId)) {
          throw GateRefusal.forbiddenField("userId", "gate.claim.detail");
        }
      }
      case FORM_VARIABLES_ONLY -> {
        String taskId = target.path().split("/")[2];
        Optional<FormFields> fields = forms.ofTask(taskId, caller.id(), caller.groups());
        if (fields.isPresent()) {
          checkVariables(requireObject(json, body), fields.get(), Set.of("variables", "withVariablesInReturn"));
        } else if (!forms.taskExists(taskId)) {
          // the engine would answer 500 for a task that is not there (done, or never was); one it may not see, 403
          throw new GateRefusal(404, "task-not-found", "gate.taskNotFound.detail", List.of(), taskId);
        }
      }
      case NEW_COMPLAINT_ONLY -> {
        String[] segments = target.path().split("/");
        boolean byKey = segments[2].equals("key");
        Optional<ProcessDefinition> definition = byKey ? forms.processDefinition(null, segments[3])
            : forms.processDefinition(segments[2], null);
        if (definition.isEmpty()) {
          return; // the engine answers 404
        }
        if (!definition.get().getKey().equals(ComplaintLifecycle.PROCESS_KEY)) {
          throw GateRefusal.forbidden("gate.start.detail", definition.get().getKey());
        }
        ObjectNode start = requireObject(json, body);
        List<BadField> options = new ArrayList<>();
        for (Iterator<String> names = start.fieldNames(); names.hasNext(); ) {
          String name = names.next();
          boolean emptyBusinessKey = name.equals("businessKey")
              && (start.get(name).isNull() || start.get(name).asText().isEmpty());
          if (!name.equals("variables") && !emptyBusinessKey) {
            options.add(new BadField(name, null));
          }
        }
        if (!options.isEmpty()) {
          throw new GateRefusal(403, "engine-operation-not-allowed", "gate.startOption.detail", options,
              String.join(", ", options.stream().map(BadField::field).toList()));
        }
        checkVariables(start, forms.ofStart(definition.get()), Set.of("variables", "businessKey"));
      }
    }
  }

  private static void checkVariables(ObjectNode request, FormFields fields, Set<String> allowedProperties) {
    List<BadField> bad = new ArrayList<>();
    request.fieldNames().forEachRemaining(name -> {
      if (!allowedProperties.contains(name) || (name.equals("withVariablesInReturn") && request.get(name).asBoolean())) {
        bad.add(new BadField(name, "not accepted here"));
      }
    });
    JsonNode variables = request.get("variables");
    if (variables != null && !variables.isNull()) {
      if (!variables.isObject()) {
        bad.add(new BadField("variables", "must be an object"));
      } else {
        variables.fields().forEachRemaining(variable -> fields.problemWith(variable.getKey(), variable.getValue())
            .ifPresent(problem -> bad.add(new BadField(variable.getKey(), problem))));
      }
    }
    if (!bad.isEmpty()) {
      throw GateRefusal.invalid(bad);
    }
  }

  private static ObjectNode requireObject(JsonNode json, byte[] body) {
    if (json == null && body.length == 0) {
      return JSON.createObjectNode();
    }
    if (json instanceof ObjectNode object) {
      return object;
    }
    throw GateRefusal.invalid(List.of(new BadField("body", "must be a JSON object")));
  }

  /** Where a request goes; odd spellings of a path (encoded dots or slashes, path parameters) are refused. */
  static Target target(HttpServletRequest request) {
    String raw = request.getRequestURI().substring(request.getContextPath().length());
    String lower = raw.toLowerCase(Locale.ROOT);
    if (raw.contains(";") || raw.contains("//") || raw.contains("\\") || raw.contains("/./") || raw.contains("/../")
        || raw.endsWith("/.") || raw.endsWith("/..") || lower.contains("%2e") || lower.contains("%2f")
        || lower.contains("%5c") || lower.contains("%25") || lower.contains("%00") || lower.contains("%3b")) {
      throw GateRefusal.forbidden("gate.operation.detail", request.getMethod() + " " + raw);
    }
    String path = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.startsWith("/engine-rest")) {
      String rest = path.substring("/engine-rest".length());
      if (rest.startsWith("/engine/")) {
        String[] segments = rest.split("/", 4);
        if (!segments[2].equals(ENGINE)) {
          throw GateRefusal.forbidden("gate.operation.detail", request.getMethod() + " " + raw);
        }
        rest = segments.length > 3 ? "/" + segments[3] : "/";
      }
      return new Target(Api.ENGINE, rest.isEmpty() ? "/" : rest, false);
    }
    String api = path.substring("/camunda/api".length());
    String[] segments = api.split("/");
    if (api.equals("/engine/engine") || api.equals("/engine/engine/" + ENGINE + "/identity/password-policy")
        || api.startsWith("/admin/auth/") || api.startsWith("/admin/setup/")
        || (api.equals("/admin/plugin/license/" + ENGINE + "/check-key") && request.getMethod().equals("GET"))) {
      return new Target(null, api, true); // Camunda's own login, logout, first-run pages and license banner
    }
    if (api.startsWith("/engine/engine/" + ENGINE + "/")) {
      return new Target(Api.ENGINE, api.substring(("/engine/engine/" + ENGINE).length()), false);
    }
    if (segments.length > 4 && segments[2].equals("plugin")) {
      if (segments[4].equals("static") && request.getMethod().equals("GET")) {
        return new Target(null, api, true); // the plugins' scripts and styles
      }
      Api pluginApi = switch (segments[1]) {
        case "cockpit" -> Api.COCKPIT;
        case "admin" -> Api.ADMIN;
        case "tasklist" -> Api.TASKLIST;
        default -> null;
      };
      if (pluginApi != null && segments[4].equals(ENGINE)) {
        StringBuilder rest = new StringBuilder("/" + segments[3]);
        for (int i = 5; i < segments.length; i++) {
          rest.append('/').append(segments[i]);
        }
        return new Target(pluginApi, rest.toString(), false);
      }
    }
    throw GateRefusal.forbidden("gate.operation.detail", request.getMethod() + " " + raw);
  }

  /** The engine REST API's user (set by HTTP Basic authentication before this filter), or the webapp session's. */
  private Caller caller(HttpServletRequest request) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest")) {
      Authentication authentication = identity.getCurrentAuthentication();
      if (authentication == null || authentication.getUserId() == null) {
        return null;
      }
      return new Caller(authentication.getUserId(),
          authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications != null && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
      return new Caller(user.getIdentityId(), user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
    }
    return null;
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  private static byte[] read(HttpServletRequest request) throws IOException {
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        throw new GateRefusal(413, "payload-too-large", "problem.tooLarge.detail", List.of());
      }
      return body;
    }
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  /** Query-string parameters as the engine will read them (decoded once), parsed without touching the body. */
  static Map<String, String[]> queryParameters(String query) {
    Map<String, String[]> parameters = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = decodeQuietly(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decodeQuietly(pair.substring(equals + 1));
      String[] old = parameters.getOrDefault(name, new String[0]);
      String[] values = java.util.Arrays.copyOf(old, old.length + 1);
      values[old.length] = value;
      parameters.put(name, values);
    }
    return parameters;
  }

  private static String decodeQuietly(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, GateRefusal refusal) throws IOException {
    Locale locale = request.getLocale() != null && request.getLocale().getLanguage().equals("th")
        ? Locale.forLanguageTag("th") : Locale.ENGLISH;
    String titleKey = switch (refusal.status) {
      case 400 -> "problem.invalid.title";
      case 401 -> "problem.unauthorized.title";
      case 404 -> "problem.notFound.title";
      case 413 -> "problem.tooLarge.title";
      default -> "gate.forbidden.title";
    };
    String title = messages.getMessage(titleKey, null, titleKey, locale);
    String detail = messages.getMessage(refusal.messageKey, refusal.arguments, refusal.messageKey, locale);
    ObjectNode problem = JSON.createObjectNode();
    problem.put("type", TYPE_BASE + refusal.type);
    problem.put("title", title);
    problem.put("status", refusal.status);
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    // the webapps show an error's "message" (Camunda's error shape), so the officer reads why
    problem.put("message", detail);
    if (!refusal.fields.isEmpty()) {
      ArrayNode errors = problem.putArray("errors");
      for (BadField field : refusal.fields) {
        ObjectNode error = errors.addObject();
        error.put("field", field.field());
        error.put("message", field.message() == null ? detail : field.message());
      }
    }
    response.resetBuffer();
    response.setStatus(refusal.status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Content-Language", locale.getLanguage());
    if (refusal.status == 401) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"integrity-desk\"");
    }
    try {
      response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

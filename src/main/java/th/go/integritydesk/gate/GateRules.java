package th.go.integritydesk.gate;

import static th.go.integritydesk.gate.GateRules.Api.ADMIN;
import static th.go.integritydesk.gate.GateRules.Api.COCKPIT;
import static th.go.integritydesk.gate.GateRules.Api.ENGINE;
import static th.go.integritydesk.gate.GateRules.Check.CLAIM_FOR_ONESELF;
import static th.go.integritydesk.gate.GateRules.Check.COMMENTS_ARE_NOTES;
import static th.go.integritydesk.gate.GateRules.Check.FILTER_DEFINITION;
import static th.go.integritydesk.gate.GateRules.Check.FORM_VARIABLES_ONLY;
import static th.go.integritydesk.gate.GateRules.Check.NONE;
import static th.go.integritydesk.gate.GateRules.Check.UNCLAIM_OWN;
import static th.go.integritydesk.gate.GateRules.Check.NEW_COMPLAINT_ONLY;
import static th.go.integritydesk.gate.GateRules.Check.OWN_ACCOUNT;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import th.go.integritydesk.identity.Groups;

/**
 * What each staff group may ask the engine, as one table: the operations Tasklist, Cockpit and Admin use for the
 * work of each group (read from the webapps' JavaScript and tried by clicking through the README walkthrough).
 * Anything not in the table is refused. Paths are relative to the engine root ({@code /engine-rest},
 * {@code /camunda/api/engine/engine/default}) or to a webapp plugin API ({@code /camunda/api/cockpit/plugin},
 * {@code /camunda/api/admin/plugin}, with the engine name left out); {@code {x}} is one path segment, {@code (a|b)}
 * one of these segments, {@code **} any rest; {@code {x}} never matches a sub-resource name such as
 * {@code statistics} or {@code count}. Reads are still filtered by the engine's authorizations (StaffAuthorizations); the table decides which
 * kinds of request reach the engine at all, and every request is also checked for expressions (see EngineGate).
 */
public final class GateRules {

  /** Which API a path belongs to. */
  public enum Api { ENGINE, COCKPIT, ADMIN, TASKLIST }

  /** What is checked beyond method and path before the engine sees the request. */
  public enum Check {
    NONE,
    /** start only complaint-lifecycle, variables of its start form only, no business key, flags or instructions */
    NEW_COMPLAINT_ONLY,
    /** the variables of the task's (or start) form only, with the form's types */
    FORM_VARIABLES_ONLY,
    /** claim for oneself, never for someone else */
    CLAIM_FOR_ONESELF,
    /**
     * give back one's own task: officers hold TASK_WORK, not TASK_ASSIGN, on their tasks, so the gate unclaims it as a
     * claim with no user (what TASK_WORK allows), under the officer's name, after checking it is theirs
     */
    UNCLAIM_OWN,
    /** a stored filter: only the expressions Tasklist's filter dialog offers (currentUser(), now(), ...) */
    FILTER_DEFINITION,
    /** one's own profile or password (administrators: anyone's) */
    OWN_ACCOUNT,
    /** a task's comments are its case's internal notes: answered by the gate (casefile.TaskComments), not the engine */
    COMMENTS_ARE_NOTES
  }

  public record Rule(Set<String> groups, Set<String> methods, Api api, String pattern, Check check, String why) {

    boolean matches(Collection<String> userGroups, String method, Api callApi, String path) {
      return api == callApi && (methods.contains("*") || methods.contains(method))
          && userGroups.stream().anyMatch(groups::contains) && pathMatches(pattern, path);
    }
  }

  private static final Set<String> OFFICERS = Set.of(Groups.INTAKE, Groups.SCREENING, Groups.SUPERVISOR,
      Groups.INVESTIGATOR, Groups.DISCIPLINARY_AUTHORITY, Groups.ANALYST);
  private static final Set<String> STAFF = union(OFFICERS, Set.of(Groups.ADMIN));
  /** groups that work with Cockpit (read-only) */
  private static final Set<String> COCKPIT_USERS = Set.of(Groups.SUPERVISOR, Groups.ANALYST);
  private static final Set<String> INTAKE = Set.of(Groups.INTAKE);
  private static final Set<String> ADMINS = Set.of(Groups.ADMIN);

  private static final String READ = "GET,HEAD,OPTIONS";
  /** words the engine REST API uses as sub-resources, never as an id: {id} does not match them */
  private static final Set<String> SUB_RESOURCES = Set.of("statistics", "count", "key", "create", "report", "delete",
      "suspended");
  /** the history resources Cockpit searches with POST (never /history/cleanup or a deletion) */
  private static final String HISTORY_QUERIES =
      "(process-instance|activity-instance|variable-instance|task|detail|job-log|external-task-log|decision-instance)";
  private static final String POST = "POST";

  // @formatter:off
  public static final List<Rule> RULES = List.of(
      // --- every staff member: Tasklist and the webapps' common calls -------------------------------------------
      rule(STAFF, READ, ENGINE, "/engine",                                   "list of engines (every webapp)"),
      rule(STAFF, READ, ENGINE, "/version",                                  "webapp footer"),
      rule(STAFF, READ, ENGINE, "/identity/groups",                          "the user's groups (Tasklist, Welcome)"),
      rule(STAFF, READ, ENGINE, "/identity/password-policy",                 "password rules (profile)"),
      rule(STAFF, READ, ENGINE, "/user",                                     "names of assignees"),
      rule(STAFF, READ, ENGINE, "/user/count",                               "names of assignees"),
      rule(STAFF, READ, ENGINE, "/user/{id}/profile",                        "names of assignees, own profile"),
      rule(STAFF, "PUT", ENGINE, "/user/{id}/profile",                       OWN_ACCOUNT, "Welcome: my profile"),
      rule(STAFF, "PUT", ENGINE, "/user/{id}/credentials",                   OWN_ACCOUNT, "Welcome: change my password"),
      rule(STAFF, READ, ENGINE, "/group",                                    "names of candidate groups"),
      rule(STAFF, READ, ENGINE, "/group/count",                              "names of candidate groups"),
      rule(STAFF, READ, ENGINE, "/group/{id}",                               "names of candidate groups"),
      rule(STAFF, READ, ENGINE, "/tenant",                                   "Tasklist asks for tenants"),
      rule(STAFF, READ, ENGINE, "/tenant/count",                             "Tasklist asks for tenants"),
      rule(STAFF, READ, ENGINE, "/authorization/check",                      "webapps check what to show"),
      rule(STAFF, READ, ENGINE, "/filter",                                   "Tasklist filter list"),
      rule(STAFF, READ, ENGINE, "/filter/count",                             "Tasklist filter list"),
      rule(STAFF, READ, ENGINE, "/filter/{id}",                              "Tasklist filter (OPTIONS: may I edit it?)"),
      rule(STAFF, READ, ENGINE, "/filter/{id}/list",                         "tasks of a filter"),
      rule(STAFF, READ, ENGINE, "/filter/{id}/count",                        "tasks of a filter"),
      rule(STAFF, READ, ENGINE, "/filter/{id}/singleResult",                 "tasks of a filter"),
      rule(STAFF, POST, ENGINE, "/filter/{id}/list",                         "tasks of a filter, sorted and searched (no expressions)"),
      rule(STAFF, POST, ENGINE, "/filter/{id}/count",                        "tasks of a filter, searched (no expressions)"),
      rule(STAFF, READ, ENGINE, "/task",                                     "own and group tasks (API clients)"),
      rule(STAFF, READ, ENGINE, "/task/count",                               "own and group tasks (API clients)"),
      rule(STAFF, POST, ENGINE, "/task",                                     "task search (no expressions)"),
      rule(STAFF, POST, ENGINE, "/task/count",                               "task search (no expressions)"),
      rule(STAFF, READ, ENGINE, "/task/{id}",                                "the task"),
      rule(STAFF, READ, ENGINE, "/task/{id}/form",                           "the task's form"),
      rule(STAFF, READ, ENGINE, "/task/{id}/deployed-form",                  "the task's Camunda Form"),
      rule(STAFF, READ, ENGINE, "/task/{id}/rendered-form",                  "the task's form"),
      rule(STAFF, READ, ENGINE, "/task/{id}/form-variables",                 "values shown in the form"),
      rule(STAFF, READ, ENGINE, "/task/{id}/variables",                      "values shown in the form"),
      rule(STAFF, READ, ENGINE, "/task/{id}/variables/{name}",               "values shown in the form"),
      rule(STAFF, READ, ENGINE, "/task/{id}/variables/{name}/data",          "a file shown in the form"),
      rule(STAFF, READ, ENGINE, "/task/{id}/identity-links",                 "who may work on it (read only)"),
      rule(STAFF, READ, ENGINE, "/task/{id}/comment",                        COMMENTS_ARE_NOTES, "the case's notes"),
      rule(STAFF, READ, ENGINE, "/task/{id}/comment/{commentId}",            COMMENTS_ARE_NOTES, "one of the case's notes"),
      rule(STAFF, POST, ENGINE, "/task/{id}/comment/create",                 COMMENTS_ARE_NOTES, "add a note to the case"),
      rule(STAFF, READ, ENGINE, "/task/{id}/attachment",                     "attachments of the task"),
      rule(STAFF, POST, ENGINE, "/task/{id}/claim",                          CLAIM_FOR_ONESELF, "Tasklist: Claim"),
      rule(STAFF, POST, ENGINE, "/task/{id}/unclaim",                        UNCLAIM_OWN, "Tasklist: Unclaim (one's own task)"),
      rule(STAFF, POST, ENGINE, "/task/{id}/complete",                       FORM_VARIABLES_ONLY, "complete with the form's fields"),
      rule(STAFF, POST, ENGINE, "/task/{id}/submit-form",                    FORM_VARIABLES_ONLY, "Tasklist: Complete"),
      rule(STAFF, READ, ENGINE, "/process-definition",                       "process names on tasks; Start process list"),
      rule(STAFF, READ, ENGINE, "/process-definition/count",                 "Start process list"),
      rule(STAFF, READ, ENGINE, "/process-definition/{id}",                  "process name on a task"),
      rule(STAFF, READ, ENGINE, "/process-definition/{id}/xml",              "Tasklist: Diagram"),
      rule(STAFF, READ, ENGINE, "/process-definition/{id}/startForm",        "Start process form"),
      rule(STAFF, READ, ENGINE, "/process-definition/{id}/deployed-start-form", "Start process form"),
      rule(STAFF, READ, ENGINE, "/process-definition/{id}/rendered-form",    "Start process form"),
      rule(STAFF, READ, ENGINE, "/process-definition/{id}/form-variables",   "Start process form"),
      rule(STAFF, READ, ENGINE, "/process-definition/key/{key}",             "process by key (API clients)"),
      rule(STAFF, READ, ENGINE, "/process-definition/key/{key}/xml",         "process by key (API clients)"),
      rule(STAFF, READ, ENGINE, "/process-definition/key/{key}/deployed-start-form", "Start process form"),
      rule(STAFF, READ, ENGINE, "/process-definition/key/{key}/form-variables", "Start process form"),
      rule(STAFF, READ, ENGINE, "/process-instance/{id}/activity-instances", "Tasklist: Diagram (where the task is)"),
      rule(STAFF, READ, ENGINE, "/history/user-operation",                   "Tasklist: History of a task"),
      rule(STAFF, READ, ENGINE, "/history/user-operation/count",             "Tasklist: History of a task"),
      rule(STAFF, READ, ENGINE, "/history/identity-link-log",                "Tasklist: History of a task"),
      rule(STAFF, READ, ENGINE, "/history/identity-link-log/count",          "Tasklist: History of a task"),
      rule(STAFF, READ, ENGINE, "/history/process-instance",                 "history of visible cases (engine decides which)"),
      rule(STAFF, READ, ENGINE, "/history/process-instance/count",           "history of visible cases"),
      rule(STAFF, READ, ENGINE, "/history/process-instance/{id}",            "history of a visible case"),
      rule(STAFF, READ, ENGINE, "/history/variable-instance",                "history of visible cases"),
      rule(STAFF, READ, ENGINE, "/history/variable-instance/count",          "history of visible cases"),
      rule(STAFF, READ, ENGINE, "/history/task",                             "history of visible tasks"),
      rule(STAFF, READ, ENGINE, "/history/task/count",                       "history of visible tasks"),
      rule(STAFF, READ, ENGINE, "/process-instance",                         "visible cases (engine decides which)"),
      rule(STAFF, READ, ENGINE, "/process-instance/count",                   "visible cases"),
      rule(STAFF, READ, ENGINE, "/process-instance/{id}",                    "a visible case"),
      rule(STAFF, READ, ENGINE, "/variable-instance",                        "variables of visible cases"),
      rule(STAFF, READ, ENGINE, "/variable-instance/count",                  "variables of visible cases"),

      // --- intake: records paper, phone and walk-in complaints with the start form -------------------------------
      rule(INTAKE, POST, ENGINE, "/process-definition/{id}/submit-form",      NEW_COMPLAINT_ONLY, "Tasklist: Start process"),
      rule(INTAKE, POST, ENGINE, "/process-definition/{id}/start",            NEW_COMPLAINT_ONLY, "start with the form's fields"),
      rule(INTAKE, POST, ENGINE, "/process-definition/key/{key}/submit-form", NEW_COMPLAINT_ONLY, "start with the form's fields"),
      rule(INTAKE, POST, ENGINE, "/process-definition/key/{key}/start",       NEW_COMPLAINT_ONLY, "start with the form's fields"),

      // --- supervisors and analysts: Cockpit, read only ----------------------------------------------------------
      rule(COCKPIT_USERS, READ, ENGINE, "/**",                                "Cockpit pages (engine authorizations decide what)"),
      rule(COCKPIT_USERS, POST, ENGINE, "/process-instance",                  "Cockpit: instance search"),
      rule(COCKPIT_USERS, POST, ENGINE, "/process-instance/count",            "Cockpit: instance search"),
      rule(COCKPIT_USERS, POST, ENGINE, "/variable-instance",                 "Cockpit: variables tab"),
      rule(COCKPIT_USERS, POST, ENGINE, "/variable-instance/count",           "Cockpit: variables tab"),
      rule(COCKPIT_USERS, POST, ENGINE, "/execution",                         "Cockpit: instance view"),
      rule(COCKPIT_USERS, POST, ENGINE, "/execution/count",                   "Cockpit: instance view"),
      rule(COCKPIT_USERS, POST, ENGINE, "/job",                               "Cockpit: jobs"),
      rule(COCKPIT_USERS, POST, ENGINE, "/job/count",                         "Cockpit: jobs"),
      rule(COCKPIT_USERS, POST, ENGINE, "/external-task",                     "Cockpit: external tasks"),
      rule(COCKPIT_USERS, POST, ENGINE, "/external-task/count",               "Cockpit: external tasks"),
      rule(COCKPIT_USERS, POST, ENGINE, "/history/" + HISTORY_QUERIES,         "Cockpit: history searches"),
      rule(COCKPIT_USERS, POST, ENGINE, "/history/" + HISTORY_QUERIES + "/count", "Cockpit: history searches"),
      rule(COCKPIT_USERS, READ, COCKPIT, "/**",                               "Cockpit plugin pages"),
      rule(COCKPIT_USERS, POST, COCKPIT, "/base/process-instance",            "Cockpit: instance list"),
      rule(COCKPIT_USERS, POST, COCKPIT, "/base/process-instance/count",      "Cockpit: instance list"),
      rule(COCKPIT_USERS, POST, COCKPIT, "/base/incident",                    "Cockpit: incidents"),
      rule(COCKPIT_USERS, POST, COCKPIT, "/base/incident/count",              "Cockpit: incidents"),
      rule(COCKPIT_USERS, POST, COCKPIT, "/base/process-definition/{id}/called-process-definitions", "Cockpit: called processes"),
      rule(COCKPIT_USERS, POST, COCKPIT, "/base/process-instance/{id}/called-process-instances", "Cockpit: called processes"),

      // --- administrators: everything, still without expressions; filters only with Tasklist's expressions -------
      rule(ADMINS, POST, ENGINE, "/filter/create",                            FILTER_DEFINITION, "Tasklist filters"),
      rule(ADMINS, "PUT", ENGINE, "/filter/{id}",                             FILTER_DEFINITION, "Tasklist filters"),
      rule(ADMINS, "*", ENGINE, "/**",                                        "Admin, Cockpit and operations"),
      rule(ADMINS, "*", COCKPIT, "/**",                                       "Cockpit"),
      rule(ADMINS, "*", ADMIN, "/**",                                         "Admin plugins"),
      rule(ADMINS, "*", Api.TASKLIST, "/**",                                  "Tasklist plugins"));
  // @formatter:on

  private GateRules() {}

  /** The first rule that lets these groups make this call, if any. */
  public static Optional<Rule> find(Collection<String> groups, String method, Api api, String path) {
    String m = method.equals("HEAD") ? "GET" : method;
    return RULES.stream().filter(rule -> rule.matches(groups, m, api, path)).findFirst();
  }

  public static boolean pathMatches(String pattern, String path) {
    String[] want = pattern.substring(1).split("/", -1);
    String[] have = path.substring(1).split("/", -1);
    for (int i = 0; i < want.length; i++) {
      if (want[i].equals("**")) {
        return true;
      }
      if (i >= have.length || have[i].isEmpty()) {
        return false;
      }
      boolean variable = want[i].startsWith("{") && want[i].endsWith("}") && !SUB_RESOURCES.contains(have[i]);
      boolean oneOf = want[i].startsWith("(") && want[i].endsWith(")")
          && List.of(want[i].substring(1, want[i].length() - 1).split("\\|")).contains(have[i]);
      if (!variable && !oneOf && !want[i].equals(have[i])) {
        return false;
      }
    }
    return want.length == have.length;
  }

  private static Rule rule(Set<String> groups, String methods, Api api, String pattern, String why) {
    return rule(groups, methods, api, pattern, NONE, why);
  }

  private static Rule rule(Set<String> groups, String methods, Api api, String pattern, Check check, String why) {
    return new Rule(groups, Set.copyOf(Arrays.asList(methods.split(","))), api, pattern, check, why);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}

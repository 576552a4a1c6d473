package th.go.integritydesk.reporting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;
import th.go.integritydesk.process.ComplaintLifecycle;
import th.go.integritydesk.process.Deadlines;
import th.go.integritydesk.process.DisciplinaryAction;
import th.go.integritydesk.process.FactFinding;

/**
 * The complaint-handling manual's steps, read from the latest deployed versions of the lifecycle models and from the
 * deadline settings in force, so the published manual always says what the system really does: every user task in
 * flow order with who does it (candidate groups, assignee) and its time limit (the {@code deadlines.*} a due date or
 * timer of the step names), every stage (call activity) with its own steps, automatic steps and waits.
 */
@Service
class ComplaintManual {

  static final String LIFECYCLE = ComplaintLifecycle.PROCESS_KEY;
  private static final Pattern DEADLINE_PROPERTY = Pattern.compile("deadlines\\.(\\w+)");
  private static final Pattern QUOTED = Pattern.compile("'(\\w+)'");
  private static final Pattern ASSIGNEE = Pattern.compile("^\\$\\{(\\w+)}$");
  /** Deadline methods of {@link Deadlines} and the settings they read. */
  private static final Map<String, List<String>> DEADLINE_METHODS = Map.of(
      "screeningDue", List.of("screening"),
      "acknowledgementDue", List.of("acknowledgement"),
      "penaltyDecisionFor", List.of("penaltyDecision", "naccDecision"),
      "penaltyDecisionDueDate", List.of("penaltyDecision", "naccDecision"));

  enum Kind { STAGE, TASK, AUTOMATIC, WAIT, WHEN_OVERDUE, ANY_TIME }

  record Step(Kind kind, String id, String name, String who, String time, int depth) {}

  record DeadlineRow(String key, String label, String setting, String iso, String time) {}

  record Manual(List<Step> steps, List<DeadlineRow> deadlines, String versions) {}

  private final RepositoryService repository;
  private final Deadlines deadlines;
  private final Labels labels;
  private final DatatypeFactory durations;

  ComplaintManual(RepositoryService repository, Deadlines deadlines, Labels labels) throws Exception {
    this.repository = repository;
    this.deadlines = deadlines;
    this.labels = labels;
    this.durations = DatatypeFactory.newInstance();
  }

  Manual of(Locale locale) {
    List<Step> steps = new ArrayList<>();
    Map<String, Integer> versions = new LinkedHashMap<>();
    walkProcess(LIFECYCLE, locale, steps, versions, 0);
    List<DeadlineRow> rows = new ArrayList<>();
    deadlines.all().forEach((key, iso) -> rows.add(new DeadlineRow(key, labels.text(locale, "deadline." + key),
        "integrity-desk.deadlines." + kebab(key), iso, duration(locale, iso))));
    StringBuilder v = new StringBuilder();
    versions.forEach((key, version) -> v.append(v.length() == 0 ? "" : ", ").append(key).append(" v").append(version));
    return new Manual(steps, rows, v.toString());
  }

  /** The deadline settings each user task and stage (call activity) of the deployed models reads, by element id. */
  Map<String, List<String>> deadlinesByElement() {
    Map<String, List<String>> byElement = new LinkedHashMap<>();
    for (String key : List.of(LIFECYCLE, FactFinding.PROCESS_KEY, DisciplinaryAction.PROCESS_KEY)) {
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult();
      if (definition == null) {
        continue;
      }
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        byElement.put(task.getId(), deadlinesOf(task));
      }
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        byElement.put(call.getId(), deadlinesOf(call));
      }
    }
    return byElement;
  }

  private void walkProcess(String key, Locale locale, List<Step> steps, Map<String, Integer> versions, int depth) {
    if (versions.containsKey(key)) {
      return;
    }
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
    if (definition == null) {
      return;
    }
    versions.put(key, definition.getVersion());
    BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
    Process process = model.getModelElementById(definition.getKey());
    walkContainer(process.getFlowElements(), model, locale, steps, versions, depth);
    for (FlowElement element : process.getFlowElements()) {
      if (element instanceof SubProcess sub && sub.triggeredByEvent()) {
        StartEvent start = sub.getChildElementsByType(StartEvent.class).stream().findFirst().orElse(null);
        steps.add(new Step(Kind.ANY_TIME, sub.getId(), name(locale, sub.getName()), "",
            start == null ? "" : time(locale, deadlinesOf(start)), depth));
        walkContainer(sub.getFlowElements(), model, locale, steps, versions, depth + 1);
      }
    }
  }

  /**
   * Steps of one process or event subprocess in flow order: a depth-first topological order of the sequence flows from
   * the start event (the first outgoing flow first, a joining gateway once all its branches are listed, loops back
   * ignored), the follow-up of a missed deadline listed right after the step it watches.
   */
  private void walkContainer(Collection<FlowElement> elements, BpmnModelInstance model, Locale locale, List<Step> steps,
                             Map<String, Integer> versions, int depth) {
    List<FlowNode> starts = elements.stream().filter(e -> e instanceof StartEvent).map(e -> (FlowNode) e).toList();
    Set<FlowNode> nodes = new LinkedHashSet<>();
    Set<SequenceFlow> backEdges = new HashSet<>();
    for (FlowNode start : starts) {
      findBackEdges(start, new HashSet<>(), new HashSet<>(), backEdges, nodes);
    }
    Map<FlowNode, Integer> incoming = new HashMap<>();
    for (FlowNode node : nodes) {
      incoming.put(node, (int) node.getIncoming().stream().filter(f -> !backEdges.contains(f)).count());
    }
    Deque<FlowNode> ready = new ArrayDeque<>();
    for (int i = starts.size() - 1; i >= 0; i--) {
      ready.push(starts.get(i));
    }
    Set<FlowNode> done = new HashSet<>();
    while (!ready.isEmpty()) {
      FlowNode node = ready.pop();
      if (!done.add(node)) {
        continue;
      }
      emit(node, model, locale, steps, versions, depth, Kind.TASK);
      if (node instanceof Activity activity) {
        for (BoundaryEvent boundary : boundaryEvents(model, activity)) {
          for (FlowNode followUp : chain(boundary)) {
            emit(followUp, model, locale, steps, versions, depth, Kind.WHEN_OVERDUE);
          }
        }
      }
      List<SequenceFlow> outgoing = new ArrayList<>(node.getOutgoing());
      java.util.Collections.reverse(outgoing);
      for (SequenceFlow flow : outgoing) {
        if (backEdges.contains(flow)) {
          continue;
        }
        FlowNode target = flow.getTarget();
        int left = incoming.merge(target, -1, Integer::sum);
        if (left <= 0) {
          ready.push(target);
        }
      }
    }
  }

  private void emit(FlowNode node, BpmnModelInstance model, Locale locale, List<Step> steps,
                    Map<String, Integer> versions, int depth, Kind kind) {
    if (node instanceof UserTask task) {
      String due = time(locale, deadlinesOf(task));
      steps.add(new Step(kind == Kind.WHEN_OVERDUE ? Kind.WHEN_OVERDUE : Kind.TASK, task.getId(),
          name(locale, task.getName()), who(locale, task), due, depth));
    } else if (node instanceof CallActivity call) {
      steps.add(new Step(Kind.STAGE, call.getId(), name(locale, call.getName()), "", time(locale, deadlinesOf(call)),
          depth));
      walkProcess(call.getCalledElement(), locale, steps, versions, depth + 1);
    } else if (node instanceof SubProcess sub && !sub.triggeredByEvent() && kind != Kind.WHEN_OVERDUE) {
      // a part of the flow with a deadline of its own (Acknowledge by mail): the part, its time, then its steps
      steps.add(new Step(Kind.AUTOMATIC, sub.getId(), name(locale, sub.getName()),
          labels.text(locale, "manual.role.system"), time(locale, deadlinesOf(sub)), depth));
      walkContainer(sub.getFlowElements(), model, locale, steps, versions, depth + 1);
    } else if (node instanceof Task task && kind != Kind.WHEN_OVERDUE) {
      steps.add(new Step(Kind.AUTOMATIC, task.getId(), name(locale, task.getName()),
          labels.text(locale, "manual.role.system"), time(locale, deadlinesOf(task)), depth));
    } else if (node instanceof IntermediateCatchEvent wait && !wait.getChildElementsByType(TimerEventDefinition.class)
        .isEmpty()) {
      steps.add(new Step(Kind.WAIT, wait.getId(), name(locale, wait.getName()), labels.text(locale, "manual.role.waiting"),
          time(locale, deadlinesOf(wait)), depth));
    }
  }

  private static void findBackEdges(FlowNode node, Set<FlowNode> onPath, Set<FlowNode> seen, Set<SequenceFlow> back,
                                    Set<FlowNode> nodes) {
    seen.add(node);
    onPath.add(node);
    nodes.add(node);
    for (SequenceFlow flow : node.getOutgoing()) {
      FlowNode target = flow.getTarget();
      if (onPath.contains(target)) {
        back.add(flow);
      } else if (!seen.contains(target)) {
        findBackEdges(target, onPath, seen, back, nodes);
      }
    }
    onPath.remove(node);
  }

  private static List<BoundaryEvent> boundaryEvents(BpmnModelInstance model, Activity activity) {
    return model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(b -> b.getAttachedTo() != null && b.getAttachedTo().getId().equals(activity.getId())).toList();
  }

  /** What follows a boundary event up to its end (the escalation of a missed deadline). */
  private static List<FlowNode> chain(BoundaryEvent boundary) {
    List<FlowNode> chain = new ArrayList<>();
    Deque<FlowNode> next = new ArrayDeque<>();
    boundary.getOutgoing().forEach(f -> next.add(f.getTarget()));
    Set<FlowNode> seen = new HashSet<>();
    while (!next.isEmpty()) {
      FlowNode node = next.poll();
      if (!seen.add(node) || node instanceof EndEvent || node.getIncoming().size() > 1) {
        continue;
      }
      chain.add(node);
      node.getOutgoing().forEach(f -> next.add(f.getTarget()));
    }
    return chain;
  }

  /** The deadline settings an element's due date, its own timer or the timers attached to it read. */
  private List<String> deadlinesOf(FlowNode node) {
    List<String> expressions = new ArrayList<>();
    if (node instanceof UserTask task && task.getCamundaDueDate() != null) {
      expressions.add(task.getCamundaDueDate());
    }
    timers(node, expressions);
    if (node instanceof Activity activity) {
      for (BoundaryEvent boundary : boundaryEvents((BpmnModelInstance) node.getModelInstance(), activity)) {
        timers(boundary, expressions);
      }
    }
    Set<String> known = deadlines.all().keySet();
    Set<String> found = new LinkedHashSet<>();
    for (String expression : expressions) {
      Matcher property = DEADLINE_PROPERTY.matcher(expression);
      while (property.find()) {
        String name = property.group(1);
        if (known.contains(name)) {
          found.add(name);
        }
        found.addAll(DEADLINE_METHODS.getOrDefault(name, List.of()));
      }
      Matcher quoted = QUOTED.matcher(expression);
      while (quoted.find()) {
        if (known.contains(quoted.group(1))) {
          found.add(quoted.group(1));
        }
      }
    }
    return new ArrayList<>(found);
  }

  private static void timers(ModelElementInstance element, List<String> expressions) {
    for (TimerEventDefinition timer : element.getChildElementsByType(TimerEventDefinition.class)) {
      if (timer.getTimeDate() != null) {
        expressions.add(timer.getTimeDate().getTextContent());
      }
      if (timer.getTimeDuration() != null) {
        expressions.add(timer.getTimeDuration().getTextContent());
      }
      if (timer.getTimeCycle() != null) {
        expressions.add(timer.getTimeCycle().getTextContent());
      }
    }
  }

  private String time(Locale locale, List<String> keys) {
    if (keys.isEmpty()) {
      return "";
    }
    Map<String, String> all = deadlines.all();
    if (keys.size() == 1) {
      return duration(locale, all.get(keys.get(0)));
    }
    List<String> parts = new ArrayList<>();
    for (String key : keys) {
      parts.add(duration(locale, all.get(key)) + " (" + labels.text(locale, "deadline." + key) + ")");
    }
    return String.join("; ", parts);
  }

  /** An ISO-8601 duration as people read it: "15 วัน" / "15 days"; anything unusual stays as written. */
  String duration(Locale locale, String iso) {
    try {
      Duration d = durations.newDuration(iso);
      boolean noDate = d.getYears() == 0 && d.getMonths() == 0;
      boolean noTime = d.getHours() == 0 && d.getMinutes() == 0 && d.getSeconds() == 0;
      if (noDate && noTime && d.getDays() > 0) {
        return labels.text(locale, "duration.days", String.valueOf(d.getDays()));
      }
      if (noDate && d.getDays() == 0 && d.getMinutes() == 0 && d.getSeconds() == 0 && d.getHours() > 0) {
        return labels.text(locale, "duration.hours", String.valueOf(d.getHours()));
      }
    } catch (IllegalArgumentException e) {
      // shown as written below
    }
    return iso;
  }

  private String who(Locale locale, UserTask task) {
    List<String> roles = new ArrayList<>();
    if (task.getCamundaCandidateGroups() != null) {
      for (String group : task.getCamundaCandidateGroups().split(",")) {
        String id = group.trim();
        if (!id.isEmpty()) {
          roles.add(labels.textOr(locale, "group." + id, id));
        }
      }
    }
    if (task.getCamundaAssignee() != null) {
      Matcher variable = ASSIGNEE.matcher(task.getCamundaAssignee().trim());
      String name = variable.matches() ? variable.group(1) : task.getCamundaAssignee();
      roles.add(labels.textOr(locale, "assignee." + name, labels.text(locale, "assignee.other", name)));
    }
    return String.join(" / ", roles);
  }

  /** Model names are "ไทย / English": the half of the reader's language. */
  static String name(Locale locale, String name) {
    if (name == null) {
      return "";
    }
    int slash = name.indexOf(" / ");
    if (slash < 0) {
      return name;
    }
    return Labels.isThai(locale) ? name.substring(0, slash).trim() : name.substring(slash + 3).trim();
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}

package th.go.integritydesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Models and code agree by construction: the constants classes (one per process, plus the deadline escalations
 * every process shares) name only what the deployed models (processes/*.bpmn) and forms (processes/forms/*.form)
 * hold, every constant is used, and the code names elements, messages and variables only through them.
 */
class ModelVocabularyTest {

  /** The one typed place per process. */
  static final List<Class<?>> CONSTANTS = List.of(ComplaintLifecycle.class, FactFinding.class,
      DisciplinaryAction.class, StaffNotification.class, DeadlineEscalation.class);

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Path MODELS = Path.of("processes");
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([a-zA-Z_]\\w*)(?!\\s*\\()");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"([A-Za-z][\\w-]*)\"");
  /** A variable read or written by name: the engine's accessors, TaskInput's and Vars' readers, variable maps. */
  private static final Pattern VARIABLE_ACCESS = Pattern.compile(
      "\\b(\\w*[Vv]ariable\\w*|putValue|(?:\\w*[Vv]ars?|variables|facts)\\.put|text|requiredText|requiredEnum|flag|date)\\(\\s*(?:\\w+,\\s*)?\"([A-Za-z]\\w*)\"");

  /** What an expression names that is no process variable: the engine's own objects and EL's words. */
  private static final Set<String> EL_NAMES = Set.of("execution", "task", "true", "false", "null", "empty", "not",
      "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

  static final Set<String> processIds = new TreeSet<>();
  static final Set<String> elementIds = new TreeSet<>();
  static final Set<String> messageNames = new TreeSet<>();
  static final Set<String> variables = new TreeSet<>();

  @BeforeAll
  static void readModels() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (Stream<Path> files = Files.list(MODELS)) {
      for (Path bpmn : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        Document model = factory.newDocumentBuilder().parse(bpmn.toFile());
        NodeList all = model.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
          Element e = (Element) all.item(i);
          read(e);
        }
      }
    }
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(MODELS.resolve("forms"))) {
      for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode root = json.readTree(form.toFile());
        elementIds.add(root.get("id").asText());
        root.findValues("key").forEach(key -> variables.add(key.asText()));
      }
    }
    assertThat(processIds).as("the deployed processes").isNotEmpty();
  }

  private static void read(Element e) {
    String ns = e.getNamespaceURI();
    String name = e.getLocalName();
    if (BPMN.equals(ns)) {
      if (name.equals("process")) {
        processIds.add(e.getAttribute("id"));
      } else if (name.equals("message")) {
        messageNames.add(e.getAttribute("name"));
      } else if (e.hasAttribute("id") && !name.equals("definitions")) {
        elementIds.add(e.getAttribute("id"));
      }
      // variables used in expressions: conditions, timers, assignees, collections, delegates
      if (e.getFirstChild() != null && e.getChildNodes().getLength() == 1) {
        expressionVariables(e.getTextContent());
      }
    }
    if (CAMUNDA.equals(ns)) {
      switch (name) {
        case "in", "out" -> {
          addIfSet(e.getAttribute("source"));
          addIfSet(e.getAttribute("target"));
        }
        case "inputParameter", "outputParameter" -> addIfSet(e.getAttribute("name"));
        default -> { }
      }
      if (e.getChildNodes().getLength() == 1) {
        expressionVariables(e.getTextContent());
      }
    }
    var attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      var attribute = attributes.item(i);
      if (CAMUNDA.equals(attribute.getNamespaceURI())
          && (attribute.getLocalName().equals("elementVariable") || attribute.getLocalName().equals("resultVariable"))) {
        variables.add(attribute.getNodeValue());
      }
      expressionVariables(attribute.getNodeValue());
    }
  }

  private static void expressionVariables(String text) {
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      Matcher identifier = IDENTIFIER.matcher(expression.group(1));
      while (identifier.find()) {
        if (!EL_NAMES.contains(identifier.group(1))) {
          variables.add(identifier.group(1));
        }
      }
    }
  }

  private static void addIfSet(String value) {
    if (!value.isEmpty()) {
      variables.add(value);
    }
  }

  record Constant(Class<?> owner, Field field, String value) {
    String section() {
      return owner.getDeclaringClass() == null ? "" : owner.getSimpleName();
    }

    String name() {
      return owner.getName().replace(owner.getPackageName() + ".", "") + "." + field.getName();
    }

    Class<?> top() {
      return owner.getDeclaringClass() == null ? owner : owner.getDeclaringClass();
    }
  }

  static List<Constant> constants() throws IllegalAccessException {
    List<Constant> constants = new ArrayList<>();
    for (Class<?> process : CONSTANTS) {
      List<Class<?>> owners = new ArrayList<>(List.of(process));
      owners.addAll(List.of(process.getDeclaredClasses()));
      for (Class<?> owner : owners) {
        for (Field field : owner.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
            field.setAccessible(true);
            constants.add(new Constant(owner, field, (String) field.get(null)));
          }
        }
      }
    }
    return constants;
  }

  @Test
  void everyConstantNamesWhatTheModelsHold() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Constant c : constants()) {
      boolean codeOnly = c.field().isAnnotationPresent(CodeOnly.class);
      String problem = switch (c.section()) {
        case "" -> c.field().getName().equals("PROCESS_KEY") && processIds.contains(c.value()) ? null
            : "is not a deployed process";
        case "Messages" -> messageNames.contains(c.value()) ? null : "is no message of the models";
        case "Elements" -> elementIds.contains(c.value()) ? null : "is no element of the models";
        case "Variables" -> codeOnly
            ? (variables.contains(c.value()) ? "is marked @CodeOnly but the models or forms use it" : null)
            : (variables.contains(c.value()) ? null : "is no variable of the models or forms (mark it @CodeOnly?)");
        default -> "is in a section of its own (use Messages, Elements or Variables)";
      };
      if (problem != null) {
        wrong.add(c.name() + " = \"" + c.value() + "\" " + problem);
      }
    }
    assertThat(wrong).as("constants that disagree with processes/*.bpmn and processes/forms/*.form").isEmpty();
  }

  @Test
  void everyConstantIsUsed() throws Exception {
    Map<Path, String> sources = sources(SOURCES);
    List<String> unused = new ArrayList<>();
    for (Constant c : constants()) {
      String top = c.top().getSimpleName();
      Pattern use = Pattern.compile("\\b" + c.field().getName() + "\\b");
      boolean used = sources.entrySet().stream()
          .filter(source -> !source.getKey().getFileName().toString().equals(top + ".java"))
          .filter(source -> source.getValue().contains(top))
          .anyMatch(source -> use.matcher(source.getValue()).find());
      if (!used) {
        unused.add(c.name());
      }
    }
    assertThat(unused).as("constants no code uses: use them or remove them").isEmpty();
  }

  @Test
  void codeNamesElementsAndMessagesOnlyThroughTheConstants() throws IOException {
    Set<String> modelNames = new TreeSet<>(processIds);
    modelNames.addAll(elementIds);
    modelNames.addAll(messageNames);
    List<String> literals = new ArrayList<>();
    sources(SOURCES).forEach((path, text) -> {
      if (isConstantsClass(path)) {
        return;
      }
      String[] lines = text.split("\n");
      for (int i = 0; i < lines.length; i++) {
        Matcher literal = STRING_LITERAL.matcher(lines[i]);
        while (literal.find()) {
          if (modelNames.contains(literal.group(1))) {
            literals.add(SOURCES.relativize(path) + ":" + (i + 1) + " \"" + literal.group(1) + "\"");
          }
        }
      }
    });
    assertThat(literals).as("element ids, process keys and message names written as literals").isEmpty();
  }

  @Test
  void codeNamesVariablesOnlyThroughTheConstants() throws Exception {
    Set<String> known = new TreeSet<>(variables);
    constants().forEach(c -> known.add(c.value()));
    List<String> literals = new ArrayList<>();
    sources(SOURCES).forEach((path, text) -> {
      if (isConstantsClass(path)) {
        return;
      }
      String[] lines = text.split("\n");
      for (int i = 0; i < lines.length; i++) {
        Matcher access = VARIABLE_ACCESS.matcher(lines[i]);
        while (access.find()) {
          if (known.contains(access.group(2))) {
            literals.add(SOURCES.relativize(path) + ":" + (i + 1) + " \"" + access.group(2) + "\"");
          }
        }
      }
    });
    assertThat(literals).as("process variables read or written by a literal name").isEmpty();
  }

  @Test
  void theScannerSeesTheModels() {
    // guards the parsing above: names every process and form must yield
    assertThat(processIds).contains(ComplaintLifecycle.PROCESS_KEY, FactFinding.PROCESS_KEY,
        DisciplinaryAction.PROCESS_KEY, StaffNotification.PROCESS_KEY);
    assertThat(messageNames).contains(ComplaintLifecycle.Messages.COMPLAINT_WITHDRAWN);
    assertThat(elementIds).contains("decide-penalty", "deadline-escalation", "fact-finding");
    assertThat(variables).contains("trackingNumber", "findingsApproved", "escalationAction", "committeeMembers");
    assertThat(variables).doesNotContain("execution", "task");
  }

  private static boolean isConstantsClass(Path path) {
    String file = path.getFileName().toString();
    return path.toString().replace('\\', '/').contains("th/go/integritydesk/process/")
        && CONSTANTS.stream().anyMatch(c -> file.equals(c.getSimpleName() + ".java"));
  }

  private static Map<Path, String> sources(Path root) throws IOException {
    Map<Path, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.put(file, Files.readString(file));
      }
    }
    return sources;
  }
}

package th.go.integritydesk.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields an officer can fill in on one Camunda Form (form-js JSON): every component with a {@code key} that is
 * not disabled, found at any depth (groups, dynamic lists), with the type of value it submits. Disabled fields only
 * show data (the tracking number, the investigator) and form-js does not submit them, so nobody may.
 */
public final class FormFields {

  /** The kind of value a form component submits. */
  enum Kind { TEXT, BOOLEAN, NUMBER, DATE, TIME, DATETIME, STRUCTURE }

  record Field(String key, Kind kind, boolean numberAsText) {}

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?([+-]\\d{2}:?\\d{2}|Z)?");
  private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?([+-]\\d{2}:?\\d{2}|Z)?");

  private final String formId;
  private final Map<String, Field> fields;

  private FormFields(String formId, Map<String, Field> fields) {
    this.formId = formId;
    this.fields = Collections.unmodifiableMap(fields);
  }

  public static FormFields parse(JsonNode form) {
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(form.path("components"), fields);
    return new FormFields(form.path("id").asText(""), fields);
  }

  /** A form that declares nothing: a task without a Camunda Form takes no variables. */
  static FormFields none(String what) {
    return new FormFields(what, Map.of());
  }

  public String formId() {
    return formId;
  }

  public Map<String, Field> fields() {
    return fields;
  }

  /**
   * Why this engine REST variable ({@code {"value": .., "type": ..}}) does not fit the form, or empty when it does.
   * Messages are English (the gate puts them into a Thai and English detail).
   */
  Optional<String> problemWith(String name, JsonNode variable) {
    Field field = fields.get(name);
    if (field == null) {
      return Optional.of("not a field of the form " + formId);
    }
    if (variable == null || !variable.isObject()) {
      return Optional.of("must be {\"value\": ...}");
    }
    JsonNode value = variable.get("value");
    String type = variable.path("type").asText("").toLowerCase(java.util.Locale.ROOT);
    if (value == null || value.isNull()) {
      return type.isEmpty() || type.equals("null") || typeFits(field, type) ? Optional.empty()
          : Optional.of("has type " + type + ", the form submits " + field.kind());
    }
    if (!type.isEmpty() && !typeFits(field, type)) {
      return Optional.of("has type " + type + ", the form submits " + field.kind());
    }
    boolean fits = switch (field.kind()) {
      case TEXT -> value.isTextual();
      case BOOLEAN -> value.isBoolean();
      case NUMBER -> value.isNumber() || (field.numberAsText() && value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?"));
      case DATE -> value.isTextual() && DATE.matcher(value.asText()).matches();
      case TIME -> value.isTextual() && TIME.matcher(value.asText()).matches();
      case DATETIME -> value.isTextual() && DATETIME.matcher(value.asText()).matches();
      // Tasklist sends a group's or list's value as JSON text with type Json
      case STRUCTURE -> value.isObject() || value.isArray() || (type.equals("json") && value.isTextual());
    };
    return fits ? Optional.empty() : Optional.of("must be " + switch (field.kind()) {
      case TEXT -> "text";
      case BOOLEAN -> "true or false";
      case NUMBER -> "a number";
      case DATE -> "a date (yyyy-MM-dd)";
      case TIME -> "a time (HH:mm)";
      case DATETIME -> "a date and time (yyyy-MM-ddTHH:mm)";
      case STRUCTURE -> "a list or object";
    });
  }

  private static boolean typeFits(Field field, String type) {
    return switch (field.kind()) {
      case TEXT, DATE, TIME, DATETIME -> type.equals("string");
      case BOOLEAN -> type.equals("boolean");
      case NUMBER -> type.equals("integer") || type.equals("long") || type.equals("double") || type.equals("short")
          || (field.numberAsText() && type.equals("string"));
      case STRUCTURE -> type.equals("json");
    };
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    if (!components.isArray()) {
      return;
    }
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      boolean disabled = component.path("disabled").asBoolean(false);
      String path = component.path("path").asText("");
      if ((type.equals("group") || type.equals("dynamiclist")) && !path.isEmpty()) {
        // form-js submits a group with a path, and every dynamic list, as one structured value
        if (!disabled) {
          fields.put(path, new Field(path, Kind.STRUCTURE, false));
        }
        continue;
      }
      String key = component.path("key").asText("");
      if (!key.isEmpty() && !disabled) {
        kind(component, type).ifPresent(kind ->
            fields.put(key, new Field(key, kind, component.path("serializeToString").asBoolean(false))));
      }
      collect(component.path("components"), fields);
    }
  }

  private static Optional<Kind> kind(JsonNode component, String type) {
    return switch (type) {
      case "textfield", "textarea", "select", "radio", "filepicker" -> Optional.of(Kind.TEXT);
      case "checkbox" -> Optional.of(Kind.BOOLEAN);
      case "number" -> Optional.of(Kind.NUMBER);
      case "checklist", "taglist" -> Optional.of(Kind.STRUCTURE);
      case "datetime" -> Optional.of(switch (component.path("subtype").asText("datetime")) {
        case "date" -> Kind.DATE;
        case "time" -> Kind.TIME;
        default -> Kind.DATETIME;
      });
      // display-only components (text, html, image, separator, spacer, button, table, iframe, expression) submit
      // nothing an officer types in
      default -> Optional.empty();
    };
  }
}

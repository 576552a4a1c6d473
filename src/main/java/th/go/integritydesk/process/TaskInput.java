package th.go.integritydesk.process;

import java.util.Arrays;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Reads what an officer submitted on a task form and refuses bad input with a message naming the field,
 * in Thai and English. The engine REST API answers such a refusal with 400 and Tasklist shows the message;
 * the task stays open and nothing of the submission is kept.
 */
public final class TaskInput {

  private final VariableScope scope;

  private TaskInput(VariableScope scope) {
    this.scope = scope;
  }

  public static TaskInput of(VariableScope scope) {
    return new TaskInput(scope);
  }

  public String text(String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  public String requiredText(String name, int maxLength) {
    String text = text(name);
    if (text == null) {
      throw invalid(name, "NotBlank");
    }
    if (text.length() > maxLength) {
      throw invalid(name, "refusal.tooLong", String.valueOf(maxLength));
    }
    return text;
  }

  public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
    String text = text(name);
    if (text == null) {
      throw invalid(name, "refusal.choose");
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw invalid(name, "refusal.oneOf", Arrays.toString(type.getEnumConstants()));
    }
  }

  /** A checkbox: a missing value counts as unticked. Strings "true"/"false" are accepted from API clients. */
  public boolean flag(String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
      return Boolean.parseBoolean(text);
    }
    throw invalid(name, "refusal.trueOrFalse");
  }

  /** A refusal of {@code field} with the text {@code key} of messages*.properties: "field: ไทย / field English". */
  public static FormFieldValidationException invalid(String field, String key, Object... args) {
    return new FormFieldValidationException(field,
        field + ": " + Bilingual.thai(key, args) + " / " + field + " " + Bilingual.english(key, args));
  }
}

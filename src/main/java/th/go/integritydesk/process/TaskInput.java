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
      throw invalid(name, "ต้องระบุ", "is required");
    }
    if (text.length() > maxLength) {
      throw invalid(name, "ยาวเกิน " + maxLength + " ตัวอักษร", "is longer than " + maxLength + " characters");
    }
    return text;
  }

  public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
    String text = text(name);
    if (text == null) {
      throw invalid(name, "ต้องเลือก", "is required");
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw invalid(name, "ค่าไม่ถูกต้อง", "must be one of " + Arrays.toString(type.getEnumConstants()));
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
    throw invalid(name, "ต้องเป็นจริงหรือเท็จ", "must be true or false");
  }

  public static FormFieldValidationException invalid(String field, String thai, String english) {
    return new FormFieldValidationException(field, field + ": " + thai + " / " + field + " " + english);
  }
}

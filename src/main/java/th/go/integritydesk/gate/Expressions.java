package th.go.integritydesk.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds an expression ({@code ${...}} or {@code #{...}}) anywhere in what a caller sends: JSON at any depth (field
 * names and values, or-queries, sorting, variables), query-string parameters, also URL-encoded once or twice.
 * The engine evaluates expressions in queries (or-queries slip past enableExpressionsInAdhocQueries in 7.24 CE),
 * so no request may carry one; only a stored Tasklist filter may use the few Tasklist's filter dialog offers.
 */
final class Expressions {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
  /** what Tasklist's filter dialog writes: the current user, their groups, now, a date from now */
  private static final Pattern FILTER_EXPRESSION = Pattern.compile(
      "\\$\\{\\s*(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)|dateTime\\(\\)"
          + "(\\.(plus|minus)(Seconds|Minutes|Hours|Days|Weeks|Months|Years)\\(\\d{1,4}\\))*(\\.toDate\\(\\))?)\\s*}");

  private Expressions() {}

  /** The JSON path of the first expression in the body, if any. */
  static Optional<String> inJson(JsonNode node, boolean filterExpressionsAllowed) {
    return find(node, "", filterExpressionsAllowed);
  }

  /** The name of the first query parameter (or the raw text) that carries an expression. */
  static Optional<String> inParameters(Map<String, String[]> parameters) {
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      if (contains(parameter.getKey(), false)) {
        return Optional.of(parameter.getKey());
      }
      for (String value : parameter.getValue()) {
        if (contains(value, false)) {
          return Optional.of(parameter.getKey());
        }
      }
    }
    return Optional.empty();
  }

  static boolean contains(String text, boolean filterExpressionsAllowed) {
    if (text == null) {
      return false;
    }
    String decoded = text;
    for (int round = 0; round < 3; round++) {
      String checked = filterExpressionsAllowed ? FILTER_EXPRESSION.matcher(decoded).replaceAll("") : decoded;
      if (EXPRESSION.matcher(checked).find()) {
        return true;
      }
      String next = decode(decoded);
      if (next.equals(decoded)) {
        return false;
      }
      decoded = next;
    }
    return EXPRESSION.matcher(decoded).find();
  }

  private static Optional<String> find(JsonNode node, String path, boolean filterExpressionsAllowed) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      return contains(node.asText(), filterExpressionsAllowed) ? Optional.of(path.isEmpty() ? "body" : path) : Optional.empty();
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = find(node.get(i), path + "[" + i + "]", filterExpressionsAllowed);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (contains(field.getKey(), false)) {
          return Optional.of(fieldPath);
        }
        Optional<String> found = find(field.getValue(), fieldPath, filterExpressionsAllowed);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }
}

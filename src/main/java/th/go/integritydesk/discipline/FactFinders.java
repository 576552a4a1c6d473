package th.go.integritydesk.discipline;

import java.util.Arrays;
import java.util.List;

/** The committee members named on the appointment form, one user id each, comma-separated. */
final class FactFinders {

  private FactFinders() {}

  static List<String> members(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}

package th.go.integritydesk.discipline;

import static th.go.integritydesk.discipline.DisciplinaryAction.Variables.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The officials who found the facts of a case or sat on its committee: none of them may decide its penalty. */
final class FactFinders {

  private FactFinders() {}

  static List<String> of(VariableScope scope) {
    List<String> people = new ArrayList<>();
    people.add((String) scope.getVariable(INVESTIGATOR));
    people.add((String) scope.getVariable(COMMITTEE_CHAIR));
    people.addAll(members((String) scope.getVariable(COMMITTEE_MEMBERS)));
    return people;
  }

  static List<String> members(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}

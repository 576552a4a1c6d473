package th.go.integritydesk.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of process variables, by the names of the process constants classes. */
public final class Vars {

  public static String text(VariableScope scope, String name) {
    return (String) scope.getVariable(name);
  }

  public static Boolean flag(VariableScope scope, String name) {
    return (Boolean) scope.getVariable(name);
  }

  public static Date date(VariableScope scope, String name) {
    return (Date) scope.getVariable(name);
  }

  private Vars() {}
}

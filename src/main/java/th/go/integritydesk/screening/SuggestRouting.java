package th.go.integritydesk.screening;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the routing table's suggestion where the screening form shows it. */
@Component("suggestRouting")
public class SuggestRouting implements JavaDelegate {

  private final RoutingRules rules;

  public SuggestRouting(RoutingRules rules) {
    this.rules = rules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object years = execution.getVariable(YEARS_SINCE_LEFT_OFFICE);
    RoutingRules.Suggestion suggestion = rules.suggest(
        (String) execution.getVariable(CATEGORY),
        (String) execution.getVariable(ACCUSED_RANK),
        (String) execution.getVariable(CHANNEL),
        years == null ? null : (int) Double.parseDouble(years.toString()));
    execution.setVariable(ROUTING_SUGGESTION, suggestion.decision().name());
    execution.setVariable(SUGGESTED_FORWARD_TO, suggestion.forwardTo() == null ? null : suggestion.forwardTo().name());
    execution.setVariable(ROUTING_SUGGESTION_REASON, suggestion.reason());
  }
}

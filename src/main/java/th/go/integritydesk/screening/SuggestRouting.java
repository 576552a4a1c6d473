package th.go.integritydesk.screening;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import th.go.integritydesk.intake.Complaints;
import th.go.integritydesk.process.CaseKey;

/** Puts the routing table's suggestion where the screening form shows it. */
@Component("suggestRouting")
public class SuggestRouting implements JavaDelegate {

  private final RoutingRules rules;
  private final Complaints complaints;

  public SuggestRouting(RoutingRules rules, Complaints complaints) {
    this.rules = rules;
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Complaints.Routing recorded = complaints.routing(CaseKey.of(execution));
    RoutingRules.Suggestion suggestion = rules.suggest(recorded.category(), recorded.accusedRank(), recorded.channel(),
        recorded.yearsSinceLeftOffice());
    execution.setVariable(ROUTING_SUGGESTION, suggestion.decision().name());
    if (suggestion.forwardTo() != null) {
      // the form hides the field when it is absent: no empty variable (and its history rows) for every other case
      execution.setVariable(SUGGESTED_FORWARD_TO, suggestion.forwardTo().name());
    }
    execution.setVariable(ROUTING_SUGGESTION_REASON, suggestion.reason());
  }
}

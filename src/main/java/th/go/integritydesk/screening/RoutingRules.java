package th.go.integritydesk.screening;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.ACCUSED_RANK;
import static th.go.integritydesk.process.ComplaintLifecycle.Variables.CATEGORY;
import static th.go.integritydesk.process.ComplaintLifecycle.Variables.CHANNEL;
import static th.go.integritydesk.process.ComplaintLifecycle.Variables.SUGGESTED_FORWARD_TO;
import static th.go.integritydesk.process.ComplaintLifecycle.Variables.YEARS_SINCE_LEFT_OFFICE;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * Asks the analysts' DMN table {@code complaint-routing} what the screening officer should consider doing.
 * The table suggests; the officer decides.
 */
@Service
public class RoutingRules {

  public static final String DECISION_KEY = "complaint-routing";

  public record Suggestion(ScreeningDecision decision, Agency forwardTo, String reason) {}

  private final DecisionService decisions;

  public RoutingRules(DecisionService decisions) {
    this.decisions = decisions;
  }

  public Suggestion suggest(String category, String accusedRank, String channel, Integer yearsSinceLeftOffice) {
    Map<String, Object> facts = new HashMap<>();
    facts.put(CATEGORY, category);
    facts.put(ACCUSED_RANK, accusedRank);
    facts.put(CHANNEL, channel);
    facts.put(YEARS_SINCE_LEFT_OFFICE, yearsSinceLeftOffice);
    DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(DECISION_KEY, facts).getSingleResult();
    if (result == null) {
      throw new IllegalStateException("The routing table " + DECISION_KEY + " matched no rule; it must end with a catch-all rule");
    }
    // an empty output cell leaves its entry out of the result
    Map<String, Object> entries = result.getEntryMap();
    String forwardTo = (String) entries.get(SUGGESTED_FORWARD_TO);
    return new Suggestion(ScreeningDecision.valueOf((String) entries.get("suggestedDecision")),
        forwardTo == null ? null : Agency.valueOf(forwardTo), (String) entries.get("suggestionReason"));
  }
}

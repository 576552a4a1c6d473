package th.go.integritydesk.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** complaint-routing.dmn as analysts edit it: one row of expectations per rule, plus the rules' precedence. */
class ComplaintRoutingDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision routing;
  private static final List<String> matchedRules = new ArrayList<>();

  @BeforeAll
  static void parseTheTable() throws IOException {
    DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
      @Override
      public void notify(DmnDecisionTableEvaluationEvent event) {
        matchedRules.clear();
        event.getMatchingRules().forEach(rule -> matchedRules.add(rule.getId()));
      }
    }));
    dmn = configuration.buildEngine();
    try (InputStream in = new FileInputStream("processes/complaint-routing.dmn")) {
      routing = dmn.parseDecision(RoutingRules.DECISION_KEY, in);
    }
  }

  @ParameterizedTest(name = "{0}: {1}/{2}/{3}/{4} -> {6} {7}")
  @CsvSource(nullValues = "-", value = {
      // rule,  category,         rank,          channel,        yearsLeft, expected rule, decision, forwardTo
      "not corruption,            OTHER,          DIRECTOR,      WEB,           -,  Rule_1, REJECT,  -",
      "referral back from NACC,   BRIBERY,        EXECUTIVE,     REFERRAL_NACC, -,  Rule_2, ACCEPT,  -",
      "referral back from PACC,   PROCUREMENT,    OPERATIONAL,   REFERRAL_PACC, -,  Rule_2, ACCEPT,  -",
      "director level,            BRIBERY,        DIRECTOR,      WEB,           -,  Rule_3, FORWARD, NACC",
      "executive level,           MISCONDUCT,     EXECUTIVE,     HOTLINE,       9,  Rule_3, FORWARD, NACC",
      "unusual wealth,            UNUSUAL_WEALTH, OPERATIONAL,   LETTER,        -,  Rule_4, FORWARD, NACC",
      "left office over 5 years,  BRIBERY,        OPERATIONAL,   WEB,           6,  Rule_5, ACCEPT,  -",
      "below director,            BRIBERY,        OPERATIONAL,   WEB,           -,  Rule_6, FORWARD, PACC",
      "below director at 5 years,   EMBEZZLEMENT,   OPERATIONAL,   WEB,           5,  Rule_6, FORWARD, PACC",
      "misconduct below director, MISCONDUCT,     OPERATIONAL,   VOLUNTEER_NETWORK, -, Rule_7, ACCEPT, -",
      "rank unknown,              PERSONNEL,      -,             WALK_IN,       -,  Rule_7, ACCEPT,  -"})
  void suggestsTheScreeningDecision(String rule, String category, String rank, String channel, Integer yearsLeft,
                                    String expectedRule, String decision, String forwardTo) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("category", category);
    facts.put("accusedRank", rank);
    facts.put("channel", channel);
    facts.put("yearsSinceLeftOffice", yearsLeft);

    DmnDecisionResultEntries result = dmn.evaluateDecision(routing, facts).getSingleResult();

    assertThat(matchedRules).first().isEqualTo(expectedRule);
    assertThat((String) result.getEntryMap().get("suggestedDecision")).isEqualTo(decision);
    assertThat((String) result.getEntryMap().get("suggestedForwardTo")).isEqualTo(forwardTo);
    assertThat((String) result.getEntryMap().get("suggestionReason")).contains(" / ");
  }
}

package th.go.integritydesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.integritydesk.screening.RoutingRules;

/** The decision tables' FEEL is parsed once per text and answers exactly as Camunda's own FEEL engine. */
@ProcessTest
class ParsedFeelExpressionsTest {

  @Autowired ProcessEngine engine;
  @Autowired DecisionService decisions;

  private final FeelEngine camunda = new ScalaFeelEngineFactory().createInstance();
  private final ParsedFeelExpressions.Engine parsing = new ParsedFeelExpressions.Engine(List.of());

  private static final VariableMap FACTS = Variables.createVariables()
      .putValue("category", "BRIBERY").putValue("amount", 3000).putValue("rank", "DIRECTOR")
      .putValue("years", 2).putValue("nothing", null);

  @Test
  void theEngineEvaluatesTheTablesWithTheParsingFeelEngine() {
    DefaultDmnEngineConfiguration dmn = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDmnEngineConfiguration();
    assertThat(dmn.getFeelEngine()).isInstanceOf(ParsedFeelExpressions.Engine.class);
    ParsedFeelExpressions.Parsing feel =
        (ParsedFeelExpressions.Parsing) ((ParsedFeelExpressions.Engine) dmn.getFeelEngine()).feel();

    Map<String, Object> director = Map.of("category", "BRIBERY", "accusedRank", "DIRECTOR", "channel", "WEB",
        "yearsSinceLeftOffice", 0);
    Map<String, Object> reject = Map.of("category", "OTHER", "accusedRank", "OPERATIONAL", "channel", "WEB",
        "yearsSinceLeftOffice", 0);
    var first = decisions.evaluateDecisionTableByKey(RoutingRules.DECISION_KEY, director).getSingleResult().getEntryMap();
    decisions.evaluateDecisionTableByKey(RoutingRules.DECISION_KEY, reject);
    int parsed = feel.remembered();
    assertThat(parsed).isPositive();

    var again = decisions.evaluateDecisionTableByKey(RoutingRules.DECISION_KEY, director).getSingleResult().getEntryMap();
    var rejected = decisions.evaluateDecisionTableByKey(RoutingRules.DECISION_KEY, reject).getSingleResult().getEntryMap();
    assertThat(feel.remembered()).as("nothing parsed a second time").isEqualTo(parsed);
    assertThat(again).isEqualTo(first);
    assertThat(rejected).containsEntry("suggestedDecision", "REJECT");
  }

  @Test
  void unaryTestsAnswerAsCamundasEngineDoesTheFirstTimeAndEveryTimeAfter() {
    for (String test : List.of("\"BRIBERY\"", "\"FRAUD\",\"BRIBERY\"", "not(\"BRIBERY\")", "-")) {
      for (int time = 0; time < 2; time++) {
        assertThat(parsing.evaluateSimpleUnaryTests(test, "category", FACTS.asVariableContext())).as(test)
            .isEqualTo(camunda.evaluateSimpleUnaryTests(test, "category", FACTS.asVariableContext()));
      }
    }
    for (String test : List.of("> 1000", "[1..3000]", "< 3000", "> years * 1000")) {
      for (int time = 0; time < 2; time++) {
        assertThat(parsing.evaluateSimpleUnaryTests(test, "amount", FACTS.asVariableContext())).as(test)
            .isEqualTo(camunda.evaluateSimpleUnaryTests(test, "amount", FACTS.asVariableContext()));
      }
    }
    // the same parsed test against other values: nothing of one evaluation stays in the parsed tree
    VariableMap other = Variables.createVariables().putValue("category", "FRAUD");
    assertThat(parsing.evaluateSimpleUnaryTests("\"BRIBERY\"", "category", FACTS.asVariableContext())).isTrue();
    assertThat(parsing.evaluateSimpleUnaryTests("\"BRIBERY\"", "category", other.asVariableContext())).isFalse();
  }

  @Test
  void expressionsAnswerAsCamundasEngineDoes() {
    for (String expression : List.of("category", "amount * 2", "\"ACCEPT\"", "years + 1 > 2", "nothing")) {
      for (int time = 0; time < 2; time++) {
        Object expected = camunda.evaluateSimpleExpression(expression, FACTS.asVariableContext());
        Object actual = parsing.evaluateSimpleExpression(expression, FACTS.asVariableContext());
        assertThat(actual).as(expression).isEqualTo(expected);
      }
    }
  }

  @Test
  void anExpressionThatDoesNotParseFailsEveryTimeAsItDoesInCamundasEngine() {
    String broken = "\"unterminated";
    assertThatThrownBy(() -> camunda.evaluateSimpleUnaryTests(broken, "category", FACTS.asVariableContext()))
        .isInstanceOf(FeelException.class);
    for (int time = 0; time < 2; time++) {
      assertThatThrownBy(() -> parsing.evaluateSimpleUnaryTests(broken, "category", FACTS.asVariableContext()))
          .isInstanceOf(FeelException.class).hasMessageContaining("failed to parse");
    }
  }
}

package th.go.integritydesk.process;

import camundajar.impl.scala.util.Either;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The decision tables' FEEL, parsed once per expression instead of on every evaluation.
 *
 * <p>Camunda's FEEL engine ({@link ScalaFeelEngine}) hands each input expression and each rule's test to the FEEL
 * engine as text, which parses it before evaluating it, every time. The routing table runs in every intake
 * (ADR 0012): the intake profile on H2 had 4% of the request threads' samples in the FEEL parser. Here the FEEL
 * engine keeps what it parsed, by the expression's text: a parsed expression is an immutable syntax tree, evaluated
 * against each call's own variables exactly as before. Everything else is Camunda's engine unchanged (its value
 * mappers, its context of variables, its error messages, external functions off), and the DMN engine's own settings
 * stay as the engine builds them. The cache holds at most {@value #MAX_EXPRESSIONS} texts (a deployment's tables
 * have a few hundred); past that, expressions are parsed as before.
 */
@Component
@Order(3)
public class ParsedFeelExpressions extends AbstractProcessEnginePlugin {

  static final int MAX_EXPRESSIONS = 10_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    if (dmn.getFeelEngineFactory() == null && !configuration.isDmnFeelEnableLegacyBehavior()) {
      // the function providers are read when the DMN engine is built, after every plugin's preInit
      dmn.setFeelEngineFactory(() -> new Engine(configuration.getDmnFeelCustomFunctionProviders()));
    }
  }

  /** Camunda's {@link ScalaFeelEngine}, built on the caching FEEL engine below. */
  static final class Engine extends ScalaFeelEngine {
    Engine(List<FeelCustomFunctionProvider> functionProviders) {
      super(functionProviders == null ? List.of() : functionProviders);
    }

    @Override
    protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
                                                          ValueMapper.CompositeValueMapper values) {
      // what ScalaFeelEngine builds (FeelEngine.Builder: these providers, external functions off, default clock)
      return new Parsing(functions, values);
    }

    org.camunda.feel.FeelEngine feel() {
      return feelEngine;
    }
  }

  /** The FEEL engine: its evaluation calls its own parse methods, which remember what they parsed. */
  static final class Parsing extends org.camunda.feel.FeelEngine {
    private final Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> expressions =
        new ConcurrentHashMap<>();
    private final Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> unaryTests =
        new ConcurrentHashMap<>();

    Parsing(CustomFunctionTransformer functions, ValueMapper values) {
      super(functions, values, new org.camunda.feel.FeelEngine.Configuration(false),
          org.camunda.feel.FeelEngine.defaultClock());
    }

    @Override
    public Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> parseExpression(String expression) {
      return parsed(expressions, expression, super::parseExpression);
    }

    @Override
    public Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> parseUnaryTests(String expression) {
      return parsed(unaryTests, expression, super::parseUnaryTests);
    }

    private static Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> parsed(
        Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> cache, String expression,
        Function<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> parser) {
      if (expression == null) {
        return parser.apply(null);
      }
      Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> parsed = cache.get(expression);
      if (parsed == null) {
        parsed = parser.apply(expression);
        if (cache.size() < MAX_EXPRESSIONS) {
          cache.putIfAbsent(expression, parsed);
        }
      }
      return parsed;
    }

    int remembered() {
      return expressions.size() + unaryTests.size();
    }
  }
}

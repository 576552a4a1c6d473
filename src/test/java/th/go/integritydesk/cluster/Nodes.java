package th.go.integritydesk.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import th.go.integritydesk.IntegrityDeskApplication;

/** Starts whole application nodes inside the test JVM, each with its own web server and job executor. */
final class Nodes {

  private Nodes() {}

  static ConfigurableApplicationContext start(String name, Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>(properties);
    all.put("server.port", 0);
    // a name of its own (letters and digits only: the starter falls back to "default" otherwise), so a node never
    // replaces or unregisters the engine of another application context in the same JVM
    all.put("camunda.bpm.process-engine-name", name.replaceAll("[^A-Za-z0-9]", ""));
    all.put("camunda.bpm.job-execution.enabled", true);
    all.put("camunda.bpm.job-execution.wait-time-in-millis", 200);
    all.put("camunda.bpm.job-execution.max-wait", 500);
    all.put("spring.application.name", name);
    // as command-line arguments: they outrank config/application.yaml, as an operator's overrides would
    String[] arguments = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    return new SpringApplicationBuilder(IntegrityDeskApplication.class).run(arguments);
  }

  static void waitUntil(Duration limit, String what, BooleanSupplier condition) {
    th.go.integritydesk.Eventually.within(limit, what, condition);
  }
}

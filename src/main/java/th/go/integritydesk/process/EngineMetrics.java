package th.go.integritydesk.process;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The engine's own metrics for Prometheus: activity instances, jobs executed and failed (the reported totals in the
 * database plus what this node has counted since its last report), and open incidents.
 */
@Component
public class EngineMetrics implements MeterBinder {

  private static final Map<String, String> COUNTERS = Map.of(
      Metrics.ACTIVTY_INSTANCE_START, "camunda.activity.instances.started",
      Metrics.ACTIVTY_INSTANCE_END, "camunda.activity.instances.ended",
      Metrics.JOB_SUCCESSFUL, "camunda.jobs.successful",
      Metrics.JOB_FAILED, "camunda.jobs.failed",
      Metrics.JOB_ACQUIRED_SUCCESS, "camunda.jobs.acquired",
      Metrics.EXECUTED_DECISION_ELEMENTS, "camunda.decision.elements.executed");

  private final ProcessEngine engine;

  public EngineMetrics(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    COUNTERS.forEach((camundaName, name) -> FunctionCounter.builder(name, engine, e -> total(e, camundaName))
        .description("Camunda engine metric " + camundaName).register(registry));
    Gauge.builder("camunda.incidents.open", engine, e -> e.getRuntimeService().createIncidentQuery().count())
        .description("Open incidents (failed jobs whose retries ran out, ...)").register(registry);
    Gauge.builder("camunda.jobs.waiting", engine, e -> e.getManagementService().createJobQuery().executable().count())
        .description("Jobs due and waiting for a job executor").register(registry);
  }

  private static double total(ProcessEngine engine, String name) {
    long reported = engine.getManagementService().createMetricsQuery().name(name).sum();
    Meter unreported = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getMetricsRegistry().getDbMeters().get(name);
    return reported + (unreported == null ? 0 : unreported.get());
  }
}

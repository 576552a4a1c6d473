package th.go.integritydesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import th.go.integritydesk.process.DisciplinaryAction;
import th.go.integritydesk.process.FactFinding;

/**
 * The build fails when the process tests of this run leave a process below 95% of its flow nodes or of its
 * sequence flows. It reads the reports that Camunda Process Test Coverage wrote during this run (one per test
 * class) and merges them per process, so coverage from every class that touches a process counts. It runs last
 * (junit-platform.properties orders classes by @Order) and writes its table to target/process-test-coverage/summary.txt.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageGateTest {

  private static final double MINIMUM = 0.95;
  private static final Path REPORTS = Paths.get("target", "process-test-coverage");
  private static final List<String> PROCESSES =
      List.of(ComplaintLifecycle.PROCESS_KEY, FactFinding.PROCESS_KEY, DisciplinaryAction.PROCESS_KEY,
          th.go.integritydesk.process.StaffNotification.PROCESS_KEY);

  @Test
  void everyProcessIsCoveredByItsTests() throws IOException {
    long thisRunStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
    Map<String, String> modelXml = new HashMap<>();
    Map<String, Set<String>> covered = new HashMap<>();
    try (Stream<Path> files = Files.walk(REPORTS)) {
      for (Path report : files.filter(p -> p.endsWith("report.json")).toList()) {
        if (Files.getLastModifiedTime(report).toMillis() < thisRunStarted) {
          continue; // left over from an earlier run
        }
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        json.get("models").forEach(m -> modelXml.put(m.get("key").asText(), m.get("xml").asText()));
        json.get("suites").forEach(suite -> suite.get("runs").forEach(run -> run.get("events").forEach(event ->
            covered.computeIfAbsent(event.get("modelKey").asText(), k -> new HashSet<>())
                .add(event.get("definitionKey").asText()))));
      }
    }
    StringBuilder table = new StringBuilder("process | flow nodes | sequence flows\n");
    Map<String, double[]> ratios = new HashMap<>();
    for (String process : PROCESSES) {
      assertThat(modelXml).as("coverage report of " + process + " from this run").containsKey(process);
      BpmnModelInstance model = Bpmn.readModelFromStream(
          new ByteArrayInputStream(modelXml.get(process).getBytes(StandardCharsets.UTF_8)));
      Set<String> hit = covered.getOrDefault(process, Set.of());
      double nodes = ratio(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList(), hit);
      double flows = ratio(model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId).toList(), hit);
      ratios.put(process, new double[] {nodes, flows});
      List<String> missed = Stream.concat(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId),
          model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId))
          .filter(id -> !hit.contains(id)).sorted().toList();
      table.append(String.format("%s | %.1f%% | %.1f%%%s%n", process, nodes * 100, flows * 100,
          missed.isEmpty() ? "" : " | not covered: " + String.join(", ", missed)));
    }
    Files.writeString(REPORTS.resolve("summary.txt"), table.toString());
    System.out.println("Process test coverage\n" + table);
    ratios.forEach((process, r) -> {
      assertThat(r[0]).as(process + " flow node coverage").isGreaterThanOrEqualTo(MINIMUM);
      assertThat(r[1]).as(process + " sequence flow coverage").isGreaterThanOrEqualTo(MINIMUM);
    });
  }

  private static double ratio(List<String> ids, Set<String> hit) {
    return ids.isEmpty() ? 1.0 : (double) ids.stream().filter(hit::contains).count() / ids.size();
  }
}

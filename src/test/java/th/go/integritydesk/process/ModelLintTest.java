package th.go.integritydesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;

/**
 * What Camunda Modeler's linter (bpmnlint, recommended rules) reports as an error, checked here without Node: a fork
 * with conditional flows has a condition or is the default on every flow out (rule {@code conditional-flows}). An
 * analyst opening a model sees no error.
 */
class ModelLintTest {

  @Test
  void everyFlowOutOfAConditionalForkHasAConditionOrIsTheDefault() throws IOException {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path path : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
          List<SequenceFlow> out = List.copyOf(node.getOutgoing());
          if (out.size() < 2 || out.stream().noneMatch(f -> f.getConditionExpression() != null)) {
            continue;
          }
          SequenceFlow byDefault = node instanceof ExclusiveGateway g ? g.getDefault()
              : node instanceof InclusiveGateway g ? g.getDefault() : null;
          for (SequenceFlow flow : out) {
            if (flow.getConditionExpression() == null && flow != byDefault) {
              problems.add(path.getFileName() + ": " + flow.getId() + " (out of " + node.getId() + ")");
            }
          }
          if (!(node instanceof Gateway)) {
            problems.add(path.getFileName() + ": " + node.getId() + " forks with conditions without a gateway");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}

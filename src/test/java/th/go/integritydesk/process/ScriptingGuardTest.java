package th.go.integritydesk.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A model that carries a script cannot be deployed. */
@ProcessTest
class ScriptingGuardTest {

  @Autowired RepositoryService repository;

  @Test
  void scriptTasksAreRefused() {
    var scripted = Bpmn.createExecutableProcess("scripted").camundaHistoryTimeToLive(1)
        .startEvent().scriptTask().scriptFormat("javascript").scriptText("java.lang.System.exit(1)").endEvent().done();
    assertThatThrownBy(() -> repository.createDeployment().addModelInstance("scripted.bpmn", scripted).deploy())
        .hasStackTraceContaining("Scripts are switched off");
  }

  @Test
  void scriptConditionsAreRefused() {
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="script-condition" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="end">
              <conditionExpression xsi:type="tFormalExpression" language="groovy">true</conditionExpression>
            </sequenceFlow>
            <endEvent id="end" />
          </process>
        </definitions>""".strip();
    assertThatThrownBy(() -> repository.createDeployment().addString("script-condition.bpmn", model).deploy())
        .hasStackTraceContaining("Scripts are switched off");
  }
}

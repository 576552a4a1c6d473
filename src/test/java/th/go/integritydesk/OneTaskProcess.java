package th.go.integritydesk;

/**
 * A process of one user task for the screening group, as BPMN text to deploy through {@code /engine-rest}: the bare
 * start the benchmarks compare intake with, and the officers' process of the crash test.
 */
public final class OneTaskProcess {

  private OneTaskProcess() {}

  public static String bpmn(String processId, String name) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="%1$s-definitions"
            targetNamespace="http://integrity-desk/tests">
          <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
            <bpmn:userTask id="task" name="Task" camunda:candidateGroups="screening">
              <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
            <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(processId, name).strip();
  }
}

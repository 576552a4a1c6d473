package th.go.integritydesk.process;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Adds an execution listener to every process the engine parses, at the process level (a plugin's preInit calls it). */
public final class EveryProcess {

  private EveryProcess() {}

  public static void listen(ProcessEngineConfigurationImpl configuration, String event, ExecutionListener listener) {
    EveryUserTask.parseListeners(configuration).add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity process) {
        ((ScopeImpl) process).addListener(event, listener);
      }
    });
  }
}

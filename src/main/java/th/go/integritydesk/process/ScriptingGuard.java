package th.go.integritydesk.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Scripting in models is switched off: a deployment with a script task, a script listener, a script condition or a
 * script input/output mapping is refused. Every automated step is a reviewed Java delegate; a model that an analyst
 * (or an attacker with deployment rights) edits cannot run code.
 */
@Component
@Order(0)
public class ScriptingGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        refuseScripts(processElement, processDefinition.getKey());
      }
    });
    configuration.setEnableScriptEngineLoadExternalResources(false);
  }

  static void refuseScripts(Element element, String processKey) {
    String tag = element.getTagName();
    if (tag.equals("scriptTask") || tag.equals("script") || element.attribute("language") != null
        || element.attributeNS(org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "resource") != null
        && tag.equals("script")) {
      throw new ProcessEngineException("Scripts are switched off in integrity-desk: element <" + tag + "> in process '"
          + processKey + "' must be a Java delegate or an expression");
    }
    for (Element child : element.elements()) {
      refuseScripts(child, processKey);
    }
  }
}

package th.go.integritydesk.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * How long the history of a finished case is kept (PDPA: only as long as needed), per process from
 * {@code integrity-desk.history.*}: a default for every definition (DMN included) and an override per
 * process key. The value comes from the settings, not from the models, so operators change retention
 * without redeploying a model.
 */
@Component
@Order(2)
@ConfigurationProperties(prefix = "integrity-desk.history")
public class HistoryTimeToLive extends AbstractProcessEnginePlugin {

  private int defaultTimeToLiveDays = 1825;
  private Map<String, Integer> timeToLiveDays = new HashMap<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryTimeToLive(Integer.toString(defaultTimeToLiveDays));
    List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new java.util.ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.setHistoryTimeToLive(daysFor(processDefinition.getKey()));
      }
    });
  }

  /**
   * Settings changed since a model was deployed apply to the versions already in the database too. The definitions
   * are read with the engine's query criteria directly: the public query's {@code list()} also loads each model
   * through the BPMN model API to fill in its documentation, which on every start-up built the model API's schema
   * validator and parsed every deployed model (a third of a second on the main thread, for a text not used here).
   */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    RepositoryService repository = processEngine.getRepositoryService();
    List<ProcessDefinition> definitions = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(context -> context.getProcessDefinitionManager()
            .findProcessDefinitionsByQueryCriteria(new ProcessDefinitionQueryImpl(), new Page(0, Integer.MAX_VALUE)));
    for (ProcessDefinition definition : definitions) {
      int days = daysFor(definition.getKey());
      if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
      }
    }
  }

  public int daysFor(String processDefinitionKey) {
    return timeToLiveDays.getOrDefault(processDefinitionKey, defaultTimeToLiveDays);
  }

  public int getDefaultTimeToLiveDays() { return defaultTimeToLiveDays; }
  public void setDefaultTimeToLiveDays(int days) { this.defaultTimeToLiveDays = days; }
  public Map<String, Integer> getTimeToLiveDays() { return timeToLiveDays; }
  public void setTimeToLiveDays(Map<String, Integer> days) { this.timeToLiveDays = days; }
}

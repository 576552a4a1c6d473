package th.go.integritydesk.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
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

  /** Settings changed since a model was deployed apply to the versions already in the database too. */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    RepositoryService repository = processEngine.getRepositoryService();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
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

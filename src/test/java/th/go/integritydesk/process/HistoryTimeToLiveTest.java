package th.go.integritydesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The retention setting reaches definitions deployed before it changed, at the next start. */
@ProcessTest
class HistoryTimeToLiveTest {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired HistoryTimeToLive historyTimeToLive;

  @Test
  void aStartSetsEveryDeployedDefinitionToTheSetting() {
    Deployment deployment = repository.createDeployment().name("retention-check").addModelInstance("retention.bpmn",
        Bpmn.createExecutableProcess("retention-check").camundaHistoryTimeToLive(1).startEvent().endEvent().done())
        .deploy();
    try {
      ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId())
          .singleResult();
      int setting = historyTimeToLive.daysFor("retention-check");
      assertThat(definition.getHistoryTimeToLive()).as("set from the settings when deployed").isEqualTo(setting);
      // as if deployed under an earlier setting
      repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), 7);
      String complaints = repository.createProcessDefinitionQuery()
          .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY).latestVersion().singleResult().getId();
      repository.updateProcessDefinitionHistoryTimeToLive(complaints, 9);

      historyTimeToLive.postProcessEngineBuild(engine);

      assertThat(repository.getProcessDefinition(definition.getId()).getHistoryTimeToLive()).isEqualTo(setting);
      assertThat(repository.getProcessDefinition(complaints).getHistoryTimeToLive())
          .isEqualTo(historyTimeToLive.daysFor(ComplaintLifecycle.PROCESS_KEY));
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }
}

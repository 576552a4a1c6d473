package th.go.integritydesk.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The fields of the Camunda Form a task (or a process's start event) references by {@code camunda:formRef}, read
 * from the deployed .form resource and cached per deployed form (a deployment never changes). Lookups run without
 * the caller's identity: the gate must know the form even for a task the caller cannot see (the engine then answers
 * the call itself with 404 or 403).
 */
@Component
public class DeployedForms {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ProcessEngine engine;
  private final Map<String, FormFields> byFormDefinition = new ConcurrentHashMap<>();

  public DeployedForms(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Whether a task with this id exists at all, whoever may see it. */
  public boolean taskExists(String taskId) {
    return asSystem(() -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 1);
  }

  /** The process definition with this id, or the latest of this key. */
  public Optional<ProcessDefinition> processDefinition(String id, String key) {
    RepositoryService repository = engine.getRepositoryService();
    return asSystem(() -> id != null
        ? repository.createProcessDefinitionQuery().processDefinitionId(id).list().stream().findFirst()
        : repository.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId().latestVersion()
            .list().stream().findFirst());
  }

  /**
   * The fields of the task's form; empty when the caller cannot see the task (the engine then answers 404 or 403,
   * so the gate tells nobody whether a task exists).
   */
  public Optional<FormFields> ofTask(String taskId, String userId, java.util.List<String> groups) {
    IdentityService identity = engine.getIdentityService();
    Authentication before = identity.getCurrentAuthentication();
    boolean visible;
    try {
      identity.setAuthentication(userId, groups);
      visible = engine.getTaskService().createTaskQuery().taskId(taskId).count() == 1;
    } finally {
      identity.clearAuthentication();
      if (before != null) {
        identity.setAuthentication(before);
      }
    }
    if (!visible) {
      return Optional.empty();
    }
    return asSystem(() -> {
      Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      if (task == null) {
        return Optional.empty();
      }
      CamundaFormRef ref = task.getCamundaFormRef();
      if (ref == null || task.getProcessDefinitionId() == null) {
        return Optional.of(FormFields.none("task " + task.getTaskDefinitionKey()));
      }
      String deploymentId = engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId())
          .getDeploymentId();
      return Optional.of(fields(ref, deploymentId));
    });
  }

  /** The fields of the start form of this process definition. */
  public FormFields ofStart(ProcessDefinition definition) {
    return asSystem(() -> {
      FormService forms = engine.getFormService();
      CamundaFormRef ref = forms.getStartFormData(definition.getId()).getCamundaFormRef();
      return ref == null ? FormFields.none("start of " + definition.getKey()) : fields(ref, definition.getDeploymentId());
    });
  }

  private FormFields fields(CamundaFormRef ref, String deploymentId) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    CamundaFormDefinition form = configuration.getCommandExecutorTxRequired()
        .execute(new GetCamundaFormDefinitionCmd(ref, deploymentId));
    if (form == null) {
      return FormFields.none("form " + ref.getKey());
    }
    return byFormDefinition.computeIfAbsent(form.getId(), id -> {
      try (InputStream in = engine.getRepositoryService().getResourceAsStream(form.getDeploymentId(),
          form.getResourceName())) {
        JsonNode json = JSON.readTree(in);
        return FormFields.parse(json);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the deployed form " + form.getResourceName(), e);
      }
    });
  }

  /** Runs a lookup without the caller's identity (and its authorization checks), then restores it. */
  private <T> T asSystem(Supplier<T> lookup) {
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return lookup.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}

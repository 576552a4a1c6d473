package th.go.integritydesk.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN, DMN and Camunda Forms of {@code processes/} under stable names relative to that folder,
 * so a restart with unchanged models creates no new versions, whether the app runs from the jar, from
 * {@code spring-boot:run} or from a test (the starter's own auto-deployment names resources by absolute path).
 */
@Component
@Order(1)
public class ProcessModelDeployment extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "integrity-desk";
  private static final String ROOT = "processes/";
  private static final String[] PATTERNS = {"*.bpmn", "*.dmn", "forms/*.form"};
  private static final Logger LOG = LoggerFactory.getLogger(ProcessModelDeployment.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    DeploymentBuilder deployment = processEngine.getRepositoryService().createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(true);
    int count = 0;
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources("classpath:" + ROOT + pattern)) {
          String name = pattern.startsWith("forms/") ? "forms/" + resource.getFilename() : resource.getFilename();
          try (InputStream in = resource.getInputStream()) {
            deployment.addInputStream(name, new java.io.ByteArrayInputStream(in.readAllBytes()));
            count++;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the process models under " + ROOT, e);
    }
    if (count == 0) {
      throw new IllegalStateException("No process models found under classpath:" + ROOT);
    }
    var result = deployment.deployWithResult();
    LOG.info("Deployed {} process resources as '{}' ({} new process definitions)", count, DEPLOYMENT_NAME,
        result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size());
  }
}

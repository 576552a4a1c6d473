package th.go.integritydesk.gate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import th.go.integritydesk.casefile.TaskComments;

/**
 * The gate runs right after the engine REST API's authentication (order 1, EngineRestAuthentication). The engine is
 * looked up lazily: filters are created when the web server starts, before Flyway has migrated the database.
 */
@Configuration
public class EngineGateRegistration {

  @Bean
  public FilterRegistrationBean<EngineGate> engineGate(@Lazy IdentityService identity, @Lazy TaskService tasks, @Lazy DeployedForms forms,
                                                       MessageSource messages, @Lazy TaskComments comments) {
    FilterRegistrationBean<EngineGate> registration = new FilterRegistrationBean<>(
        new EngineGate(identity, tasks, forms, messages, comments));
    registration.setName("engine-gate");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(2);
    return registration;
  }
}

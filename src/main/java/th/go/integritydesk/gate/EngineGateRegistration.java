package th.go.integritydesk.gate;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gate runs right after the engine REST API's authentication (order 1, EngineRestAuthentication). */
@Configuration
public class EngineGateRegistration {

  @Bean
  public FilterRegistrationBean<EngineGate> engineGate(IdentityService identity, DeployedForms forms,
                                                       MessageSource messages) {
    FilterRegistrationBean<EngineGate> registration = new FilterRegistrationBean<>(new EngineGate(identity, forms, messages));
    registration.setName("engine-gate");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(2);
    return registration;
  }
}

package th.go.integritydesk.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebConfiguration implements WebMvcConfigurer {

  private final StaffAuthentication staffAuthentication;

  public WebConfiguration(StaffAuthentication staffAuthentication) {
    this.staffAuthentication = staffAuthentication;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(staffAuthentication);
  }
}

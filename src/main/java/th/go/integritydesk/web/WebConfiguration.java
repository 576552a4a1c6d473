package th.go.integritydesk.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebConfiguration implements WebMvcConfigurer {

  private final StaffAuthentication staffAuthentication;
  private final PublicReadLimit publicReadLimit;

  public WebConfiguration(StaffAuthentication staffAuthentication, PublicReadLimit publicReadLimit) {
    this.staffAuthentication = staffAuthentication;
    this.publicReadLimit = publicReadLimit;
  }

  @Override
  public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
    registry.addInterceptor(publicReadLimit).addPathPatterns(PublicReadLimit.PATHS);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(staffAuthentication);
  }
}

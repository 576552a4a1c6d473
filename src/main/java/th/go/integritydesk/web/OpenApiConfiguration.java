package th.go.integritydesk.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of our own endpoints at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration
public class OpenApiConfiguration {

  @Bean
  public OpenAPI integrityDeskApi() {
    return new OpenAPI()
        .info(new Info().title("integrity-desk API")
            .description("Public intake and follow-up of corruption complaints, and staff case files. The engine's own"
                + " REST API is at /engine-rest (Camunda 7 REST reference).")
            .version("1"))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
  }
}

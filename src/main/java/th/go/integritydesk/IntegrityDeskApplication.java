package th.go.integritydesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IntegrityDeskApplication {

  public static void main(String[] args) {
    SpringApplication.run(IntegrityDeskApplication.class, args);
  }
}

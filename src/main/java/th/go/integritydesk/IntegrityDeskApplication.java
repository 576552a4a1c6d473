package th.go.integritydesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IntegrityDeskApplication {

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("master-key")) {
      // the operator's key commands run without the application (README, Keys)
      System.out.println(th.go.integritydesk.storage.MasterKeyTool.run(args));
      return;
    }
    SpringApplication.run(IntegrityDeskApplication.class, args);
  }
}

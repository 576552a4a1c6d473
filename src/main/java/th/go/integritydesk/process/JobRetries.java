package th.go.integritydesk.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Retry spacing of the asynchronous steps that talk to the outside world ({@code ${jobRetries.outboundCycle}}
 * in the models): when the retries run out the job becomes an incident in Cockpit, never a lost step.
 */
@Component("jobRetries")
@ConfigurationProperties(prefix = "integrity-desk.jobs")
public class JobRetries {

  private String outboundCycle = "R5/PT10M";

  public String getOutboundCycle() { return outboundCycle; }
  public void setOutboundCycle(String outboundCycle) { this.outboundCycle = outboundCycle; }
}

package th.go.integritydesk.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Retry spacing of the asynchronous steps that talk to the outside world ({@code ${jobRetries.outboundCycle}}
 * in the models), bound from {@code integrity-desk.jobs.outbound-retry-cycle}: when the retries run out the job
 * becomes an incident in Cockpit, never a lost step.
 */
@Component("jobRetries")
@ConfigurationProperties(prefix = "integrity-desk.jobs")
public class JobRetries {

  private String outboundRetryCycle = "R5/PT10M";

  /** What the models read. */
  public String getOutboundCycle() { return outboundRetryCycle; }

  public String getOutboundRetryCycle() { return outboundRetryCycle; }
  public void setOutboundRetryCycle(String outboundRetryCycle) { this.outboundRetryCycle = outboundRetryCycle; }
}

package th.go.integritydesk.investigation;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import th.go.integritydesk.intake.Complaints;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.screening.Agency;

/** Fact-finding found a criminal or corruption matter: it goes to NACC, which has jurisdiction over it. */
@Component("referCriminalMatter")
public class ReferCriminalMatter implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ReferCriminalMatter.class);
  private final Complaints complaints;

  public ReferCriminalMatter(Complaints complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String trackingNumber = CaseKey.of(execution);
    complaints.recordForwarding(trackingNumber, Agency.NACC.name());
    LOG.info("Complaint {} referred to NACC as a criminal or corruption matter", trackingNumber);
  }
}

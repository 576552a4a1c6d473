package th.go.integritydesk.screening;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import th.go.integritydesk.intake.Complaints;
import th.go.integritydesk.process.Bilingual;
import th.go.integritydesk.notification.ComplainantMessages.Kind;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.process.CaseKey;
import th.go.integritydesk.process.Vars;

/** Records that the case goes to the body with jurisdiction and tells the complainant where it went. */
@Component("forwardToAgency")
public class ForwardToAgency implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ForwardToAgency.class);
  private final Complaints complaints;
  private final ComplainantMessages messages;

  public ForwardToAgency(Complaints complaints, ComplainantMessages messages) {
    this.complaints = complaints;
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String trackingNumber = CaseKey.of(execution);
    Agency agency = Agency.valueOf(Vars.text(execution, FORWARD_TO));
    String otherName = Vars.text(execution, FORWARD_AGENCY_NAME);
    String recorded = agency == Agency.OTHER_AGENCY && otherName != null ? otherName : agency.name();
    complaints.recordForwarding(trackingNumber, recorded);
    boolean named = agency == Agency.OTHER_AGENCY && otherName != null;
    String thai = named ? otherName : Bilingual.thai(agency.nameKey());
    String english = named ? otherName : Bilingual.english(agency.nameKey());
    messages.post(trackingNumber, Kind.FORWARDED,
        Bilingual.thai("complainant.forwarded", thai), Bilingual.english("complainant.forwarded", english));
    LOG.info("Complaint {} forwarded to {}", trackingNumber, recorded);
  }
}

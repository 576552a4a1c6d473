package th.go.integritydesk.intake;

import static th.go.integritydesk.process.ComplaintLifecycle.Variables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import th.go.integritydesk.process.TaskInput;
import th.go.integritydesk.process.ThaiDates;

/**
 * Receipt: gives the case its tracking number (the business key) and keeps the complaint's record in the
 * application's table. A complaint taken in by the intake API is already stored under its business key;
 * one recorded by an intake officer through the Tasklist start form is stored here, in the start transaction.
 * The body of the complaint leaves the process; only what routing and the forms need stays.
 */
@Component("registerComplaint")
public class RegisterComplaint implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterComplaint.class);
  private final Complaints complaints;

  public RegisterComplaint(Complaints complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String trackingNumber = execution.getProcessBusinessKey();
    if (trackingNumber == null || trackingNumber.isBlank()) {
      trackingNumber = complaints.register(recordedComplaint(execution));
      execution.setProcessBusinessKey(trackingNumber);
    } else if (!complaints.exists(trackingNumber)) {
      throw TaskInput.invalid("businessKey", "refusal.unknownBusinessKey");
    }
    execution.setVariable(TRACKING_NUMBER, trackingNumber);
    execution.setVariable(RECEIVED_AT, org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
    Complaints.Routing recorded = complaints.routing(trackingNumber);
    execution.setVariable(CHANNEL, recorded.channel());
    execution.setVariable(NACC_FINDING_OF_FAULT, recorded.naccFindingOfFault());
    execution.setVariable(ACCUSED_UNIT, recorded.accusedUnit());
    for (String kept : new String[] {ACCUSED_NAME, ACCUSED_POSITION, INCIDENT_DATE, LOCATION, REFERENCE_NUMBER,
        VOLUNTEER_CODE}) {
      execution.removeVariable(kept);
    }
    LOG.info("Complaint {} registered", trackingNumber);
  }

  private static Complaint recordedComplaint(DelegateExecution execution) {
    TaskInput in = TaskInput.of(execution);
    return new Complaint(
        in.requiredEnum(CHANNEL, Channel.class),
        in.requiredEnum(CATEGORY, Category.class),
        in.requiredText(SUBJECT, 200),
        in.requiredText(DESCRIPTION, 10000),
        in.text(ACCUSED_NAME),
        in.text(ACCUSED_POSITION),
        in.requiredText(ACCUSED_UNIT, 200),
        in.requiredEnum(ACCUSED_RANK, Rank.class),
        date(in.text(INCIDENT_DATE)),
        in.text(LOCATION),
        amount(execution.getVariable(AMOUNT_INVOLVED)),
        years(execution.getVariable(YEARS_SINCE_LEFT_OFFICE)),
        in.flag(NACC_FINDING_OF_FAULT),
        in.text(VOLUNTEER_CODE),
        in.text(REFERENCE_NUMBER),
        recordedBy(execution));
  }

  /** The intake officer who submitted the start form: the engine's authenticated user, not a variable. */
  private static String recordedBy(DelegateExecution execution) {
    org.camunda.bpm.engine.impl.identity.Authentication user =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  private static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      if (date.isAfter(LocalDate.now(th.go.integritydesk.process.ThaiDates.BANGKOK))) {
        throw TaskInput.invalid(INCIDENT_DATE, "PastOrPresent");
      }
      return date;
    } catch (DateTimeParseException e) {
      throw TaskInput.invalid(INCIDENT_DATE, "refusal.date");
    }
  }

  private static BigDecimal amount(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      BigDecimal amount = new BigDecimal(value.toString().trim());
      if (amount.signum() < 0) {
        throw TaskInput.invalid(AMOUNT_INVOLVED, "refusal.negative");
      }
      return amount;
    } catch (NumberFormatException e) {
      throw TaskInput.invalid(AMOUNT_INVOLVED, "refusal.number");
    }
  }

  private static Integer years(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      int years = (int) Math.floor(Double.parseDouble(value.toString().trim()));
      if (years < 0 || years > 100) {
        throw TaskInput.invalid(YEARS_SINCE_LEFT_OFFICE, "refusal.between", "0", "100");
      }
      return years;
    } catch (NumberFormatException e) {
      throw TaskInput.invalid(YEARS_SINCE_LEFT_OFFICE, "refusal.number");
    }
  }
}

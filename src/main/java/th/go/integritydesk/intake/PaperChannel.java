package th.go.integritydesk.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import th.go.integritydesk.notification.ComplainantMail;
import th.go.integritydesk.process.CaseKey;

/**
 * Whether what the process tells the complainant must also go out as a letter (ADR 0015): they gave a postal address
 * and no usable e-mail. Set as a transient variable by the step that tells them, for the gateway right after it in the
 * same transaction, and never stored (how a complainant can be reached is the record's, not the case's).
 */
@Component
public class PaperChannel {

  private final ComplainantMail mail;
  private final ComplainantIdentities identities;

  public PaperChannel(ComplainantMail mail, ComplainantIdentities identities) {
    this.mail = mail;
    this.identities = identities;
  }

  /** Only a letter reaches the case's complainant. */
  public boolean byPostOnly(String trackingNumber) {
    return !mail.canBeMailed(trackingNumber) && identities.hasAddress(trackingNumber);
  }

  /** Decides the next gateway's postal branch: {@code variable} true when only a letter reaches the complainant. */
  public void decide(DelegateExecution execution, String variable) {
    execution.setVariable(variable, Variables.booleanValue(byPostOnly(CaseKey.of(execution)), true));
  }
}

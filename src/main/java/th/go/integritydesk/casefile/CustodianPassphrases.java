package th.go.integritydesk.casefile;

import org.springframework.stereotype.Component;
import th.go.integritydesk.intake.TrackingNumbers;
import th.go.integritydesk.storage.Custodians;
import th.go.integritydesk.web.StaffUser;

/**
 * A custodian's passphrase asked for something of a case (the identity, a complainant letter, a sealed original):
 * opened with {@link Custodians}, and a missing, wrong or locked-out passphrase is recorded on the case as a refused
 * read before the refusal answers (400, 403, 429).
 */
@Component
public class CustodianPassphrases {

  private final Custodians custodians;
  private final CaseReads reads;

  public CustodianPassphrases(Custodians custodians, CaseReads reads) {
    this.custodians = custodians;
    this.reads = reads;
  }

  public Custodians.Unlocked unlock(StaffUser user, String trackingNumber, NeedToKnow.What what, String passphrase) {
    try {
      return custodians.unlock(user.id(), passphrase);
    } catch (RuntimeException refused) {
      String number = trackingNumber == null ? "" : trackingNumber.strip();
      if (number.matches(TrackingNumbers.PATTERN)) {
        reads.record(number, user.id(), what, null, false);
      }
      throw refused;
    }
  }
}

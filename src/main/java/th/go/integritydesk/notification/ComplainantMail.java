package th.go.integritydesk.notification;

import th.go.integritydesk.storage.SealedStore;
import th.go.integritydesk.process.Bilingual;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import th.go.integritydesk.process.ThaiDates;

/**
 * E-mail to a complainant who left an address and agreed to be contacted: the same words as the status page, Thai
 * first then English, never naming the accused or their penalty. The address is read from the identity table here,
 * used for this mail only, and never written to a process variable or a log line.
 */
@Service
public class ComplainantMail {

  private final JdbcClient jdbc;
  private final SealedStore sealed;
  private final Mailer mailer;

  public ComplainantMail(JdbcClient jdbc, Mailer mailer, SealedStore sealed) {
    this.jdbc = jdbc;
    this.sealed = sealed;
    this.mailer = mailer;
  }

  /**
   * Whether a mail to the complainant of this case would go out: mail is on, and they left an address and agreed to
   * be contacted. Answers yes or no only; the address stays here.
   */
  public boolean canBeMailed(String trackingNumber) {
    return address(trackingNumber).isPresent();
  }

  /** Mails the complainant of a case, once per {@code kind} and {@code occurrence}. */
  public void send(String trackingNumber, String kind, String occurrence, String thai, String english) {
    Optional<String> address = address(trackingNumber);
    if (address.isEmpty()) {
      return;
    }
    String today = ThaiDates.thai(ClockUtil.getCurrentTime().toInstant());
    String todayEnglish = ThaiDates.english(ClockUtil.getCurrentTime().toInstant());
    String body = Bilingual.thai("mail.complainant.body", thai, today)
        + "\n\n----\n\n" + Bilingual.english("mail.complainant.body", english, todayEnglish);
    String id = (trackingNumber + "." + kind + "." + occurrence).replaceAll("[^A-Za-z0-9.-]", "-");
    mailer.send(new Mailer.Mail(id + "@integrity-desk",
        address.get(), Bilingual.thai("mail.complainant.subject", trackingNumber) + " / "
        + Bilingual.english("mail.complainant.subject", trackingNumber), body));
  }

  private Optional<String> address(String trackingNumber) {
    if (!mailer.isEnabled() || trackingNumber == null) {
      return Optional.empty();
    }
    return jdbc.sql("""
            SELECT i.email_sealed, i.email FROM complainant_identity i
            JOIN complaint c ON c.tracking_number = i.tracking_number
            WHERE i.tracking_number = ? AND c.consent_to_contact = TRUE AND (i.has_email OR i.email IS NOT NULL)""")
        .param(trackingNumber)
        .query((rs, i) -> sealed.openText(trackingNumber, SealedStore.Purpose.CONTACT, rs.getBytes(1))
            .orElse(rs.getString(2)))
        .optional().filter(email -> email != null);
  }
}

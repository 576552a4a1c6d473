package th.go.integritydesk.notification;

import th.go.integritydesk.process.Bilingual;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends an e-mail once per Message-ID. Called from asynchronous engine steps: if the SMTP server refuses, the step
 * fails and the engine retries it (an incident in Cockpit when the retries run out); if the mail went out but the
 * step failed afterwards, the retry finds the Message-ID recorded and sends nothing.
 */
@Component
@ConfigurationProperties(prefix = "integrity-desk.mail")
public class Mailer {

  public record Mail(String messageId, String to, String subject, String body) {}

  private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
  private final JavaMailSender sender;
  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private boolean enabled = false;
  private String from = "no-reply@integrity-desk.invalid";
  private String fromName = Bilingual.both("agency");

  public Mailer(JavaMailSender sender, JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.sender = sender;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Sends unless already sent; returns whether a mail went out now. */
  public boolean send(Mail mail) {
    if (!enabled) {
      return false;
    }
    if (alreadySent(mail.messageId())) {
      LOG.info("Mail {} was already sent; not sending it again", mail.messageId());
      return false;
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      message.setFrom(new InternetAddress(from, fromName, "UTF-8"));
      message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.to()));
      message.setSubject(mail.subject(), "UTF-8");
      message.setText(mail.body(), "UTF-8");
      message.saveChanges();
      message.setHeader("Message-ID", "<" + mail.messageId() + ">");
      sender.send(message);
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new MailNotSent("Cannot build mail " + mail.messageId() + ": " + scrub(e, mail.to()));
    } catch (MailException e) {
      throw new MailNotSent("The mail server did not accept mail " + mail.messageId() + ": " + scrub(e, mail.to()));
    }
    ownTransaction.executeWithoutResult(status -> jdbc.sql("INSERT INTO mail_sent (message_id, sent_at) VALUES (?, ?)")
        .params(mail.messageId(), th.go.integritydesk.process.EngineClock.now()).update());
    LOG.info("Mail {} sent", mail.messageId());
    return true;
  }

  /**
   * A mail that did not go out. It carries no cause: the engine stores the whole chain (job exception, job log,
   * incident) and logs it, and mail servers echo the recipient back ("550 5.1.1 &lt;address&gt;: Recipient address
   * rejected"); only the scrubbed reply reaches the engine.
   */
  public static class MailNotSent extends RuntimeException {
    public MailNotSent(String message) {
      super(message);
    }
  }

  private static final java.util.regex.Pattern ADDRESS =
      java.util.regex.Pattern.compile("[^\\s<>()\\[\\]\"',;:]+@[^\\s<>()\\[\\]\"',;:]+");

  /** What the outside system answered, every e-mail address (and the recipient, however written) withheld. */
  static String scrub(Throwable failure, String recipient) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null && text.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        text.append(text.length() == 0 ? "" : " / ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
      }
      if (t instanceof MessagingException messaging && messaging.getNextException() != null && t.getCause() == null) {
        t = messaging.getNextException();
        text.append(" / ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
      }
    }
    String scrubbed = ADDRESS.matcher(text).replaceAll("[address withheld]");
    if (recipient != null && !recipient.isBlank()) {
      scrubbed = scrubbed.replace(recipient, "[address withheld]");
      String local = recipient.contains("@") ? recipient.substring(0, recipient.indexOf('@')) : recipient;
      if (local.length() >= 3) {
        scrubbed = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(local), java.util.regex.Pattern.CASE_INSENSITIVE)
            .matcher(scrubbed).replaceAll("[address withheld]");
      }
    }
    scrubbed = scrubbed.replaceAll("[\\r\\n]+", " ");
    return scrubbed.length() > 500 ? scrubbed.substring(0, 500) + "…" : scrubbed;
  }

  public boolean alreadySent(String messageId) {
    return jdbc.sql("SELECT COUNT(*) FROM mail_sent WHERE message_id = ?").param(messageId).query(Integer.class).single() > 0;
  }

  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
  public String getFrom() { return from; }
  public void setFrom(String from) { this.from = from; }
  public String getFromName() { return fromName; }
  public void setFromName(String fromName) { this.fromName = fromName; }
}

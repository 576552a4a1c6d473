package th.go.integritydesk.notification;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A text from messages*.properties in both languages, for what the application writes to people outside a web
 * request (messages on the status page, mails): Thai first, English second.
 */
@Component
public class Bilingual {

  public static final Locale THAI = Locale.forLanguageTag("th");

  private final MessageSource messages;

  public Bilingual(MessageSource messages) {
    this.messages = messages;
  }

  public String thai(String key, Object... args) {
    return messages.getMessage(key, args, THAI);
  }

  public String english(String key, Object... args) {
    return messages.getMessage(key, args, Locale.ENGLISH);
  }
}

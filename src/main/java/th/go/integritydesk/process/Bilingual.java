package th.go.integritydesk.process;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The one vocabulary: every word people read is in messages.properties (English) and messages_th.properties (Thai).
 * This is the application's MessageSource (pages, problem responses, mails) and, for what the application writes
 * outside a web request (messages on the status page, mails, task-form refusals, Tasklist's group and filter names,
 * seeded in static places such as engine plugins), a text in one language or both: Thai first, English second.
 */
@Configuration(proxyBeanMethods = false)
public class Bilingual {

  public static final Locale THAI = Locale.forLanguageTag("th");

  private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

  static {
    MESSAGES.setBasename("messages");
    MESSAGES.setDefaultEncoding("UTF-8");
    // a locale without its own file reads messages.properties (English), never the server's locale
    MESSAGES.setFallbackToSystemLocale(false);
  }

  /** The same texts for pages and problem responses (replaces Spring Boot's spring.messages.* message source). */
  @Bean
  static MessageSource messageSource() {
    return MESSAGES;
  }

  public static String thai(String key, Object... args) {
    return MESSAGES.getMessage(key, args, THAI);
  }

  public static String english(String key, Object... args) {
    return MESSAGES.getMessage(key, args, Locale.ENGLISH);
  }

  /** "ไทย / English" in one string, for a text with no reader's locale (a Camunda group or filter, a refusal). */
  public static String both(String key, Object... args) {
    return thai(key, args) + " / " + english(key, args);
  }
}

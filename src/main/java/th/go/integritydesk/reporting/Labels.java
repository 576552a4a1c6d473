package th.go.integritydesk.reporting;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Words of the reports, pages and workbooks from messages*.properties, in Thai or English. */
@Component
class Labels {

  static final Locale THAI = Locale.forLanguageTag("th");
  private static final DateTimeFormatter MONTH_TH = DateTimeFormatter.ofPattern("MMMM", Locale.forLanguageTag("th-TH"));
  private static final DateTimeFormatter MONTH_EN = DateTimeFormatter.ofPattern("MMMM", Locale.ENGLISH);

  private final MessageSource messages;

  Labels(MessageSource messages) {
    this.messages = messages;
  }

  String text(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  /** A label with a fallback when the key is missing (e.g. a group or value added later). */
  String textOr(Locale locale, String key, String fallback) {
    return messages.getMessage(key, null, fallback, locale);
  }

  /** "ตุลาคม 2569" (Buddhist era) in Thai, "October 2026" in English. */
  String month(Locale locale, YearMonth month) {
    boolean thai = isThai(locale);
    return text(locale, "month.label", (thai ? MONTH_TH : MONTH_EN).format(month),
        String.valueOf(thai ? month.getYear() + ComplaintStatistics.BUDDHIST_ERA_OFFSET : month.getYear()));
  }

  static boolean isThai(Locale locale) {
    return "th".equals(locale.getLanguage());
  }
}

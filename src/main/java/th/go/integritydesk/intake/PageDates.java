package th.go.integritydesk.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import th.go.integritydesk.process.ThaiDates;

/** Dates on the pages: the Thai calendar in Thai, the Gregorian one in English (the mails do the same). */
public final class PageDates {

  private PageDates() {}

  public static String format(Instant instant, Locale locale) {
    if (instant == null) {
      return null;
    }
    return locale.getLanguage().equals("th") ? ThaiDates.thai(instant) : ThaiDates.english(instant);
  }

  public static String format(LocalDate date, Locale locale) {
    return date == null ? null : format(date.atStartOfDay(ThaiDates.BANGKOK).toInstant(), locale);
  }
}

package th.go.integritydesk.process;

import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people read them: the Thai calendar (พ.ศ.) in Thai text, the Gregorian calendar in English. */
public final class ThaiDates {

  public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
  private static final DateTimeFormatter THAI = DateTimeFormatter.ofPattern("d MMMM G yyyy", Locale.forLanguageTag("th-TH"))
      .withChronology(ThaiBuddhistChronology.INSTANCE).withZone(BANGKOK);
  private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
      .withZone(BANGKOK);

  private ThaiDates() {}

  public static String thai(Instant instant) {
    return THAI.format(instant);
  }

  public static String english(Instant instant) {
    return ENGLISH.format(instant);
  }
}

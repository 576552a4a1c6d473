package th.go.integritydesk.letters;

import java.time.Instant;

/** The letters' own date format, for the HTTP tests' checks. */
public final class LettersTestAccess {

  private LettersTestAccess() {}

  public static String thaiDate(Instant at) {
    return Letters.thaiDate(at);
  }
}

package th.go.integritydesk.casefile;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * The matching text of a search result, marked: HTML-escaped text with each occurrence of a query term (ignoring
 * case) in {@code <mark>}, so a page may show it as HTML and nothing of the case's text is ever markup.
 */
final class Marks {

  private Marks() {
  }

  /** The whole text (cut at {@code max} characters), marked. */
  static String mark(String text, List<String> terms, int max) {
    String value = text == null ? "" : text;
    return marked(value.length() > max ? value.substring(0, max) + "…" : value, terms);
  }

  /** A window of about {@code width} characters around the first match (or the start), marked. */
  static String snippet(String text, List<String> terms, int width) {
    String value = text == null ? "" : text;
    String lower = value.toLowerCase(Locale.ROOT);
    int first = -1;
    for (String term : terms) {
      int at = lower.indexOf(term.toLowerCase(Locale.ROOT));
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    int start = Math.max(0, first < 0 ? 0 : first - width / 3);
    int end = Math.min(value.length(), start + width);
    String window = (start > 0 ? "…" : "") + value.substring(start, end) + (end < value.length() ? "…" : "");
    return marked(window, terms);
  }

  private static String marked(String text, List<String> terms) {
    String lower = text.toLowerCase(Locale.ROOT);
    boolean[] hit = new boolean[text.length()];
    for (String term : terms) {
      String t = term.toLowerCase(Locale.ROOT);
      if (t.isEmpty()) {
        continue;
      }
      for (int at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + 1)) {
        for (int i = at; i < at + t.length() && i < hit.length; i++) {
          hit[i] = true;
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      if (hit[i] && (i == 0 || !hit[i - 1])) {
        out.append("<mark>");
      }
      out.append(HtmlUtils.htmlEscape(String.valueOf(text.charAt(i))));
      if (hit[i] && (i == text.length() - 1 || !hit[i + 1])) {
        out.append("</mark>");
      }
    }
    return out.toString();
  }
}

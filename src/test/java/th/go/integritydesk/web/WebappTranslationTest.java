package th.go.integritydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Thai translation of Camunda's webapps against the English file inside the Camunda webjar on the classpath:
 * after a Camunda update this names every new key still to translate (docs/webapps-localisation.md).
 */
class WebappTranslationTest {

  private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  /** HTML elements Camunda's texts use (angle-bracketed words such as "<null>" are text, not markup). */
  private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*(a|b|br|strong|em|i|span|p|code|ul|ol|li|div)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
  /** Words that stay English in Thai text: product names, standards, identifiers an officer sees as such. */
  private static final Set<String> TECHNICAL = Set.of("id", "ids", "bpmn", "dmn", "drd", "cmmn", "url", "json", "xml",
      "html", "java", "camunda", "cockpit", "tasklist", "admin", "rest", "api", "csv", "sql", "utc", "ok", "uuid",
      "optimize", "http", "https", "www", "docs", "io", "org", "com", "href", "target", "blank", "rel", "noopener", "class",
      "glyphicon", "feel", "juel", "el", "hh", "mm", "ss", "yyyy", "dd", "iso", "tls", "ssl", "ldap", "saas",
      "platform", "operaton", "regex", "js", "ctrl", "alt", "shift", "enter", "esc", "tab", "webapp", "webapps",
      "null", "true", "false", "and", "or", "not", "like", "in", "eq", "neq", "gt", "lt", "gteq", "lteq");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyHasAThaiTwin(String app) throws IOException {
    JsonNode english = read(only(WEBJAR + app + "/locales/en.json", "camunda-webapp"));
    JsonNode thai = read(only(WEBJAR + app + "/locales/th.json", "classes"));

    List<String> missing = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    List<String> untranslated = new ArrayList<>();
    List<String> brokenMarkup = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = english.path("labels").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      String en = entry.getValue().asText();
      JsonNode th = thai.path("labels").get(key);
      if (th == null) {
        missing.add(key);
      } else if (th.asText().isBlank() && isProse(en)) {
        empty.add(key);
      } else if (th.asText().equals(en) && isProse(en)) {
        untranslated.add(key + " = " + en);
      } else if (!found(PLACEHOLDER, en).equals(found(PLACEHOLDER, th.asText()))
          || !found(TAG, en).equals(found(TAG, th.asText()))) {
        brokenMarkup.add(key + ": " + th.asText());
      }
    }
    assertThat(missing).as("%s: English keys without a Thai twin in th.json", app).isEmpty();
    assertThat(empty).as("%s: empty Thai values (only a bare English suffix such as \"s\" may be empty)", app)
        .isEmpty();
    assertThat(untranslated).as("%s: Thai values still identical to the English prose", app).isEmpty();
    assertThat(brokenMarkup).as("%s: Thai values whose {{placeholders}} or HTML tags differ from the English", app)
        .isEmpty();
    Set<String> stale = new TreeSet<>();
    thai.path("labels").fieldNames().forEachRemaining(key -> {
      if (!english.path("labels").has(key)) {
        stale.add(key);
      }
    });
    assertThat(stale).as("%s: Thai keys Camunda no longer has", app).isEmpty();
    if (english.has("dateLocales")) {
      assertThat(thai.path("dateLocales").path("months")).as("Thai month names").hasSize(12);
      assertThat(thai.path("dateLocales").path("weekdays")).as("Thai day names").hasSize(7);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void oursWinOverTheWebjarsConfigurationAndStyles(String app) throws IOException {
    String config = text(first(WEBJAR + app + "/scripts/config.js"));
    assertThat(config).contains("availableLocales: ['th', 'en']").contains("fallbackLocale: 'en'");
    if (!app.equals("welcome")) { // Welcome shows no dates
      assertThat(config).contains("customScripts: ['../../lib/bangkok-time']");
    }
    String styles = text(first(WEBJAR + app + "/styles/user-styles.css"));
    assertThat(styles).containsPattern("\\.ce-eol-banner \\{\\s*display: none;");
  }

  private static boolean isProse(String english) {
    String text = english.replaceAll("\\{\\{[^}]*}}", " ").replaceAll("<[^>]*>", " ").replaceAll("https?://\\S+", " ")
        .replaceAll("[yYMdDHhmsT:.'-]{8,}", " "); // date patterns such as yyyy-MM-ddTHH:mm:ss
    Matcher words = WORD.matcher(text);
    while (words.find()) {
      if (!TECHNICAL.contains(words.group().toLowerCase())) {
        return true;
      }
    }
    return false;
  }

  private static List<String> found(Pattern pattern, String text) {
    List<String> all = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      all.add(matcher.groupCount() > 0 ? matcher.group(1).toLowerCase() : matcher.group().replace(" ", ""));
    }
    Collections.sort(all);
    return all;
  }

  /** The one copy of a resource that comes from the place named (the Camunda jar, or our own classes). */
  private static URL only(String resource, String from) throws IOException {
    for (URL url : Collections.list(WebappTranslationTest.class.getClassLoader().getResources(resource))) {
      if (url.toString().contains(from)) {
        return url;
      }
    }
    throw new AssertionError(resource + " not found in " + from);
  }

  /** The copy the webapps serve: the first on the classpath (our classes come before the Camunda jars). */
  private static URL first(String resource) {
    URL url = WebappTranslationTest.class.getClassLoader().getResource(resource);
    assertThat(url).as(resource).isNotNull();
    assertThat(url.toString()).as("%s served from our resources", resource).doesNotContain(".jar!");
    return url;
  }

  private static JsonNode read(URL url) throws IOException {
    return JSON.readTree(text(url));
  }

  private static String text(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }
}

package th.go.integritydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import th.go.integritydesk.closure.CaseOutcome;
import th.go.integritydesk.intake.Category;
import th.go.integritydesk.intake.Channel;
import th.go.integritydesk.intake.Rank;
import th.go.integritydesk.intake.Stage;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.screening.Agency;

/**
 * One vocabulary (after spring-petclinic's I18nPropertiesSyncTest): every word a page shows comes from
 * messages.properties (English) and messages_th.properties (Thai); each key has its twin, every value of the enums
 * people read has its label, and no template holds text of its own.
 */
class VocabularyTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Path JAVA_SOURCES = Path.of("src/main/java");
  private static final Pattern THAI = Pattern.compile("[\\x{0E00}-\\x{0E7F}]");
  /** Text between tags, and attribute values people read, must come from th:* expressions, never be literal. */
  private static final Pattern TEXT_BETWEEN_TAGS = Pattern.compile(">([^<]*)<");
  private static final Pattern READABLE_ATTRIBUTE = Pattern.compile(
      "(?<![:\\w-])(title|alt|placeholder|aria-label|value|content)=\"([^\"]*)\"");
  private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([\\w.]+)[}(]");

  @Test
  void everyKeyHasItsThaiAndEnglishTwin() throws IOException {
    Set<String> english = load("messages.properties").stringPropertyNames();
    Set<String> thai = load("messages_th.properties").stringPropertyNames();
    assertThat(difference(english, thai)).as("keys in messages.properties without a Thai twin").isEmpty();
    assertThat(difference(thai, english)).as("keys in messages_th.properties without an English twin").isEmpty();
    Properties th = load("messages_th.properties");
    assertThat(th.stringPropertyNames().stream().filter(k -> th.getProperty(k).isBlank()).toList())
        .as("empty Thai texts").isEmpty();
  }

  @Test
  void everyEnumValuePeopleReadHasItsLabel() throws IOException {
    Properties english = load("messages.properties");
    Properties thai = load("messages_th.properties");
    Map<String, Enum<?>[]> labelled = Map.of("channel", Channel.values(), "category", Category.values(),
        "rank", Rank.values(), "stage", Stage.values(), "outcome", CaseOutcome.values(),
        "kind", ComplainantMessages.Kind.values(), "agency", Agency.values(),
        // what the complainant is told: the outcome's notice and the name of the body a case went to
        "complainant.outcome", CaseOutcome.values(), "agency.name", Agency.values());
    List<String> missing = new ArrayList<>();
    labelled.forEach((prefix, values) -> Arrays.stream(values).map(v -> prefix + "." + v.name()).forEach(key -> {
      if (english.getProperty(key) == null || thai.getProperty(key) == null) {
        missing.add(key);
      }
    }));
    assertThat(missing).as("enum values without a Thai and an English label").isEmpty();
  }

  @Test
  void templatesHoldNoTextOfTheirOwn() throws IOException {
    List<String> literal = new ArrayList<>();
    for (Path template : templates()) {
      String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
      Matcher text = TEXT_BETWEEN_TAGS.matcher(html);
      while (text.find()) {
        if (text.group(1).codePoints().anyMatch(Character::isLetter)) {
          literal.add(template.getFileName() + ": " + text.group(1).strip());
        }
      }
      Matcher attribute = READABLE_ATTRIBUTE.matcher(html);
      while (attribute.find()) {
        boolean machineValue = attribute.group(1).equals("value") || attribute.group(1).equals("content");
        if (!machineValue && attribute.group(2).codePoints().anyMatch(Character::isLetter)) {
          literal.add(template.getFileName() + ": " + attribute.group(0));
        }
      }
    }
    assertThat(literal).as("literal text in templates (use th:text=\"#{key}\")").isEmpty();
  }

  @Test
  void everyKeyATemplateUsesExists() throws IOException {
    Properties english = load("messages.properties");
    Set<String> unknown = new TreeSet<>();
    for (Path template : templates()) {
      Matcher key = MESSAGE_KEY.matcher(Files.readString(template));
      while (key.find()) {
        if (english.getProperty(key.group(1)) == null) {
          unknown.add(template.getFileName() + ": " + key.group(1));
        }
      }
    }
    assertThat(unknown).as("message keys used by templates but defined nowhere").isEmpty();
  }

  /** One page layout: every page takes its head, header and footer from fragments.html, the only one defining them. */
  @Test
  void everyPageUsesTheOneLayout() throws IOException {
    List<String> astray = new ArrayList<>();
    for (Path template : templates()) {
      String html = Files.readString(template);
      if (template.getFileName().toString().equals("fragments.html")) {
        continue;
      }
      for (String part : List.of("head", "header", "footer")) {
        if (html.contains("th:fragment=\"" + part)) {
          astray.add(template.getFileName() + " defines its own " + part);
        }
        if (!Pattern.compile("th:replace=\"~\\{fragments :: " + part + "\\b").matcher(html).find()) {
          astray.add(template.getFileName() + " lacks fragments :: " + part);
        }
      }
    }
    assertThat(astray).as("pages not built from fragments.html").isEmpty();
  }

  /**
   * Java holds no Thai text: every Thai word is in messages_th.properties, read through Bilingual or a
   * MessageSource. Only string literals count (comments may quote Thai, e.g. to show a format).
   */
  @Test
  void javaSourcesHoldNoThaiText() throws IOException {
    List<String> thai = new ArrayList<>();
    try (Stream<Path> files = Files.walk(JAVA_SOURCES)) {
      for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String literal : stringLiterals(Files.readString(source))) {
          if (THAI.matcher(literal).find()) {
            thai.add(JAVA_SOURCES.relativize(source) + ": \"" + literal + "\"");
          }
        }
      }
    }
    assertThat(thai).as("Thai string literals in src/main/java (move them to messages*.properties)").isEmpty();
  }

  /** The test itself catches what it must: Thai in literals and text blocks, not in comments or char literals. */
  @Test
  void theStringLiteralScanReadsLiteralsNotComments() {
    String java = """
        // "ไม่ใช่" in a line comment
        /* "ไม่ใช่" in a block comment */
        class A { String a = "ต้องระบุ"; char q = '"'; String b = "say \\"ครับ\\" /* not a comment */";
          String c = \"""
              ข้อความ
              \""";
        }
        """;
    assertThat(stringLiterals(java).stream().filter(l -> THAI.matcher(l).find()).toList())
        .containsExactly("ต้องระบุ", "say \\\"ครับ\\\" /* not a comment */", "\n      ข้อความ\n      ");
  }

  /** The contents of the string literals and text blocks of a Java source, comments and char literals skipped. */
  static List<String> stringLiterals(String java) {
    List<String> literals = new ArrayList<>();
    int i = 0;
    while (i < java.length()) {
      if (java.startsWith("//", i)) {
        i = java.indexOf('\n', i);
        i = i < 0 ? java.length() : i;
      } else if (java.startsWith("/*", i)) {
        i = java.indexOf("*/", i + 2) + 2;
        i = i < 2 ? java.length() : i;
      } else if (java.startsWith("\"\"\"", i)) {
        int end = java.indexOf("\"\"\"", i + 3);
        while (end > 0 && java.charAt(end - 1) == '\\') {
          end = java.indexOf("\"\"\"", end + 1);
        }
        end = end < 0 ? java.length() : end;
        literals.add(java.substring(i + 3, end));
        i = end + 3;
      } else if (java.charAt(i) == '"' || java.charAt(i) == '\'') {
        char quote = java.charAt(i);
        int end = i + 1;
        while (end < java.length() && java.charAt(end) != quote) {
          end += java.charAt(end) == '\\' ? 2 : 1;
        }
        if (quote == '"') {
          literals.add(java.substring(i + 1, Math.min(end, java.length())));
        }
        i = end + 1;
      } else {
        i++;
      }
    }
    return literals;
  }

  /** The test itself catches what it must: a literal word in a template is found. */
  @Test
  void theLiteralTextCheckFindsLiteralText() {
    Matcher text = TEXT_BETWEEN_TAGS.matcher("<p class=\"x\">ส่งเรื่อง</p><span th:text=\"#{a}\"></span>");
    List<String> found = new ArrayList<>();
    while (text.find()) {
      if (text.group(1).codePoints().anyMatch(Character::isLetter)) {
        found.add(text.group(1));
      }
    }
    assertThat(found).containsExactly("ส่งเรื่อง");
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      List<Path> html = files.filter(p -> p.toString().endsWith(".html")).toList();
      assertThat(html).as("templates under " + TEMPLATES).isNotEmpty();
      return html;
    }
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> rest = new TreeSet<>(a);
    rest.removeAll(b);
    return rest;
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = VocabularyTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}

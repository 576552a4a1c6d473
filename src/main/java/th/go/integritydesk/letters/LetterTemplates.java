package th.go.integritydesk.letters;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The letter templates of {@code processes/letters/} (Word files an analyst edits): read at start-up, every
 * placeholder {@code {{name}}} checked against the names README lists, so a template with an unknown one stops the
 * start with its name. Filling a template writes the values into a copy; a placeholder Word has split over several
 * runs of a paragraph is joined first (the paragraph then takes its first run's formatting).
 */
@Component
public class LetterTemplates {

  /** Every placeholder a template may use (README, "Letters"). */
  public static final Set<String> PLACEHOLDERS = Set.of("letterNumber", "date", "agencyName", "agencyAddress",
      "responsibleUnit", "centrePhone", "centreEmail", "signatoryName", "signatoryPosition", "statusPageUrl",
      "trackingNumber", "receivedDate", "caseSubject", "accused", "complainantName", "complainantAddress",
      "complainantForRecipient", "infoRequest", "replyWithin", "outcome", "forwardTo", "screeningReason",
      "committeeChair", "committeeMembers", "firstMeetingWithin", "penalty", "penaltyReason", "caseSummary");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

  private final Map<LetterKind, byte[]> templates = new EnumMap<>(LetterKind.class);

  public LetterTemplates() {
    for (LetterKind kind : LetterKind.values()) {
      String path = "processes/letters/" + kind.id() + ".docx";
      try (InputStream in = new ClassPathResource(path).getInputStream()) {
        byte[] bytes = in.readAllBytes();
        Set<String> unknown = new TreeSet<>(placeholders(bytes));
        unknown.removeAll(PLACEHOLDERS);
        if (!unknown.isEmpty()) {
          throw new IllegalStateException("The letter template " + path + " uses unknown placeholders " + unknown
              + "; the known ones are listed in README, Letters");
        }
        templates.put(kind, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("The letter template " + path + " cannot be read", e);
      }
    }
  }

  /** The placeholders a template uses. */
  static Set<String> placeholders(byte[] template) throws IOException {
    Set<String> names = new TreeSet<>();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template))) {
      for (XWPFParagraph paragraph : paragraphs(doc)) {
        Matcher m = PLACEHOLDER.matcher(paragraph.getText());
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  /** The template filled with the values; a value with line breaks becomes lines of its paragraph. */
  public byte[] fill(LetterKind kind, Map<String, String> values) {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(templates.get(kind)))) {
      for (XWPFParagraph paragraph : paragraphs(doc)) {
        String text = paragraph.getText();
        if (!text.contains("{{")) {
          continue;
        }
        List<XWPFRun> runs = paragraph.getRuns();
        if (runs.isEmpty()) {
          continue;
        }
        // a placeholder inside one run is replaced there, so the run keeps its own formatting (a bold label beside
        // a plain value)
        boolean whole = true;
        for (XWPFRun run : runs) {
          String runText = run.text();
          if (runText.contains("{{") && !PLACEHOLDER.matcher(runText).find() || runText.contains("{") != runText.contains("}")) {
            whole = false;
          }
        }
        if (whole) {
          var format = new java.util.ArrayList<org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr>();
          var texts = new java.util.ArrayList<String>();
          for (XWPFRun run : runs) {
            format.add(run.getCTR().isSetRPr()
                ? (org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr) run.getCTR().getRPr().copy() : null);
            texts.add(replace(run.text(), values));
          }
          for (int i = runs.size() - 1; i >= 0; i--) {
            paragraph.removeRun(i);
          }
          for (int i = 0; i < texts.size(); i++) {
            write(paragraph, format.get(i), texts.get(i));
          }
          continue;
        }
        // join the runs (Word splits a placeholder over several when it is edited), keep tabs as tabs
        StringBuilder joined = new StringBuilder();
        for (XWPFRun run : runs) {
          joined.append(run.text());
        }
        Matcher m = PLACEHOLDER.matcher(joined);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
          m.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(filled);
        var format = runs.get(0).getCTR().isSetRPr()
            ? (org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr) runs.get(0).getCTR().getRPr().copy() : null;
        for (int i = runs.size() - 1; i >= 0; i--) {
          paragraph.removeRun(i);
        }
        write(paragraph, format, filled.toString());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String replace(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
    }
    m.appendTail(filled);
    return filled.toString();
  }

  /** The text as runs of the paragraph, each a piece of text, a tab or a line break, in the order they come. */
  private static void write(XWPFParagraph paragraph, org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr format,
                            String text) {
    String[] lines = text.split("\n", -1);
    for (int l = 0; l < lines.length; l++) {
      if (l > 0) {
        run(paragraph, format).addBreak();
      }
      String[] tabs = lines[l].split("\t", -1);
      for (int t = 0; t < tabs.length; t++) {
        if (t > 0) {
          run(paragraph, format).addTab();
        }
        if (!tabs[t].isEmpty()) {
          run(paragraph, format).setText(tabs[t]);
        }
      }
    }
  }

  private static XWPFRun run(XWPFParagraph paragraph, org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr format) {
    XWPFRun run = paragraph.createRun();
    if (format != null) {
      run.getCTR().setRPr(format);
    }
    return run;
  }

  private static List<XWPFParagraph> paragraphs(XWPFDocument doc) {
    List<XWPFParagraph> all = new ArrayList<>();
    for (IBodyElement element : doc.getBodyElements()) {
      if (element instanceof XWPFParagraph p) {
        all.add(p);
      } else if (element instanceof XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
          for (XWPFTableCell cell : row.getTableCells()) {
            all.addAll(cell.getParagraphs());
          }
        }
      }
    }
    doc.getHeaderList().forEach(h -> all.addAll(h.getParagraphs()));
    doc.getFooterList().forEach(f -> all.addAll(f.getParagraphs()));
    return all;
  }
}

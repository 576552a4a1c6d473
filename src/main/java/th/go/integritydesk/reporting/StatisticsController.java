package th.go.integritydesk.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import th.go.integritydesk.reporting.ComplaintStatistics.Month;
import th.go.integritydesk.reporting.ComplaintStatistics.YearStatistics;
import th.go.integritydesk.web.InvalidInputException;

/** The ITA statistics for anyone, without login: counts only, as JSON, CSV and an Excel workbook. */
@RestController
@Tag(name = "Statistics", description = "Public statistics of corruption complaints by fiscal year (ITA)")
class StatisticsController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final String BOM = "\uFEFF";

  private final ComplaintStatistics statistics;
  private final Labels labels;

  StatisticsController(ComplaintStatistics statistics, Labels labels) {
    this.statistics = statistics;
    this.labels = labels;
  }

  @Operation(summary = "Received, completed and in progress by month of a fiscal year (Buddhist era, starting in October)")
  @GetMapping(value = "/api/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
  YearStatistics json(@RequestParam(required = false) String fiscalYear) {
    return statistics.of(fiscalYear(fiscalYear));
  }

  @Operation(summary = "The months as CSV (UTF-8 with BOM): month,received,completed,inProgress, then a total row")
  @GetMapping("/api/statistics.csv")
  ResponseEntity<byte[]> csv(@RequestParam(required = false) String fiscalYear) {
    YearStatistics year = statistics.of(fiscalYear(fiscalYear));
    StringBuilder csv = new StringBuilder(BOM).append("month,received,completed,inProgress\r\n");
    for (Month m : year.months()) {
      csv.append(m.month()).append(',').append(m.received()).append(',').append(m.completed()).append(',')
          .append(m.inProgress()).append("\r\n");
    }
    csv.append("total,").append(year.total().received()).append(',').append(year.total().completed()).append(',')
        .append(year.total().inProgress()).append("\r\n");
    return download(csv.toString().getBytes(StandardCharsets.UTF_8), CSV, year.fiscalYear(), "csv");
  }

  @Operation(summary = "The months and each breakdown as an Excel workbook, with Thai headings")
  @GetMapping("/api/statistics.xlsx")
  ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String fiscalYear) {
    YearStatistics year = statistics.of(fiscalYear(fiscalYear));
    return download(workbook(year, Labels.THAI), XLSX, year.fiscalYear(), "xlsx");
  }

  byte[] workbook(YearStatistics year, Locale locale) {
    String title = labels.text(locale, "statistics.sheet.title", String.valueOf(year.fiscalYear()));
    List<List<Object>> months = new ArrayList<>();
    for (Month m : year.months()) {
      months.add(List.of(labels.month(locale, YearMonth.parse(m.month())), m.received(), m.completed(), m.inProgress()));
    }
    months.add(List.of(labels.text(locale, "statistics.total"), year.total().received(), year.total().completed(),
        year.total().inProgress()));
    return Workbooks.write(List.of(
        new Workbooks.Sheet(labels.text(locale, "statistics.sheet.months"), title,
            List.of(labels.text(locale, "statistics.month"), labels.text(locale, "statistics.received"),
                labels.text(locale, "statistics.completed"), labels.text(locale, "statistics.inProgress")), months),
        breakdown(locale, "statistics.sheet.channels", "statistics.byChannel", "channel.", title, year.byChannel()),
        breakdown(locale, "statistics.sheet.categories", "statistics.byCategory", "category.", title, year.byCategory()),
        breakdown(locale, "statistics.sheet.outcomes", "statistics.byOutcome", "outcome.", title, year.byOutcome())));
  }

  private Workbooks.Sheet breakdown(Locale locale, String sheetKey, String headingKey, String labelPrefix,
                                    String title, Map<String, Long> counts) {
    List<List<Object>> rows = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      rows.add(List.of(labels.text(locale, labelPrefix + e.getKey()), e.getKey(), e.getValue()));
      total += e.getValue();
    }
    rows.add(List.of(labels.text(locale, "statistics.total"), "", total));
    return new Workbooks.Sheet(labels.text(locale, sheetKey), title, List.of(labels.text(locale, headingKey),
        labels.text(locale, "statistics.code"), labels.text(locale, "statistics.count")), rows);
  }

  /** The fiscal year asked for: the current one when none is given; a Buddhist-era year up to the current one. */
  static int fiscalYear(String value) {
    int current = ComplaintStatistics.currentFiscalYear();
    if (value == null || value.isBlank()) {
      return current;
    }
    String trimmed = value.trim();
    if (!trimmed.matches("[0-9]{4}") || Integer.parseInt(trimmed) < ComplaintStatistics.FIRST_FISCAL_YEAR
        || Integer.parseInt(trimmed) > current) {
      throw new InvalidInputException("fiscalYear", "statistics.fiscalYear",
          String.valueOf(ComplaintStatistics.FIRST_FISCAL_YEAR), String.valueOf(current));
    }
    return Integer.parseInt(trimmed);
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, int fiscalYear, String extension) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("ita-statistics-" + fiscalYear + "." + extension).build().toString())
        .body(body);
  }
}

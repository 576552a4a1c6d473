package th.go.integritydesk.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import th.go.integritydesk.reporting.ComplaintStatistics.Month;
import th.go.integritydesk.reporting.ComplaintStatistics.YearStatistics;

/** {@code GET /statistics}: the ITA statistics as a public page, Thai first, with a chart drawn by the server. */
@Controller
class StatisticsPage {

  record TableRow(String label, long received, long completed, long inProgress) {}
  record Count(String label, String code, long count) {}
  record Breakdown(String title, List<Count> counts, long total) {}

  private static final DateTimeFormatter SHORT_TH = DateTimeFormatter.ofPattern("MMM", Locale.forLanguageTag("th-TH"));
  private static final DateTimeFormatter SHORT_EN = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);
  private static final int YEARS_IN_PICKER = 10;

  private final ComplaintStatistics statistics;
  private final Labels labels;
  private final ItaSettings ita;

  StatisticsPage(ComplaintStatistics statistics, Labels labels, ItaSettings ita) {
    this.statistics = statistics;
    this.labels = labels;
    this.ita = ita;
  }

  @GetMapping("/statistics")
  String page(@RequestParam(required = false) String fiscalYear, Locale locale, Model model) {
    YearStatistics year = statistics.of(StatisticsController.fiscalYear(fiscalYear));
    boolean thai = Labels.isThai(locale);
    List<TableRow> rows = new ArrayList<>();
    List<MonthChart.MonthValues> chart = new ArrayList<>();
    for (Month m : year.months()) {
      YearMonth month = YearMonth.parse(m.month());
      String label = labels.month(locale, month);
      rows.add(new TableRow(label, m.received(), m.completed(), m.inProgress()));
      chart.add(new MonthChart.MonthValues((thai ? SHORT_TH : SHORT_EN).format(month), m.received(), m.completed(),
          m.inProgress(), label + ": " + labels.text(locale, "statistics.received") + " " + m.received(),
          label + ": " + labels.text(locale, "statistics.completed") + " " + m.completed(),
          label + ": " + labels.text(locale, "statistics.inProgress") + " " + m.inProgress()));
    }
    int current = ComplaintStatistics.currentFiscalYear();
    List<Integer> years = new ArrayList<>();
    for (int y = current; y > current - YEARS_IN_PICKER && y >= ComplaintStatistics.FIRST_FISCAL_YEAR; y--) {
      years.add(y);
    }
    if (!years.contains(year.fiscalYear())) {
      years.add(year.fiscalYear());
    }
    model.addAttribute("year", year);
    model.addAttribute("fy", String.valueOf(year.fiscalYear()));
    model.addAttribute("rows", rows);
    model.addAttribute("chart", MonthChart.of(chart));
    model.addAttribute("years", years);
    model.addAttribute("fromText", date(year.from(), locale));
    model.addAttribute("toText", date(year.to(), locale));
    model.addAttribute("breakdowns", List.of(
        breakdown(locale, "statistics.byChannel", "channel.", year.byChannel()),
        breakdown(locale, "statistics.byCategory", "category.", year.byCategory()),
        breakdown(locale, "statistics.byOutcome", "outcome.", year.byOutcome())));
    model.addAttribute("itaItem", ita.item(year.fiscalYear(), ItaSettings.STATISTICS).orElse(null));
    model.addAttribute("query", "fiscalYear=" + year.fiscalYear());
    return "statistics";
  }

  private Breakdown breakdown(Locale locale, String titleKey, String prefix, Map<String, Long> counts) {
    List<Count> list = new ArrayList<>();
    counts.forEach((code, count) -> list.add(new Count(labels.text(locale, prefix + code), code, count)));
    return new Breakdown(labels.text(locale, titleKey), list,
        counts.values().stream().mapToLong(Long::longValue).sum());
  }

  static String date(LocalDate date, Locale locale) {
    return Labels.isThai(locale)
        ? date.getDayOfMonth() + " " + DateTimeFormatter.ofPattern("MMMM", Locale.forLanguageTag("th-TH")).format(date)
            + " " + (date.getYear() + ComplaintStatistics.BUDDHIST_ERA_OFFSET)
        : DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(date);
  }
}

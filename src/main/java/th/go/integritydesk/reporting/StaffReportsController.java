package th.go.integritydesk.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.process.ThaiDates;
import th.go.integritydesk.web.StaffUser;

/**
 * The staff reports for supervisors and analysts: JSON under {@code /api/staff/reports}, the same as a workbook, and
 * a page at {@code /staff/reports} (HTTP Basic or the Camunda webapp session, as every staff endpoint).
 */
@Controller
@Tag(name = "Staff reports", description = "Time per step, overdue work, cases by stage, category, unit, volunteer")
@SecurityRequirement(name = "basic")
class StaffReportsController {

  private static final String[] READERS = {Groups.SUPERVISOR, Groups.ANALYST};

  private final StaffReports reports;
  private final Labels labels;

  StaffReportsController(StaffReports reports, Labels labels) {
    this.reports = reports;
    this.labels = labels;
  }

  @Operation(summary = "Every staff report; categories, units and volunteers for the fiscal year (default: current)")
  @GetMapping("/api/staff/reports")
  @ResponseBody
  StaffReports.Report all(StaffUser user, @RequestParam(required = false) String fiscalYear) {
    user.requireAnyOf(READERS);
    return reports.of(StatisticsController.fiscalYear(fiscalYear), user);
  }

  @Operation(summary = "Time taken per step that ended in the fiscal year (median, 90th percentile) against the deadline settings")
  @GetMapping("/api/staff/reports/stage-times")
  @ResponseBody
  List<StaffReports.StepTime> stageTimes(StaffUser user, @RequestParam(required = false) String fiscalYear) {
    user.requireAnyOf(READERS);
    return reports.stageTimes(StatisticsController.fiscalYear(fiscalYear));
  }

  @Operation(summary = "Open tasks past their due date: the oldest 50, the count of all in the header X-Total-Count")
  @GetMapping("/api/staff/reports/overdue")
  ResponseEntity<List<StaffReports.Overdue>> overdue(StaffUser user) {
    user.requireAnyOf(READERS);
    StaffReports.OverduePage page = reports.overdue(user);
    return ResponseEntity.ok().header("X-Total-Count", String.valueOf(page.total())).body(page.first());
  }

  @Operation(summary = "Open cases by stage")
  @GetMapping("/api/staff/reports/stages")
  @ResponseBody
  Map<String, Long> stages(StaffUser user) {
    user.requireAnyOf(READERS);
    return reports.byStage();
  }

  @Operation(summary = "Cases received in the fiscal year by category")
  @GetMapping("/api/staff/reports/categories")
  @ResponseBody
  Map<String, Long> categories(StaffUser user, @RequestParam(required = false) String fiscalYear) {
    user.requireAnyOf(READERS);
    int year = StatisticsController.fiscalYear(fiscalYear);
    return reports.byCategory(StaffReports.start(year), StaffReports.start(year + 1));
  }

  @Operation(summary = "Cases received in the fiscal year by the accused's unit")
  @GetMapping("/api/staff/reports/units")
  @ResponseBody
  List<StaffReports.UnitCount> units(StaffUser user, @RequestParam(required = false) String fiscalYear) {
    user.requireAnyOf(READERS);
    int year = StatisticsController.fiscalYear(fiscalYear);
    return reports.byUnit(StaffReports.start(year), StaffReports.start(year + 1));
  }

  @Operation(summary = "Complaints from the volunteer network by volunteer code, with their outcomes")
  @GetMapping("/api/staff/reports/volunteers")
  @ResponseBody
  List<StaffReports.VolunteerCount> volunteers(StaffUser user, @RequestParam(required = false) String fiscalYear) {
    user.requireAnyOf(READERS);
    int year = StatisticsController.fiscalYear(fiscalYear);
    return reports.volunteers(StaffReports.start(year), StaffReports.start(year + 1));
  }

  @Operation(summary = "Every staff report as an Excel workbook (Thai headings)")
  @GetMapping("/api/staff/reports.xlsx")
  ResponseEntity<byte[]> workbook(StaffUser user, @RequestParam(required = false) String fiscalYear) {
    user.requireAnyOf(READERS);
    StaffReports.Report report = reports.of(StatisticsController.fiscalYear(fiscalYear), user);
    return ResponseEntity.ok().contentType(StatisticsController.XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("staff-reports-" + report.fiscalYear() + ".xlsx").build().toString())
        .body(Workbooks.write(sheets(report, Labels.THAI)));
  }

  @GetMapping("/staff/reports")
  String page(StaffUser user, @RequestParam(required = false) String fiscalYear, Locale locale, Model model) {
    user.requireAnyOf(READERS);
    StaffReports.Report report = reports.of(StatisticsController.fiscalYear(fiscalYear), user);
    model.addAttribute("report", report);
    model.addAttribute("sheets", sheets(report, locale));
    model.addAttribute("fy", String.valueOf(report.fiscalYear()));
    model.addAttribute("asOf", timestamp(report.asOf(), locale));
    model.addAttribute("query", "fiscalYear=" + report.fiscalYear());
    return "staff-reports";
  }

  /** The report as tables (one per sheet), shared by the workbook and the page. */
  List<Workbooks.Sheet> sheets(StaffReports.Report report, Locale locale) {
    String title = labels.text(locale, "reports.title") + " — " + labels.text(locale, "fiscalYear.label",
        String.valueOf(report.fiscalYear())) + " — " + labels.text(locale, "reports.asOf", timestamp(report.asOf(), locale));
    List<Workbooks.Sheet> sheets = new ArrayList<>();

    List<List<Object>> times = new ArrayList<>();
    for (StaffReports.StepTime t : report.stageTimes()) {
      times.add(row(ComplaintManual.name(locale, t.name()), t.count(), t.medianDays(), t.p90Days(),
          t.limitDays() == null ? "" : t.limitDays(), t.overLimit()));
    }
    sheets.add(new Workbooks.Sheet(labels.text(locale, "reports.sheet.stageTimes"), title, List.of(
        labels.text(locale, "reports.step"), labels.text(locale, "reports.count"), labels.text(locale, "reports.median"),
        labels.text(locale, "reports.p90"), labels.text(locale, "reports.deadline"),
        labels.text(locale, "reports.overLimit")), times));

    List<List<Object>> overdue = new ArrayList<>();
    for (StaffReports.Overdue o : report.overdue()) {
      List<String> who = new ArrayList<>();
      o.candidateGroups().forEach(g -> who.add(labels.textOr(locale, "group." + g, g)));
      if (o.assignee() != null) {
        who.add(o.assignee());
      }
      overdue.add(row(ComplaintManual.name(locale, o.taskName()),
          o.trackingNumber() == null ? labels.text(locale, "reports.overdue.withheld") : o.trackingNumber(),
          timestamp(o.due(), locale), o.daysLate(), String.join(", ", who)));
    }
    if (report.overdueCount() > report.overdue().size()) {
      overdue.add(row(labels.text(locale, "reports.overdue.more", String.valueOf(report.overdue().size()),
          String.valueOf(report.overdueCount())), "", "", "", ""));
    }
    sheets.add(new Workbooks.Sheet(labels.text(locale, "reports.sheet.overdue"), title, List.of(
        labels.text(locale, "reports.overdue.task"), labels.text(locale, "reports.overdue.trackingNumber"),
        labels.text(locale, "reports.overdue.due"), labels.text(locale, "reports.overdue.daysLate"),
        labels.text(locale, "reports.overdue.group")), overdue));

    sheets.add(counts(locale, "reports.sheet.byStage", "reports.byStage", "stage.", title, report.byStage()));
    sheets.add(counts(locale, "reports.sheet.byCategory", "reports.byCategory", "category.", title,
        report.byCategory()));

    List<List<Object>> units = new ArrayList<>();
    for (StaffReports.UnitCount u : report.byUnit()) {
      units.add(row(u.unit() == null ? labels.text(locale, "reports.unit.none") : u.unit(), u.received(), u.open()));
    }
    if (report.unitCount() > report.byUnit().size()) {
      units.add(row(labels.text(locale, "reports.largest", String.valueOf(report.byUnit().size()),
          String.valueOf(report.unitCount())), "", ""));
    }
    sheets.add(new Workbooks.Sheet(labels.text(locale, "reports.sheet.byUnit"), title, List.of(
        labels.text(locale, "reports.unit"), labels.text(locale, "statistics.received"),
        labels.text(locale, "statistics.inProgress")), units));

    List<String> volunteerHeadings = new ArrayList<>(List.of(labels.text(locale, "reports.volunteerCode"),
        labels.text(locale, "statistics.received"), labels.text(locale, "statistics.inProgress")));
    List<List<Object>> volunteers = new ArrayList<>();
    for (StaffReports.VolunteerCount v : report.volunteers()) {
      List<Object> row = new ArrayList<>(List.of(v.volunteerCode(), v.received(), v.open()));
      v.outcomes().forEach((outcome, count) -> row.add(count));
      volunteers.add(row);
    }
    if (report.volunteerCount() > report.volunteers().size()) {
      volunteers.add(new ArrayList<>(List.of(labels.text(locale, "reports.largest",
          String.valueOf(report.volunteers().size()), String.valueOf(report.volunteerCount())), "", "")));
    }
    for (th.go.integritydesk.closure.CaseOutcome outcome : th.go.integritydesk.closure.CaseOutcome.values()) {
      volunteerHeadings.add(labels.text(locale, "outcome." + outcome.name()));
    }
    sheets.add(new Workbooks.Sheet(labels.text(locale, "reports.sheet.volunteers"), title, volunteerHeadings,
        volunteers));
    return sheets;
  }

  private Workbooks.Sheet counts(Locale locale, String sheetKey, String headingKey, String prefix, String title,
                                 Map<String, Long> counts) {
    List<List<Object>> rows = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      rows.add(row(labels.text(locale, prefix + e.getKey()), e.getValue()));
      total += e.getValue();
    }
    rows.add(row(labels.text(locale, "reports.total"), total));
    return new Workbooks.Sheet(labels.text(locale, sheetKey), title,
        List.of(labels.text(locale, headingKey), labels.text(locale, "statistics.count")), rows);
  }

  private static List<Object> row(Object... values) {
    List<Object> row = new ArrayList<>();
    for (Object value : values) {
      row.add(value);
    }
    return row;
  }

  private static String timestamp(Instant instant, Locale locale) {
    return Labels.isThai(locale) ? ThaiDates.thai(instant) : ThaiDates.english(instant);
  }
}

package th.go.integritydesk.casefile;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import th.go.integritydesk.casefile.NeedToKnow.What;
import th.go.integritydesk.intake.ComplainantReplies;
import th.go.integritydesk.intake.PageDates;
import th.go.integritydesk.intake.TrackingNumbers;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.web.CaseNotFound;
import th.go.integritydesk.web.StaffAccessDenied;
import th.go.integritydesk.web.StaffUser;

/**
 * The case file for officers as a page rendered by the server (no JavaScript needed): the same data, rule
 * ({@link NeedToKnow}) and authentication as {@code GET /api/staff/complaints/{n}} (HTTP Basic or the Camunda webapp
 * session), never the complainant's identity. {@code /staff/case.html?tn=...}, the link in the task forms, leads here.
 */
@Controller
class CaseFilePage {

  record Row(String field, String value, String valueKey) {}

  record Table(String id, List<Row> rows) {}

  record Line(String kind, String text, String at) {}

  record Evidence(String href, String fileName, String contentType, long size, String sha256, String at) {}

  record CaseFile(String trackingNumber, String subject, String description, String stage, String receivedAt,
                  boolean anonymous, List<Table> tables, List<Line> submissions, List<Evidence> evidence,
                  List<Line> messages) {}

  private final CaseFileController api;
  private final NeedToKnow needToKnow;
  private final MessageSource text;

  CaseFilePage(CaseFileController api, NeedToKnow needToKnow, MessageSource text) {
    this.api = api;
    this.needToKnow = needToKnow;
    this.text = text;
  }

  /** The address the task forms link to. */
  @GetMapping("/staff/case.html")
  String formerAddress(@RequestParam(required = false) String tn, @RequestParam(required = false) String n) {
    String number = tn != null ? tn : n == null ? "" : n;
    return "redirect:/staff/case?tn=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
  }

  @GetMapping("/staff/case")
  String caseFile(StaffUser user, @RequestParam(required = false) String tn, Model model, Locale locale,
                  HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    model.addAttribute("trackingNumber", tn);
    if (tn == null || !tn.strip().matches(TrackingNumbers.PATTERN)) {
      throw new CaseNotFound();
    }
    needToKnow.open(user, tn.strip(), What.PAGE, null);
    Map<String, Object> file = api.file(tn.strip());
    model.addAttribute("file", view(file, locale));
    return "staff/case";
  }

  @ExceptionHandler(StaffAccessDenied.class)
  String denied(StaffAccessDenied e, Model model, Locale locale, HttpServletResponse response) {
    response.setStatus(e.status().value());
    if (e.status() == HttpStatus.UNAUTHORIZED) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"integrity-desk\"");
    }
    model.addAttribute("problemTitle", message(e.status() == HttpStatus.UNAUTHORIZED ? "problem.unauthorized.title"
        : "problem.forbidden.title", locale));
    model.addAttribute("problem", message(e.status() == HttpStatus.UNAUTHORIZED ? "case.unauthorized"
        : "case.forbidden", locale));
    model.addAttribute("loginHint", e.status() == HttpStatus.UNAUTHORIZED);
    return "staff/case";
  }

  @ExceptionHandler(CaseNotFound.class)
  String notFound(Model model, Locale locale, HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("problemTitle", message("problem.notFound.title", locale));
    model.addAttribute("problem", message("case.notFound", locale));
    model.addAttribute("loginHint", false);
    return "staff/case";
  }

  @SuppressWarnings("unchecked")
  private CaseFile view(Map<String, Object> file, Locale locale) {
    boolean thai = locale.getLanguage().equals("th");
    List<Table> tables = List.of(
        table("complaint", file, locale, "trackingNumber", "channel", "category", "incidentDate", "location",
            "amountInvolved", "volunteerCode", "referenceNumber", "naccFindingOfFault"),
        table("accused", file, locale, "accusedName", "accusedPosition", "accusedUnit", "accusedRank",
            "yearsSinceLeftOffice"),
        table("handling", file, locale, "stage", "forwardedTo", "mergedInto", "outcome", "closedAt"));
    List<Line> submissions = ((List<ComplainantReplies.Submission>) file.get("complainantSubmissions")).stream()
        .map(s -> new Line(null, s.body(), PageDates.format(s.receivedAt(), locale))).toList();
    List<Evidence> evidence = ((List<Map<String, Object>>) file.get("evidence")).stream()
        .map(e -> new Evidence((String) e.get("href"), (String) e.get("fileName"), (String) e.get("contentType"),
            ((Number) e.get("size")).longValue(), (String) e.get("sha256"),
            PageDates.format((Instant) e.get("receivedAt"), locale)))
        .toList();
    List<Line> messages = ((List<ComplainantMessages.Message>) file.get("messagesToComplainant")).stream()
        .map(m -> new Line(m.kind().name(), thai ? m.thai() : m.english(), PageDates.format(m.createdAt(), locale)))
        .toList();
    return new CaseFile((String) file.get("trackingNumber"), (String) file.get("subject"),
        (String) file.get("description"), String.valueOf(file.get("stage")),
        PageDates.format((Instant) file.get("receivedAt"), locale), Boolean.TRUE.equals(file.get("anonymous")),
        tables.stream().filter(t -> !t.rows().isEmpty()).toList(), submissions, evidence, messages);
  }

  private static Table table(String id, Map<String, Object> file, Locale locale, String... fields) {
    List<Row> rows = new ArrayList<>();
    for (String field : fields) {
      Object value = file.get(field);
      if (value == null || value.toString().isBlank() || Boolean.FALSE.equals(value)) {
        continue;
      }
      rows.add(switch (field) {
        case "channel", "category", "stage", "outcome" -> new Row(field, null, field + "." + value);
        case "accusedRank" -> new Row(field, null, "rank." + value);
        case "forwardedTo" -> new Row(field, null, "agency." + value);
        case "naccFindingOfFault" -> new Row(field, null, Boolean.TRUE.equals(value) ? "value.yes" : "value.no");
        default -> new Row(field, value instanceof Instant i ? PageDates.format(i, locale)
            : value instanceof LocalDate d ? PageDates.format(d, locale) : value.toString(), null);
      });
    }
    return new Table(id, rows);
  }

  private String message(String key, Locale locale) {
    return text.getMessage(key, null, key, locale);
  }
}

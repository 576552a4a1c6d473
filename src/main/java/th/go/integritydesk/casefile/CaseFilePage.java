package th.go.integritydesk.casefile;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import th.go.integritydesk.web.InvalidInputException;
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
public class CaseFilePage {

  record Row(String field, String value, String valueKey) {}

  record Table(String id, List<Row> rows) {}

  record Line(String kind, String text, String at) {}

  record Evidence(String href, String fileName, String contentType, long size, String sha256, String at,
                  boolean cleaned, boolean needsRelease, String originalHref) {}

  record CaseFile(String trackingNumber, String subject, String description, String stage, String receivedAt,
                  boolean anonymous, List<Table> tables, List<Line> submissions, List<Evidence> evidence,
                  List<Line> messages) {}

  record NoteLine(long id, String author, String at, String text, Long corrects) {}

  record DocumentLine(long id, String kind, int version, boolean latest, String fileName, String contentType, long size,
                      String sha256, String uploadedBy, String at, String href) {}

  record TimelineLine(String at, String kind, String actor, String summary) {}

  private final CaseFileController api;
  private final NeedToKnow needToKnow;
  private final CaseNotes notes;
  private final CaseDocuments documents;
  private final CaseTimeline timeline;
  private final CaseRecordsController records;
  private final th.go.integritydesk.web.PageCsrf csrf;
  private final MessageSource text;
  private final List<CaseFileSection> sections;
  private final CaseSearch search;

  CaseFilePage(CaseFileController api, NeedToKnow needToKnow, CaseNotes notes, CaseDocuments documents,
               CaseTimeline timeline, CaseRecordsController records, th.go.integritydesk.web.PageCsrf csrf,
               MessageSource text, List<CaseFileSection> sections, CaseSearch search) {
    this.api = api;
    this.needToKnow = needToKnow;
    this.notes = notes;
    this.documents = documents;
    this.timeline = timeline;
    this.records = records;
    this.csrf = csrf;
    this.text = text;
    this.sections = sections;
    this.search = search;
  }

  /** The address the task forms link to. */
  @GetMapping("/staff/case.html")
  String formerAddress(@RequestParam(required = false) String tn, @RequestParam(required = false) String n) {
    String number = tn != null ? tn : n == null ? "" : n;
    return "redirect:/staff/case?tn=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
  }

  @GetMapping("/staff/case")
  String caseFile(StaffUser user, @RequestParam(required = false) String tn, Model model, Locale locale,
                  HttpServletRequest request, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    model.addAttribute("trackingNumber", tn);
    if (tn == null || !tn.strip().matches(TrackingNumbers.PATTERN)) {
      throw new CaseNotFound();
    }
    needToKnow.open(user, tn.strip(), What.PAGE, null);
    show(user, tn.strip(), model, locale, request);
    return "staff/case";
  }

  private void show(StaffUser user, String tn, Model model, Locale locale, HttpServletRequest request) {
    Map<String, Object> file = api.file(tn);
    model.addAttribute("trackingNumber", tn);
    model.addAttribute("file", view(file, locale));
    model.addAttribute("notes", notes.of(tn, 0).stream().map(n -> new NoteLine(n.id(), n.author(),
        PageDates.format(n.at(), locale), n.text(), n.corrects())).toList());
    model.addAttribute("documents", documents.of(tn).stream().map(d -> new DocumentLine(d.id(), d.kind().name(),
        d.version(), d.latest(), d.fileName(), d.contentType(), d.size(), d.sha256(), d.uploadedBy(),
        PageDates.format(d.uploadedAt(), locale), "/api/staff/complaints/" + tn + "/documents/" + d.id())).toList());
    boolean thai = locale.getLanguage().equals("th");
    model.addAttribute("timeline", timeline.of(user, tn, 0).stream().map(e -> new TimelineLine(
        e.date().get(thai ? "th" : "en"), e.kind(), e.actor(), e.summary().get(thai ? "th" : "en"))).toList());
    model.addAttribute("kinds", CaseDocuments.Kind.values());
    sections.forEach(section -> section.addTo(user, tn, model, locale));
    model.addAttribute("similar", search.similar(user, tn, 5));
    model.addAttribute("csrfToken", csrf.token(request));
  }

  /** The note form of the page (works without JavaScript): back to the page, at the notes. */
  @PostMapping("/staff/case/notes")
  String addNote(StaffUser user, @RequestParam(required = false) String tn, @RequestParam(required = false) String text,
                 @RequestParam(required = false) String corrects, Model model, Locale locale,
                 HttpServletRequest request, HttpServletResponse response) {
    String number = checked(tn);
    needToKnow.open(user, number, What.NOTE_WRITTEN, null);
    try {
      Long corrected = corrects == null || corrects.isBlank() ? null : parseId("corrects", corrects);
      notes.add(number, user.id(), text, corrected, CaseNotes.Through.CASE_FILE, null);
    } catch (InvalidInputException e) {
      return again(user, number, e, model, locale, request, response, "note");
    }
    return "redirect:/staff/case?tn=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "#notes";
  }

  /** The document form of the page (multipart, works without JavaScript). */
  @PostMapping("/staff/case/documents")
  String upload(StaffUser user, @RequestParam(required = false) String tn, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String replaces,
                @RequestParam(value = "file", required = false) MultipartFile file, Model model, Locale locale,
                HttpServletRequest request, HttpServletResponse response) {
    String number = checked(tn);
    needToKnow.openToWork(user, number, What.DOCUMENT_UPLOADED);
    try {
      records.store(user, number, file, kind, replaces);
    } catch (InvalidInputException e) {
      return again(user, number, e, model, locale, request, response, "document");
    } catch (th.go.integritydesk.web.CaseStateConflict e) {
      return again(user, number, new InvalidInputException("replaces", e.messageKey()), model, locale, request,
          response, "document");
    }
    return "redirect:/staff/case?tn=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "#documents";
  }

  /**
   * The page again, answered 400, with the field's message beside the form that sent it (the forms of other packages'
   * sections too).
   */
  public String again(StaffUser user, String number, InvalidInputException e, Model model, Locale locale,
                       HttpServletRequest request, HttpServletResponse response, String form) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    show(user, number, model, locale, request);
    model.addAttribute("formError", form);
    model.addAttribute("formErrorField", e.field());
    model.addAttribute("formErrorMessage", text.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    return "staff/case";
  }

  private static String checked(String tn) {
    if (tn == null || !tn.strip().matches(TrackingNumbers.PATTERN)) {
      throw new CaseNotFound();
    }
    return tn.strip();
  }

  private static long parseId(String field, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "note.corrects");
    }
  }

  @ExceptionHandler(StaffAccessDenied.class)
  public String denied(StaffAccessDenied e, Model model, Locale locale, HttpServletResponse response) {
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
  public String notFound(Model model, Locale locale, HttpServletResponse response) {
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
            PageDates.format((Instant) e.get("receivedAt"), locale),
            !((List<?>) e.get("metadataRemoved")).isEmpty(), Boolean.TRUE.equals(e.get("needsRelease")),
            (String) e.get("originalHref")))
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

package th.go.integritydesk.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.process.ThaiDates;
import th.go.integritydesk.web.CaseNotFound;
import th.go.integritydesk.web.IdempotencyConflict;
import th.go.integritydesk.web.InvalidInputException;
import th.go.integritydesk.web.PageCsrf;
import th.go.integritydesk.web.TooManyAttempts;

/**
 * The public channel as pages rendered by the server: the complaint form, the receipt, the status page and the reply
 * form work with plain form posts, JavaScript or not (Tor Browser's "Safest" level). They call the same services and
 * the same validation as the JSON API; errors come back next to their fields, in the reader's language.
 */
@Controller
class ComplaintPages {

  record MessageLine(String kind, String text, String at) {}

  record StatusPage(String trackingNumber, Stage stage, String status, String receivedAt, String closedAt,
                    String outcome, boolean awaitingInformation, List<MessageLine> messages) {}

  /** The order of the fields on the form, for the error summary. */
  private static final List<String> FIELD_ORDER = List.of("category", "subject", "description", "incidentDate",
      "amountInvolved", "location", "accused.unit", "accused.name", "accused.position", "accused.rank",
      "accused.yearsSinceLeftOffice", "evidence", "channel", "volunteerCode", "complainant", "complainant.name",
      "complainant.email", "complainant.phone", "complainant.address", "consentToContact");
  private static final String IDEMPOTENCY_KEY = "^[\\x21-\\x7e]{1,200}$";

  private final IntakeService intake;
  private final EvidenceFiles evidence;
  private final CaseAccess access;
  private final Complaints complaints;
  private final ComplainantMessages messages;
  private final ComplainantReplies replies;
  private final PageCsrf csrf;
  private final PageLimits limits;
  private final MessageSource text;
  private final SpringValidatorAdapter validator;

  ComplaintPages(IntakeService intake, EvidenceFiles evidence, CaseAccess access, Complaints complaints,
                 ComplainantMessages messages, ComplainantReplies replies, PageCsrf csrf, PageLimits limits,
                 MessageSource text, jakarta.validation.Validator validator) {
    this.intake = intake;
    this.evidence = evidence;
    this.access = access;
    this.complaints = complaints;
    this.messages = messages;
    this.replies = replies;
    this.csrf = csrf;
    this.limits = limits;
    this.text = text;
    this.validator = new SpringValidatorAdapter(validator);
  }

  @GetMapping("/")
  String complaintForm(Model model, HttpServletRequest request, HttpServletResponse response) {
    return complaintPage(new ComplaintForm(), Map.of(), null, model, request, response);
  }

  @PostMapping("/complaints")
  String submit(@ModelAttribute("form") ComplaintForm form, BindingResult ignoredBinding,
                @RequestParam(name = PageCsrf.FIELD, required = false) String token, Model model, Locale locale,
                HttpServletRequest request, HttpServletResponse response) {
    if (form.getIdempotencyKey() == null || !form.getIdempotencyKey().matches(IDEMPOTENCY_KEY)) {
      form.setIdempotencyKey(UUID.randomUUID().toString());
    }
    if (!csrf.matches(request, token)) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      return complaintPage(form, Map.of(), message("form.expired", locale), model, request, response);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, String> unreadable = new LinkedHashMap<>();
    ComplaintSubmission submission = form.toSubmission(unreadable);
    unreadable.forEach((field, key) -> errors.put(field, message(key, locale)));
    validate(submission, "complaintSubmission", errors, locale);
    List<EvidenceFiles.Accepted> files = acceptFiles(form.chosenFiles(), errors, locale);
    if (errors.isEmpty()) {
      try {
        IntakeService.Receipt receipt = submitted(submission, files, form.getIdempotencyKey());
        noStore(response);
        model.addAttribute("receipt", receipt);
        return "receipt";
      } catch (InvalidInputException e) {
        errors.put(e.field(), message(e.messageKey(), locale, e.arguments()));
      } catch (IdempotencyConflict e) {
        // the same form was sent before with other content: a new key makes the next post a new complaint
        form.setIdempotencyKey(UUID.randomUUID().toString());
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return complaintPage(form, Map.of(), message("form.resubmitted", locale), model, request, response);
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return complaintPage(form, errors, null, model, request, response);
  }

  private IntakeService.Receipt submitted(ComplaintSubmission submission, List<EvidenceFiles.Accepted> files, String key) {
    // a double click: the first post wins the race, and IntakeService answers this one with its case
    return intake.submit(submission, files, key);
  }

  private String complaintPage(ComplaintForm form, Map<String, String> errors, String formError, Model model,
                               HttpServletRequest request, HttpServletResponse response) {
    noStore(response);
    Map<String, String> ordered = new LinkedHashMap<>();
    errors.entrySet().stream()
        .sorted(Comparator.comparingInt(e -> FIELD_ORDER.indexOf(e.getKey()) < 0 ? 999 : FIELD_ORDER.indexOf(e.getKey())))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    model.addAttribute("form", form);
    model.addAttribute("errors", ordered);
    model.addAttribute("formError", formError);
    model.addAttribute("categories", Category.values());
    model.addAttribute("ranks", Rank.values());
    model.addAttribute("channels", ComplaintForm.PUBLIC_CHANNELS);
    model.addAttribute("today", LocalDate.now(ThaiDates.BANGKOK).toString());
    model.addAttribute("limits", limits);
    model.addAttribute("csrfToken", csrf.token(request));
    return "complaint";
  }

  @GetMapping("/status")
  String statusForm(Model model, HttpServletRequest request, HttpServletResponse response) {
    return lookupPage(null, Map.of(), null, null, model, request, response);
  }

  @PostMapping("/status")
  String status(@RequestParam(required = false) String trackingNumber, @RequestParam(required = false) String receiptCode,
                @RequestParam(name = PageCsrf.FIELD, required = false) String token, Model model, Locale locale,
                HttpServletRequest request, HttpServletResponse response) {
    Complaints.Summary summary = opened(trackingNumber, receiptCode, token, model, locale, request, response);
    if (summary == null) {
      return "status";
    }
    return statusPage(summary, receiptCode, Map.of(), null, null, null, model, locale, request, response);
  }

  @PostMapping("/status/reply")
  String reply(@RequestParam(required = false) String trackingNumber, @RequestParam(required = false) String receiptCode,
               @RequestParam(required = false) String text, @RequestParam(required = false) String replyKey,
               @RequestParam(name = "evidence", required = false) List<MultipartFile> files,
               @RequestParam(name = PageCsrf.FIELD, required = false) String token, Model model, Locale locale,
               HttpServletRequest request, HttpServletResponse response) {
    Complaints.Summary summary = opened(trackingNumber, receiptCode, token, model, locale, request, response);
    if (summary == null) {
      return "status";
    }
    if (summary.stage() == Stage.CLOSED) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return statusPage(summary, receiptCode, Map.of(), text, message("complaint.closed", locale), null, model, locale,
          request, response);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    ComplaintIntakeController.Reply reply = new ComplaintIntakeController.Reply(text);
    validate(reply, "reply", errors, locale);
    List<MultipartFile> chosen = files == null ? List.of() : files.stream()
        .filter(f -> f != null && !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())))
        .toList();
    List<EvidenceFiles.Accepted> accepted = acceptFiles(chosen, errors, locale);
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return statusPage(summary, receiptCode, errors, text, null, null, model, locale, request, response);
    }
    if (alreadySent(request, replyKey)) {
      // a double click or a reloaded page: the reply is on record once
      Complaints.Summary now = complaints.summary(summary.trackingNumber()).orElse(summary);
      return statusPage(now, receiptCode, Map.of(), null, null, message("msg.sent", locale), model, locale, request,
          response);
    }
    ComplainantReplies.Added added = replies.add(summary.trackingNumber(), reply.text(), accepted);
    remember(request, replyKey);
    model.addAttribute("fileNotices", EvidenceFiles.notices(added.files()));
    Complaints.Summary now = complaints.summary(summary.trackingNumber()).orElse(summary);
    String notice = message(added.answeredRequest() ? "msg.sentAnswered" : "msg.sent", locale);
    return statusPage(now, receiptCode, Map.of(), null, null, notice, model, locale, request, response);
  }

  private static final String SENT_REPLIES = ComplaintPages.class.getName() + ".sentReplies";

  private static boolean alreadySent(HttpServletRequest request, String replyKey) {
    Object sent = request.getSession(true).getAttribute(SENT_REPLIES);
    return replyKey != null && sent instanceof java.util.Collection<?> keys && keys.contains(replyKey);
  }

  @SuppressWarnings("unchecked")
  private static void remember(HttpServletRequest request, String replyKey) {
    if (replyKey == null || replyKey.length() > 100) {
      return;
    }
    var session = request.getSession(true);
    java.util.Deque<String> keys = session.getAttribute(SENT_REPLIES) instanceof java.util.Deque<?> d
        ? (java.util.Deque<String>) d : new java.util.ArrayDeque<>();
    keys.addLast(replyKey);
    while (keys.size() > 20) {
      keys.removeFirst();
    }
    session.setAttribute(SENT_REPLIES, keys);
  }

  /** The case the number and code open, or null with the lookup page's model filled with the reason. */
  private Complaints.Summary opened(String trackingNumber, String receiptCode, String token, Model model, Locale locale,
                                    HttpServletRequest request, HttpServletResponse response) {
    if (!csrf.matches(request, token)) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      lookupPage(trackingNumber, Map.of(), message("err.invalidTitle", locale), message("form.expired", locale), model,
          request, response);
      return null;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (trackingNumber == null || trackingNumber.isBlank()) {
      errors.put("trackingNumber", message("NotBlank", locale));
    }
    if (receiptCode == null || receiptCode.isBlank()) {
      errors.put("receiptCode", message("NotBlank", locale));
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      lookupPage(trackingNumber, errors, null, null, model, request, response);
      return null;
    }
    try {
      return access.open(trackingNumber.strip().toUpperCase(Locale.ROOT), receiptCode.strip(), request.getRemoteAddr());
    } catch (CaseNotFound e) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      lookupPage(trackingNumber, Map.of(), message("err.notFoundTitle", locale), message("err.notFound", locale), model,
          request, response);
    } catch (TooManyAttempts e) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
      lookupPage(trackingNumber, Map.of(), message("err.tooManyTitle", locale),
          message("problem.tooMany.detail", locale, e.retryAfter().toMinutes()), model, request, response);
    }
    return null;
  }

  private String lookupPage(String trackingNumber, Map<String, String> errors, String formErrorTitle, String formError,
                            Model model, HttpServletRequest request, HttpServletResponse response) {
    noStore(response);
    model.addAttribute("view", null);
    model.addAttribute("trackingNumber", trackingNumber);
    model.addAttribute("errors", errors);
    model.addAttribute("formErrorTitle", formErrorTitle);
    model.addAttribute("formError", formError);
    model.addAttribute("csrfToken", csrf.token(request));
    return "status";
  }

  private String statusPage(Complaints.Summary summary, String receiptCode, Map<String, String> errors, String replyText,
                            String formError, String notice, Model model, Locale locale, HttpServletRequest request,
                            HttpServletResponse response) {
    noStore(response);
    boolean thai = locale.getLanguage().equals("th");
    List<MessageLine> lines = messages.to(summary.trackingNumber()).stream()
        .map(m -> new MessageLine(m.kind().name(), thai ? m.thai() : m.english(), PageDates.format(m.createdAt(), locale)))
        .toList();
    model.addAttribute("view", new StatusPage(summary.trackingNumber(), summary.stage(),
        summary.stage() == Stage.CLOSED ? "CLOSED" : "OPEN", PageDates.format(summary.receivedAt(), locale),
        PageDates.format(summary.closedAt(), locale), summary.outcome(), summary.stage() == Stage.AWAITING_COMPLAINANT,
        lines));
    model.addAttribute("receiptCode", receiptCode.strip());
    model.addAttribute("errors", errors);
    model.addAttribute("replyText", replyText);
    model.addAttribute("formError", formError);
    model.addAttribute("notice", notice);
    model.addAttribute("replyKey", UUID.randomUUID().toString());
    model.addAttribute("limits", limits);
    model.addAttribute("csrfToken", csrf.token(request));
    return "status";
  }

  /** Bean Validation exactly as the JSON API runs it, with the same messages. */
  private void validate(Object target, String name, Map<String, String> errors, Locale locale) {
    DataBinder binder = new DataBinder(target, name);
    binder.setValidator(validator);
    binder.validate();
    for (FieldError error : binder.getBindingResult().getFieldErrors()) {
      errors.putIfAbsent(error.getField(), text.getMessage(error, locale));
    }
  }

  private List<EvidenceFiles.Accepted> acceptFiles(List<MultipartFile> files, Map<String, String> errors, Locale locale) {
    try {
      return evidence.accept(files);
    } catch (InvalidInputException e) {
      String name = e.field().startsWith("evidence[") ? fileName(files, e.field()) : null;
      String problem = message(e.messageKey(), locale, e.arguments());
      errors.putIfAbsent("evidence", name == null ? problem : name + ": " + problem);
      return List.of();
    }
  }

  private static String fileName(List<MultipartFile> files, String field) {
    int index = Integer.parseInt(field.substring("evidence[".length(), field.length() - 1));
    return index < files.size() ? files.get(index).getOriginalFilename() : null;
  }

  private String message(String key, Locale locale, Object... arguments) {
    return text.getMessage(key, arguments, key, locale);
  }

  private static void noStore(HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}

package th.go.integritydesk.letters;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import th.go.integritydesk.casefile.CaseFilePage;
import th.go.integritydesk.casefile.CaseFileSection;
import th.go.integritydesk.casefile.NeedToKnow;
import th.go.integritydesk.intake.PageDates;
import th.go.integritydesk.intake.TrackingNumbers;
import th.go.integritydesk.web.CaseNotFound;
import th.go.integritydesk.web.CaseStateConflict;
import th.go.integritydesk.web.InvalidInputException;
import th.go.integritydesk.web.StaffAccessDenied;
import th.go.integritydesk.web.StaffUser;

/**
 * The letters on the case-file page (works without JavaScript): the owed, generated and sent letters, and a form to
 * generate one. The page names the complainant only as "the complainant", even to intake: their name is in the letter,
 * whose download is a recorded reveal.
 */
@Controller
class LettersOnTheCaseFile implements CaseFileSection {

  /** A letter on the page; a letter to the complainant is downloaded with a custodian's passphrase (a form). */
  record LetterLine(String kind, String number, String status, String when, String addressee, String by,
                    String href, Long id, boolean custodian) {}

  private final Letters letters;
  private final NeedToKnow needToKnow;
  private final CaseFilePage page;
  private final MessageSource text;

  LettersOnTheCaseFile(Letters letters, NeedToKnow needToKnow, @org.springframework.context.annotation.Lazy CaseFilePage page,
                       MessageSource text) {
    this.letters = letters;
    this.needToKnow = needToKnow;
    this.page = page;
    this.text = text;
  }

  @Override
  public void addTo(StaffUser user, String trackingNumber, Model model, Locale locale) {
    model.addAttribute("letters", letters.rows(user, trackingNumber).stream().map(l -> new LetterLine(
        (String) l.get("kind"), (String) l.get("number"), (String) l.get("status"), when(l, locale),
        LetterKind.of((String) l.get("kind")).orElseThrow().toComplainant()
            ? text.getMessage("letter.text.complainant", null, locale) : (String) l.get("addressee"),
        l.get("generatedBy") == null ? null
            : l.get("generatedBy") + ", " + PageDates.format((Instant) l.get("date"), locale),
        LetterKind.of((String) l.get("kind")).orElseThrow().toComplainant() ? null : (String) l.get("href"),
        l.get("id") instanceof Number n ? n.longValue() : null,
        LetterKind.of((String) l.get("kind")).orElseThrow().toComplainant() && l.get("href") != null)).toList());
    model.addAttribute("letterKinds", LetterKind.values());
  }

  /** When a letter is due (owed) or went out (sent). */
  private static String when(Map<String, Object> letter, Locale locale) {
    Object at = letter.containsKey("postedOn") ? letter.get("postedOn") : letter.get("due");
    return at instanceof Instant i ? PageDates.format(i, locale)
        : at instanceof LocalDate d ? PageDates.format(d, locale) : null;
  }

  /**
   * The letter form: the letter is generated and numbered, and the page shows it with its download link. A refusal
   * (another role's letter, the wrong stage, a second letter without a reason) is shown beside the form.
   */
  @PostMapping("/staff/case/letters")
  String generate(StaffUser user, @RequestParam(required = false) String tn,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String passphrase,
                  Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
    if (tn == null || !tn.strip().matches(TrackingNumbers.PATTERN)) {
      throw new CaseNotFound();
    }
    String number = tn.strip();
    needToKnow.open(user, number, NeedToKnow.What.PAGE, null);
    try {
      letters.generate(user, number, kind, reason,
          letters.custodian(user, number, passphrase, NeedToKnow.What.LETTER_GENERATED));
    } catch (InvalidInputException e) {
      return page.again(user, number, e, model, locale, request, response, "letter");
    } catch (th.go.integritydesk.web.PassphraseRefused | th.go.integritydesk.web.TooManyAttempts e) {
      return page.again(user, number, passphraseProblem(e), model, locale, request, response, "letter");
    } catch (CaseStateConflict e) {
      return page.again(user, number, new InvalidInputException("kind", e.messageKey()), model, locale, request,
          response, "letter");
    } catch (StaffAccessDenied e) {
      if (e.status() != HttpStatus.FORBIDDEN) {
        throw e;
      }
      return page.again(user, number, new InvalidInputException("kind", e.messageKey()), model, locale, request,
          response, "letter");
    }
    return "redirect:/staff/case?tn=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "#letters";
  }

  /** A letter to the complainant from the page: its download needs the custodian's passphrase (a form, not a link). */
  @PostMapping("/staff/case/letters/download")
  Object download(StaffUser user, @RequestParam(required = false) String tn, @RequestParam(required = false) Long id,
                  @RequestParam(required = false) String passphrase, Model model, Locale locale,
                  HttpServletRequest request, HttpServletResponse response) {
    if (tn == null || !tn.strip().matches(TrackingNumbers.PATTERN) || id == null) {
      throw new CaseNotFound();
    }
    String number = tn.strip();
    needToKnow.open(user, number, NeedToKnow.What.PAGE, null);
    try {
      var letter = letters.download(user, number, id,
          letters.custodian(user, number, passphrase, NeedToKnow.What.LETTER)).orElseThrow(CaseNotFound::new);
      return LettersController.docx(letter.getKey(), letter.getValue());
    } catch (InvalidInputException | th.go.integritydesk.web.PassphraseRefused
             | th.go.integritydesk.web.TooManyAttempts e) {
      return page.again(user, number, passphraseProblem(e), model, locale, request, response, "letter");
    }
  }

  /** A missing, wrong or locked-out passphrase, shown beside the passphrase field. */
  private static InvalidInputException passphraseProblem(RuntimeException e) {
    String key = e instanceof th.go.integritydesk.web.PassphraseRefused refused ? refused.messageKey()
        : e instanceof InvalidInputException invalid ? invalid.messageKey() : "problem.tooMany.title";
    return new InvalidInputException("passphrase", key);
  }

  /** Refusals as the case-file page answers them (a page, not problem+json). */
  @org.springframework.web.bind.annotation.ExceptionHandler(StaffAccessDenied.class)
  String denied(StaffAccessDenied e, Model model, Locale locale, HttpServletResponse response) {
    return page.denied(e, model, locale, response);
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(CaseNotFound.class)
  String notFound(Model model, Locale locale, HttpServletResponse response) {
    return page.notFound(model, locale, response);
  }
}

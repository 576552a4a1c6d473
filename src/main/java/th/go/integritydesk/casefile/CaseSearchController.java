package th.go.integritydesk.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import th.go.integritydesk.intake.PageDates;
import th.go.integritydesk.web.InvalidInputException;
import th.go.integritydesk.web.StaffUser;

/**
 * Staff search (DESIGN.md: {@code GET /api/staff/search?q=…}) and the similar cases of a case, as JSON and as a page
 * that works without JavaScript. Results are the cases the searcher may read, 20 a page, with the matching text
 * marked; every search is in the audit log with who asked what (the deterrent for the insider looking for a case).
 */
@Controller
@Tag(name = "Staff", description = "Case files for officers (HTTP Basic with a Camunda user, or the webapp session)")
@SecurityRequirement(name = "basic")
class CaseSearchController {

  static final int PAGE_SIZE = 20;
  private static final Logger AUDIT = LoggerFactory.getLogger("integrity-desk.audit");

  record PageHit(String trackingNumber, String subject, String accused, String snippet, String receivedAt) {}

  private final CaseSearch search;
  private final NeedToKnow needToKnow;

  CaseSearchController(CaseSearch search, NeedToKnow needToKnow) {
    this.search = search;
    this.needToKnow = needToKnow;
  }

  @Operation(summary = "Cases the caller may read that match every term of q (tracking number, accused, unit, subject,"
      + " facts; Thai and English), 20 a page, the matching text in <mark>")
  @GetMapping("/api/staff/search")
  @ResponseBody
  ResponseEntity<CaseSearch.Results> api(StaffUser user, @RequestParam(required = false) String q,
                                         @RequestParam(defaultValue = "0") String page) {
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(run(user, q, page));
  }

  @Operation(summary = "The earlier cases most like this one (same accused or unit, similar facts) that the caller may read")
  @GetMapping("/api/staff/complaints/{trackingNumber}/similar")
  @ResponseBody
  ResponseEntity<List<CaseSearch.Hit>> similar(StaffUser user, @PathVariable String trackingNumber) {
    needToKnow.open(user, trackingNumber, NeedToKnow.What.SIMILAR, null);
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(search.similar(user, trackingNumber.strip(), 5));
  }

  @GetMapping("/staff/search")
  String page(StaffUser user, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") String page,
              Model model, Locale locale, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    model.addAttribute("q", q == null ? "" : q);
    if (q != null && !q.isBlank()) {
      CaseSearch.Results results = run(user, q, page);
      model.addAttribute("results", results);
      model.addAttribute("hits", results.hits().stream().map(h -> new PageHit(h.trackingNumber(), h.subject(),
          h.accused(), h.snippet(), PageDates.format(h.receivedAt(), locale))).toList());
      model.addAttribute("pages", (results.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }
    return "staff/search";
  }

  private CaseSearch.Results run(StaffUser user, String q, String page) {
    int number;
    try {
      number = Integer.parseInt(page.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("page", "search.page");
    }
    if (number < 0 || number > 1000) {
      throw new InvalidInputException("page", "search.page");
    }
    if (q != null && q.length() > 500) {
      throw new InvalidInputException("q", "search.tooLong");
    }
    CaseSearch.Results results = search.search(user, q, number, PAGE_SIZE);
    AUDIT.info("Search by {}: \"{}\" page {}, {} readable results", user.id(),
        q == null ? "" : q.replaceAll("[\\r\\n]+", " "), number, results.total());
    return results;
  }
}

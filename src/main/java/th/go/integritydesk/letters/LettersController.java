package th.go.integritydesk.letters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.process.ThaiDates;
import th.go.integritydesk.web.CaseNotFound;
import th.go.integritydesk.web.InvalidInputException;
import th.go.integritydesk.web.StaffUser;

/** The paper channel (DESIGN.md, "Letters"): a case's letters and orders, and the outgoing-letter register. */
@RestController
@Tag(name = "Staff", description = "Case files for officers (HTTP Basic with a Camunda user, or the webapp session)")
@SecurityRequirement(name = "basic")
public class LettersController {

  /** A letter asked for: its kind, and a reason when the case already has one of that kind. */
  public record LetterRequest(String kind, String reason) {}

  private static final MediaType DOCX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final Letters letters;
  private final OutgoingRegister register;

  public LettersController(Letters letters, OutgoingRegister register) {
    this.letters = letters;
    this.register = register;
  }

  @Operation(summary = "The case's letters and orders: kind, number, date, who, status")
  @GetMapping("/api/staff/complaints/{trackingNumber}/letters")
  public ResponseEntity<List<Map<String, Object>>> of(StaffUser user, @PathVariable String trackingNumber) {
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(letters.of(user, trackingNumber));
  }

  @Operation(summary = "Generate a letter {\"kind\", \"reason\"?}: 201 with its register number; 409 off its stage."
      + " A letter to the complainant needs the custodian's passphrase (X-Custodian-Passphrase)")
  @PostMapping(value = "/api/staff/complaints/{trackingNumber}/letters", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> generate(StaffUser user, @PathVariable String trackingNumber,
      @org.springframework.web.bind.annotation.RequestHeader(
          name = th.go.integritydesk.storage.Custodians.PASSPHRASE_HEADER, required = false) String passphrase,
      @RequestBody LetterRequest request) {
    Letters.Generated letter = letters.generate(user, trackingNumber, request == null ? null : request.kind(),
        request == null ? null : request.reason(),
        letters.custodian(user, trackingNumber, passphrase, th.go.integritydesk.casefile.NeedToKnow.What.LETTER_GENERATED));
    String href = "/api/staff/complaints/" + trackingNumber + "/letters/" + letter.id();
    return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, href)
        .body(Map.of("id", letter.id(), "kind", letter.kind().id(), "number", letter.number(),
            "date", letter.generatedAt(), "generatedBy", letter.generatedBy(), "status", "generated", "href", href));
  }

  @Operation(summary = "One letter, as a DOCX attachment named by its number (a letter to the complainant: with the"
      + " custodian's passphrase in X-Custodian-Passphrase, recorded as a reveal)")
  @GetMapping("/api/staff/complaints/{trackingNumber}/letters/{id}")
  public ResponseEntity<byte[]> download(StaffUser user, @PathVariable String trackingNumber, @PathVariable long id,
      @org.springframework.web.bind.annotation.RequestHeader(
          name = th.go.integritydesk.storage.Custodians.PASSPHRASE_HEADER, required = false) String passphrase) {
    var letter = letters.download(user, trackingNumber, id,
        letters.custodian(user, trackingNumber, passphrase, th.go.integritydesk.casefile.NeedToKnow.What.LETTER))
        .orElseThrow(CaseNotFound::new);
    return docx(letter.getKey(), letter.getValue());
  }

  /** A letter's DOCX as an attachment named by its number (the API and the case-file page). */
  static ResponseEntity<byte[]> docx(OutgoingRegister.Entry entry, byte[] content) {
    String name = entry.letterNumber().replaceAll("[^\\p{L}\\p{M}\\p{N}]+", "-") + "-" + entry.kind().id() + ".docx";
    return ResponseEntity.ok().contentType(DOCX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name,
            java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .body(content);
  }

  @Operation(summary = "The outgoing-letter register of a fiscal year, 100 a page (intake and supervisor)")
  @GetMapping("/api/staff/letters")
  public ResponseEntity<Map<String, Object>> register(StaffUser user, @RequestParam Integer fiscalYear,
                                                      @RequestParam(defaultValue = "0") int page) {
    user.requireAnyOf(Groups.INTAKE, Groups.SUPERVISOR);
    checkYear(fiscalYear);
    List<Map<String, Object>> entries = letters.registerPage(user, register.ofYear(fiscalYear, page));
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(Map.of("fiscalYear", fiscalYear, "page", page, "pageSize", OutgoingRegister.PAGE,
            "total", register.countOfYear(fiscalYear), "letters", entries));
  }

  @Operation(summary = "The whole register of a fiscal year as a workbook (written a row at a time)")
  @GetMapping("/api/staff/letters.xlsx")
  public ResponseEntity<byte[]> registerWorkbook(StaffUser user, @RequestParam Integer fiscalYear) {
    user.requireAnyOf(Groups.INTAKE, Groups.SUPERVISOR);
    checkYear(fiscalYear);
    try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
      SXSSFSheet sheet = book.createSheet(th.go.integritydesk.process.Bilingual.thai("letter.register.sheet", String.valueOf(fiscalYear)));
      Row head = sheet.createRow(0);
      String[] columns = {"number", "date", "addressee", "subject", "case", "by", "reason"};
      for (int i = 0; i < columns.length; i++) {
        head.createCell(i).setCellValue(th.go.integritydesk.process.Bilingual.both("letter.register." + columns[i]));
      }
      int row = 1;
      for (int page = 0; ; page++) {
        List<OutgoingRegister.Entry> entries = register.ofYear(fiscalYear, page);
        java.util.Set<String> withheld = letters.withheldOf(user, entries);
        for (OutgoingRegister.Entry e : entries) {
          Row r = sheet.createRow(row++);
          r.createCell(0).setCellValue(e.letterNumber());
          r.createCell(1).setCellValue(ThaiDates.thai(e.generatedAt()));
          if (withheld.contains(e.trackingNumber())) {
            // a case against the reader's own unit: its number and date only
            continue;
          }
          r.createCell(2).setCellValue(letters.addressee(user, e));
          r.createCell(3).setCellValue(e.subject());
          r.createCell(4).setCellValue(e.trackingNumber());
          r.createCell(5).setCellValue(e.generatedBy());
          r.createCell(6).setCellValue(e.reason() == null ? "" : e.reason());
        }
        if (entries.size() < OutgoingRegister.PAGE) {
          break;
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      book.dispose();
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
              .filename("letters-" + fiscalYear + ".xlsx").build().toString())
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .body(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void checkYear(Integer fiscalYear) {
    if (fiscalYear == null || fiscalYear < 2500 || fiscalYear > 2700) {
      throw new InvalidInputException("fiscalYear", "letter.fiscalYear");
    }
  }
}

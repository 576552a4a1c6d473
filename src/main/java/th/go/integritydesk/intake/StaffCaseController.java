package th.go.integritydesk.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.web.CaseNotFound;
import th.go.integritydesk.web.StaffUser;

/**
 * Staff intake (referrals and paper complaints recorded by {@code intake}, with who recorded them) and the case file
 * for the officers who handle cases: the facts, what the complainant added, the evidence. No identity.
 */
@RestController
@RequestMapping("/api/staff/complaints")
@Tag(name = "Staff", description = "Case files for officers (HTTP Basic with a Camunda user, or the webapp session)")
@SecurityRequirement(name = "basic")
public class StaffCaseController {

  private static final String[] CASE_HANDLERS = {Groups.INTAKE, Groups.SCREENING, Groups.SUPERVISOR,
      Groups.INVESTIGATOR, Groups.DISCIPLINARY_AUTHORITY};

  private final Complaints complaints;
  private final ComplainantReplies replies;
  private final EvidenceFiles evidence;
  private final ComplainantMessages messages;
  private final IntakeService intake;

  public StaffCaseController(Complaints complaints, ComplainantReplies replies, EvidenceFiles evidence,
                             ComplainantMessages messages, IntakeService intake) {
    this.intake = intake;
    this.complaints = complaints;
    this.replies = replies;
    this.evidence = evidence;
    this.messages = messages;
  }

  @Operation(summary = "Record a complaint as intake (group intake): every channel, referrals and NACC findings included")
  @org.springframework.web.bind.annotation.PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ComplaintIntakeController.ReceiptView> record(
      StaffUser user,
      @org.springframework.web.bind.annotation.RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
      @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody ComplaintSubmission complaint) {
    user.requireAnyOf(Groups.INTAKE);
    if (idempotencyKey != null && !idempotencyKey.matches("^[\\x21-\\x7e]{1,200}$")) {
      throw new th.go.integritydesk.web.InvalidInputException("Idempotency-Key", "idempotencyKey.invalid");
    }
    IntakeService.Receipt receipt = intake.submit(complaint, java.util.List.of(), idempotencyKey, user.id());
    return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
        .header("Location", "/api/staff/complaints/" + receipt.trackingNumber())
        .header("Cache-Control", "no-store")
        .body(new ComplaintIntakeController.ReceiptView(receipt.trackingNumber(), receipt.receiptCode(), receipt.anonymous()));
  }

  @Operation(summary = "The case file: facts, the complainant's later submissions, evidence, messages sent")
  @GetMapping("/{trackingNumber}")
  public Map<String, Object> caseFile(StaffUser user, @PathVariable String trackingNumber) {
    user.requireAnyOf(CASE_HANDLERS);
    Map<String, Object> file = new LinkedHashMap<>(complaints.caseFile(trackingNumber)
        .orElseThrow(CaseNotFound::new));
    file.put("complainantSubmissions", replies.of(trackingNumber));
    var stored = evidence.of(trackingNumber);
    file.put("evidence", java.util.stream.IntStream.range(0, stored.size()).mapToObj(i -> {
      var e = stored.get(i);
      return Map.of("id", e.id(), "fileName", e.fileName(), "contentType", e.contentType(), "size", e.size(),
          "sha256", e.sha256(), "receivedAt", e.receivedAt().toInstant(),
          "downloadName", EvidenceFiles.downloadName(trackingNumber, i + 1, e.contentType()),
          "href", "/api/staff/complaints/" + trackingNumber + "/evidence/" + e.id());
    }).toList());
    file.put("evidenceNote", EvidenceFiles.METADATA_NOTE);
    file.put("messagesToComplainant", messages.to(trackingNumber));
    return file;
  }

  @Operation(summary = "Download one evidence file, as an attachment named after the case and the detected type")
  @GetMapping("/{trackingNumber}/evidence/{id}")
  public ResponseEntity<byte[]> evidence(StaffUser user, @PathVariable String trackingNumber, @PathVariable long id) {
    user.requireAnyOf(CASE_HANDLERS);
    var file = evidence.content(trackingNumber, id).orElseThrow(CaseNotFound::new);
    String type = evidence.downloadType(file.getValue());
    int index = 1 + (int) evidence.of(trackingNumber).stream().takeWhile(e -> e.id() != id).count();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(EvidenceFiles.downloadName(trackingNumber, index, type)).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Digest", "sha-256=" + file.getKey().sha256())
        .body(file.getValue());
  }
}

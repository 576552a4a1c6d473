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
import th.go.integritydesk.web.StaffUser;

/** The case file for the officers who handle cases: the facts, what the complainant added, the evidence. No identity. */
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

  public StaffCaseController(Complaints complaints, ComplainantReplies replies, EvidenceFiles evidence,
                             ComplainantMessages messages) {
    this.complaints = complaints;
    this.replies = replies;
    this.evidence = evidence;
    this.messages = messages;
  }

  @Operation(summary = "The case file: facts, the complainant's later submissions, evidence, messages sent")
  @GetMapping("/{trackingNumber}")
  public Map<String, Object> caseFile(StaffUser user, @PathVariable String trackingNumber) {
    user.requireAnyOf(CASE_HANDLERS);
    Map<String, Object> file = new LinkedHashMap<>(complaints.caseFile(trackingNumber)
        .orElseThrow(CaseAccess.CaseNotFound::new));
    file.put("complainantSubmissions", replies.of(trackingNumber));
    file.put("evidence", evidence.of(trackingNumber).stream().map(e -> Map.of(
        "id", e.id(), "fileName", e.fileName(), "contentType", e.contentType(), "size", e.size(), "sha256", e.sha256(),
        "receivedAt", e.receivedAt().toInstant(),
        "href", "/api/staff/complaints/" + trackingNumber + "/evidence/" + e.id())).toList());
    file.put("messagesToComplainant", messages.to(trackingNumber));
    return file;
  }

  @Operation(summary = "Download one evidence file")
  @GetMapping("/{trackingNumber}/evidence/{id}")
  public ResponseEntity<byte[]> evidence(StaffUser user, @PathVariable String trackingNumber, @PathVariable long id) {
    user.requireAnyOf(CASE_HANDLERS);
    var file = evidence.content(trackingNumber, id).orElseThrow(CaseAccess.CaseNotFound::new);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.getKey().contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.getKey().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("Digest", "sha-256=" + file.getKey().sha256())
        .body(file.getValue());
  }
}

package th.go.integritydesk.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import th.go.integritydesk.casefile.NeedToKnow.What;
import th.go.integritydesk.intake.ComplainantReplies;
import th.go.integritydesk.intake.Complaints;
import th.go.integritydesk.intake.EvidenceFiles;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.web.CaseNotFound;
import th.go.integritydesk.web.StaffUser;

/**
 * The case file for the officers who need to know it ({@link NeedToKnow}): the facts, what the complainant added,
 * the evidence, the messages sent. Never the identity. A refusal answers as for an unknown case.
 */
@RestController
@RequestMapping("/api/staff/complaints")
@Tag(name = "Staff", description = "Case files for officers (HTTP Basic with a Camunda user, or the webapp session)")
@SecurityRequirement(name = "basic")
public class CaseFileController {

  private final NeedToKnow needToKnow;
  private final Complaints complaints;
  private final ComplainantReplies replies;
  private final EvidenceFiles evidence;
  private final ComplainantMessages messages;

  public CaseFileController(NeedToKnow needToKnow, Complaints complaints, ComplainantReplies replies,
                            EvidenceFiles evidence, ComplainantMessages messages) {
    this.needToKnow = needToKnow;
    this.complaints = complaints;
    this.replies = replies;
    this.evidence = evidence;
    this.messages = messages;
  }

  @Operation(summary = "The case file: facts, the complainant's later submissions, evidence, messages sent")
  @GetMapping("/{trackingNumber}")
  public Map<String, Object> caseFile(StaffUser user, @PathVariable String trackingNumber) {
    needToKnow.open(user, trackingNumber, What.API, null);
    return file(trackingNumber);
  }

  /** The case file of a case the caller was already let read. */
  Map<String, Object> file(String trackingNumber) {
    Map<String, Object> file = new LinkedHashMap<>(complaints.caseFile(trackingNumber).orElseThrow(CaseNotFound::new));
    file.put("complainantSubmissions", replies.of(trackingNumber));
    List<EvidenceFiles.Stored> stored = evidence.of(trackingNumber);
    file.put("evidence", IntStream.range(0, stored.size()).mapToObj(i -> {
      var e = stored.get(i);
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("id", e.id());
      one.put("fileName", e.fileName());
      one.put("contentType", e.contentType());
      one.put("size", e.size());
      one.put("sha256", e.sha256());
      one.put("receivedAt", e.receivedAt().toInstant());
      one.put("downloadName", EvidenceFiles.downloadName(trackingNumber, i + 1, e.contentType()));
      // what was removed from the copy officers get; a file that cannot be cleaned waits for a custodian's release
      one.put("metadataRemoved", e.metadataRemoved());
      one.put("needsRelease", e.needsRelease());
      if (!e.needsRelease()) {
        one.put("href", "/api/staff/complaints/" + trackingNumber + "/evidence/" + e.id());
      }
      return one;
    }).toList());
    file.put("evidenceNote", EvidenceFiles.METADATA_NOTE);
    file.put("messagesToComplainant", messages.to(trackingNumber));
    return file;
  }

  @Operation(summary = "Download one evidence file, as an attachment named after the case and the detected type")
  @GetMapping("/{trackingNumber}/evidence/{id}")
  public ResponseEntity<byte[]> evidence(StaffUser user, @PathVariable String trackingNumber, @PathVariable long id) {
    needToKnow.open(user, trackingNumber, What.EVIDENCE, id);
    var file = evidence.content(trackingNumber, id).orElseThrow(CaseNotFound::new);
    if (file.getKey().needsRelease()) {
      throw new th.go.integritydesk.web.CaseStateConflict("evidence.needsRelease");
    }
    String type = evidence.downloadType(file.getValue());
    int index = 1 + (int) evidence.of(trackingNumber).stream().takeWhile(e -> e.id() != id).count();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(EvidenceFiles.downloadName(trackingNumber, index, type)).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        // of the copy served (the case file's sha256 is of the file as received)
        .header("Digest", "sha-256=" + EvidenceFiles.sha256(file.getValue()))
        .body(file.getValue());
  }
}

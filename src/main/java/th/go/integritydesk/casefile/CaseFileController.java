package th.go.integritydesk.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import th.go.integritydesk.casefile.NeedToKnow.What;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.intake.ComplainantReplies;
import th.go.integritydesk.intake.Complaints;
import th.go.integritydesk.intake.EvidenceFiles;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.storage.Custodians;
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

  private static final org.slf4j.Logger AUDIT = org.slf4j.LoggerFactory.getLogger("integrity-desk.audit");

  private final NeedToKnow needToKnow;
  private final Complaints complaints;
  private final ComplainantReplies replies;
  private final EvidenceFiles evidence;
  private final ComplainantMessages messages;
  private final CustodianPassphrases passphrases;

  public CaseFileController(NeedToKnow needToKnow, Complaints complaints, ComplainantReplies replies,
                            EvidenceFiles evidence, ComplainantMessages messages, CustodianPassphrases passphrases) {
    this.passphrases = passphrases;
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
      one.put("originalKept", e.originalKept());
      if (!e.needsRelease()) {
        one.put("href", "/api/staff/complaints/" + trackingNumber + "/evidence/" + e.id());
      }
      if (e.released()) {
        one.put("originalReleased", Map.of("releasedBy", e.releasedBy(), "releasedAt", e.releasedAt()));
        one.put("originalHref", originalHref(trackingNumber, e.id()));
      }
      return one;
    }).toList());
    file.put("evidenceNote", EvidenceFiles.METADATA_NOTE);
    file.put("messagesToComplainant", messages.to(trackingNumber));
    return file;
  }

  /** A custodian's release of a file's sealed original, with the reason (recorded on the file and as a read). */
  public record ReleaseRequest(@NotBlank @Size(min = 10, max = 1000) String reason) {}

  @Operation(summary = "Download one evidence file, as an attachment named after the case and the detected type")
  @GetMapping("/{trackingNumber}/evidence/{id}")
  public ResponseEntity<byte[]> evidence(StaffUser user, @PathVariable String trackingNumber, @PathVariable long id) {
    needToKnow.open(user, trackingNumber, What.EVIDENCE, id);
    var file = evidence.content(trackingNumber, id).orElseThrow(CaseNotFound::new);
    if (file.getKey().needsRelease()) {
      throw new th.go.integritydesk.web.CaseStateConflict("evidence.needsRelease");
    }
    return download(trackingNumber, id, file.getValue(), "");
  }

  @Operation(summary = "Release the sealed original of an evidence file to the case's readers (an identity custodian:"
      + " intake, outside the accused's unit, with the passphrase in X-Custodian-Passphrase and a reason; recorded)."
      + " 409 when nothing was removed from the file")
  @PostMapping("/{trackingNumber}/evidence/{id}/release")
  public Map<String, Object> release(StaffUser user, @PathVariable String trackingNumber, @PathVariable long id,
      @org.springframework.web.bind.annotation.RequestHeader(name = Custodians.PASSPHRASE_HEADER, required = false)
      String passphrase, @Valid @RequestBody ReleaseRequest request) {
    user.requireAnyOf(Groups.INTAKE);
    String tn = trackingNumber.strip();
    passphrases.unlock(user, tn, What.ORIGINAL, passphrase);
    needToKnow.openAsCustodian(user, tn, What.ORIGINAL);
    EvidenceFiles.Stored stored = evidence.of(tn).stream().filter(e -> e.id() == id).findFirst()
        .orElseThrow(CaseNotFound::new);
    if (!evidence.release(tn, id, user.id(), request.reason())) {
      throw new th.go.integritydesk.web.CaseStateConflict("evidence.noOriginal");
    }
    AUDIT.info("Original of evidence {} of case {} released by {} (reason recorded)", stored.id(), tn, user.id());
    EvidenceFiles.Stored released = evidence.of(tn).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", id);
    answer.put("releasedBy", released.releasedBy());
    answer.put("releasedAt", released.releasedAt());
    answer.put("originalHref", originalHref(tn, id));
    return answer;
  }

  @Operation(summary = "Download the file as received, once a custodian released it (to the case's readers), or as"
      + " a custodian deciding on its release. 409 while it is not released")
  @GetMapping("/{trackingNumber}/evidence/{id}/original")
  public ResponseEntity<byte[]> original(StaffUser user, @PathVariable String trackingNumber, @PathVariable long id,
      @org.springframework.web.bind.annotation.RequestHeader(name = Custodians.PASSPHRASE_HEADER, required = false)
      String passphrase) {
    String tn = trackingNumber.strip();
    boolean custodian = user.groups().contains(Groups.INTAKE) && !needToKnow.mayRead(user, tn);
    if (custodian) {
      passphrases.unlock(user, tn, What.ORIGINAL, passphrase);
      needToKnow.openAsCustodian(user, tn, What.ORIGINAL);
    } else {
      needToKnow.open(user, tn, What.ORIGINAL, id);
    }
    EvidenceFiles.Stored stored = evidence.of(tn).stream().filter(e -> e.id() == id).findFirst()
        .orElseThrow(CaseNotFound::new);
    if (!stored.originalKept()) {
      throw new th.go.integritydesk.web.CaseStateConflict("evidence.noOriginal");
    }
    if (!stored.released() && !custodian) {
      throw new th.go.integritydesk.web.CaseStateConflict("evidence.notReleased");
    }
    byte[] bytes = evidence.original(tn, id).orElseThrow(CaseNotFound::new);
    return download(tn, id, bytes, "original-");
  }

  static String originalHref(String trackingNumber, long id) {
    return "/api/staff/complaints/" + trackingNumber + "/evidence/" + id + "/original";
  }

  private ResponseEntity<byte[]> download(String trackingNumber, long id, byte[] content, String prefix) {
    String type = evidence.downloadType(content);
    int index = 1 + (int) evidence.of(trackingNumber).stream().takeWhile(e -> e.id() != id).count();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(prefix + EvidenceFiles.downloadName(trackingNumber, index, type)).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        // of the copy served (the case file's sha256 is of the file as received)
        .header("Digest", "sha-256=" + EvidenceFiles.sha256(content))
        .body(content);
  }
}

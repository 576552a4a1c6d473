package th.go.integritydesk.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import th.go.integritydesk.casefile.NeedToKnow.What;
import th.go.integritydesk.intake.EvidenceFiles;
import th.go.integritydesk.web.CaseNotFound;
import th.go.integritydesk.web.InvalidInputException;
import th.go.integritydesk.web.StaffUser;

/**
 * Where the investigation lives (DESIGN.md, "Case file"): internal notes and officers' documents, under the
 * need-to-know rule; every read and write is recorded.
 */
@RestController
@RequestMapping("/api/staff/complaints/{trackingNumber}")
@Tag(name = "Staff", description = "Case files for officers (HTTP Basic with a Camunda user, or the webapp session)")
@SecurityRequirement(name = "basic")
public class CaseRecordsController {

  /** A note as the API takes it. */
  public record NewNote(@Size(max = 20_000) String text, Long corrects) {}

  private final NeedToKnow needToKnow;
  private final CaseNotes notes;
  private final CaseDocuments documents;
  private final EvidenceFiles files;
  private final CaseTimeline timeline;

  public CaseRecordsController(NeedToKnow needToKnow, CaseNotes notes, CaseDocuments documents, EvidenceFiles files,
                               CaseTimeline timeline) {
    this.needToKnow = needToKnow;
    this.notes = notes;
    this.documents = documents;
    this.files = files;
    this.timeline = timeline;
  }

  @Operation(summary = "The case's timeline, oldest first, 500 entries at a time from offset: tasks and who did them,"
      + " stages, messages, submissions, notes, documents; for supervisors also identity reveals and case-file reads")
  @GetMapping("/timeline")
  public ResponseEntity<List<CaseTimeline.Entry>> timeline(StaffUser user, @PathVariable String trackingNumber,
                                                           @RequestParam(defaultValue = "0") int offset) {
    if (offset < 0 || offset > CaseTimeline.MAX_OFFSET) {
      throw new InvalidInputException("offset", "timeline.offset", CaseTimeline.MAX_OFFSET);
    }
    needToKnow.open(user, trackingNumber, What.TIMELINE, null);
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(timeline.of(user, trackingNumber, offset));
  }

  @Operation(summary = "The case's internal notes, oldest first (500 at a time from offset; X-Total-Count)")
  @GetMapping("/notes")
  public ResponseEntity<List<CaseNotes.Note>> notes(StaffUser user, @PathVariable String trackingNumber,
                                                     @RequestParam(defaultValue = "0") int offset) {
    needToKnow.open(user, trackingNumber, What.NOTES, null);
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("X-Total-Count", Integer.toString(notes.count(trackingNumber)))
        .body(notes.of(trackingNumber, offset));
  }

  @Operation(summary = "Add an internal note {\"text\", \"corrects\"?}; never shown to the complainant")
  @PostMapping(value = "/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<CaseNotes.Note> addNote(StaffUser user, @PathVariable String trackingNumber,
                                                @RequestBody NewNote note) {
    needToKnow.open(user, trackingNumber, What.NOTE_WRITTEN, null);
    CaseNotes.Note added = notes.add(trackingNumber, user.id(), note == null ? null : note.text(),
        note == null ? null : note.corrects(), CaseNotes.Through.API, null);
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(HttpHeaders.LOCATION, "/api/staff/complaints/" + trackingNumber + "/notes#" + added.id())
        .body(added);
  }

  @Operation(summary = "Every version of the case's documents, oldest first, with its download link")
  @GetMapping("/documents")
  public ResponseEntity<List<Map<String, Object>>> documents(StaffUser user, @PathVariable String trackingNumber) {
    needToKnow.open(user, trackingNumber, What.DOCUMENTS, null);
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(documents.of(trackingNumber).stream().map(v -> view(trackingNumber, v)).toList());
  }

  @Operation(summary = "Upload a document (multipart: file, kind, replaces?) by an officer holding a task, or a supervisor")
  @PostMapping(value = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Map<String, Object>> upload(StaffUser user, @PathVariable String trackingNumber,
                                                    @RequestPart(value = "file", required = false) MultipartFile file,
                                                    @RequestParam(required = false) String kind,
                                                    @RequestParam(required = false) String replaces) {
    needToKnow.openToWork(user, trackingNumber, What.DOCUMENT_UPLOADED);
    CaseDocuments.Version stored = store(user, trackingNumber, file, kind, replaces);
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(HttpHeaders.LOCATION, "/api/staff/complaints/" + trackingNumber + "/documents/" + stored.id())
        .body(view(trackingNumber, stored));
  }

  /** Checks and stores an upload (the API and the case-file page). */
  CaseDocuments.Version store(StaffUser user, String trackingNumber, MultipartFile file, String kind, String replaces) {
    CaseDocuments.Kind parsed = CaseDocuments.kind(kind);
    Long replaced = null;
    if (replaces != null && !replaces.isBlank()) {
      try {
        replaced = Long.parseLong(replaces.strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("replaces", "document.replaces");
      }
    }
    if (file == null) {
      throw new InvalidInputException("file", "evidence.empty");
    }
    return documents.add(trackingNumber, parsed, replaced, files.accept("file", file), user.id());
  }

  @Operation(summary = "One version of a document, as an attachment named after the case, kind and version")
  @GetMapping("/documents/{id}")
  public ResponseEntity<byte[]> document(StaffUser user, @PathVariable String trackingNumber, @PathVariable long id) {
    needToKnow.open(user, trackingNumber, What.DOCUMENT, id);
    CaseDocuments.Version version = documents.of(trackingNumber).stream().filter(v -> v.id() == id).findFirst()
        .orElseThrow(CaseNotFound::new);
    byte[] content = documents.content(trackingNumber, id).orElseThrow(CaseNotFound::new);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(files.downloadType(content)))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(CaseDocuments.downloadName(trackingNumber, version)).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Digest", "sha-256=" + version.sha256())
        .body(content);
  }

  static Map<String, Object> view(String trackingNumber, CaseDocuments.Version v) {
    Map<String, Object> view = new java.util.LinkedHashMap<>();
    view.put("id", v.id());
    view.put("kind", v.kind().name());
    view.put("kindLabel", Map.of("th", th.go.integritydesk.process.Bilingual.thai("document.kind." + v.kind().name()),
        "en", th.go.integritydesk.process.Bilingual.english("document.kind." + v.kind().name())));
    view.put("version", v.version());
    if (v.replaces() != null) {
      view.put("replaces", v.replaces());
    }
    view.put("latest", v.latest());
    view.put("fileName", v.fileName());
    view.put("contentType", v.contentType());
    view.put("size", v.size());
    view.put("sha256", v.sha256());
    view.put("uploadedBy", v.uploadedBy());
    view.put("uploadedAt", v.uploadedAt());
    view.put("downloadName", CaseDocuments.downloadName(trackingNumber, v));
    view.put("href", "/api/staff/complaints/" + trackingNumber + "/documents/" + v.id());
    return view;
  }
}

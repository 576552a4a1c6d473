package th.go.integritydesk.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import th.go.integritydesk.notification.ComplainantMessages;
import th.go.integritydesk.web.InvalidInputException;

/** The public channel: complainants and referring bodies submit, follow their case and add facts. */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complainants", description = "Public intake, status and messages (no login; a receipt code instead)")
public class ComplaintIntakeController {

  public record ReceiptView(String trackingNumber, String receiptCode, boolean anonymous,
                            List<EvidenceFiles.FileNotice> files) {}

  public record MessageView(String kind, String th, String en, Instant at) {}

  public record StatusView(String trackingNumber, Stage stage, String status, Instant receivedAt, Instant closedAt,
                           String outcome, boolean awaitingInformation, List<MessageView> messages) {}

  public record Reply(@NotBlank @Size(max = 4000) String text) {}

  public record ReplyAccepted(boolean accepted, boolean answeredRequestForInformation,
                              List<EvidenceFiles.FileNotice> files) {}

  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final String RECEIPT_CODE = "X-Receipt-Code";

  private final IntakeService intake;
  private final EvidenceFiles evidence;
  private final CaseAccess access;
  private final ComplainantMessages messages;
  private final ComplainantReplies replies;

  public ComplaintIntakeController(IntakeService intake, EvidenceFiles evidence, CaseAccess access,
                                   ComplainantMessages messages, ComplainantReplies replies) {
    this.intake = intake;
    this.evidence = evidence;
    this.access = access;
    this.messages = messages;
    this.replies = replies;
  }

  @Operation(summary = "Submit a complaint (JSON)")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ReceiptView> submit(
      @Parameter(description = "Makes a retried submission answer with the first case") @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @Valid @RequestBody ComplaintSubmission complaint) {
    return submitted(complaint, List.of(), idempotencyKey);
  }

  @Operation(summary = "Submit a complaint with evidence files (multipart: part 'complaint' as JSON, parts 'evidence')")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<ReceiptView> submitWithEvidence(
      @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @Valid @RequestPart("complaint") ComplaintSubmission complaint,
      @RequestPart(value = "evidence", required = false) List<MultipartFile> files) {
    return submitted(complaint, evidence.accept(files), idempotencyKey);
  }

  private ResponseEntity<ReceiptView> submitted(ComplaintSubmission complaint, List<EvidenceFiles.Accepted> files,
                                                String idempotencyKey) {
    if (idempotencyKey != null && !idempotencyKey.matches("^[\\x21-\\x7e]{1,200}$")) {
      throw new InvalidInputException(IDEMPOTENCY_KEY, "idempotencyKey.invalid");
    }
    // a concurrent retry with the same key is answered with the first one's case (IntakeService)
    IntakeService.Receipt receipt = intake.submit(complaint, files, idempotencyKey);
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Location", "/api/complaints/" + receipt.trackingNumber())
        .header("Cache-Control", "no-store")
        .body(new ReceiptView(receipt.trackingNumber(), receipt.receiptCode(), receipt.anonymous(),
            receipt.files()));
  }

  @Operation(summary = "Follow a case: stage, dates, outcome and the messages addressed to the complainant")
  @GetMapping("/{trackingNumber}")
  public ResponseEntity<StatusView> status(@PathVariable String trackingNumber,
                                           @RequestHeader(value = RECEIPT_CODE, required = false) String receiptCode,
                                           HttpServletRequest request) {
    Complaints.Summary summary = access.open(trackingNumber, receiptCode, request.getRemoteAddr());
    List<MessageView> toComplainant = messages.to(summary.trackingNumber()).stream()
        .map(m -> new MessageView(m.kind().name(), m.thai(), m.english(), m.createdAt())).toList();
    return ResponseEntity.ok().header("Cache-Control", "no-store").body(new StatusView(summary.trackingNumber(),
        summary.stage(), summary.stage() == Stage.CLOSED ? "CLOSED" : "OPEN", summary.receivedAt(), summary.closedAt(),
        summary.outcome(), summary.stage() == Stage.AWAITING_COMPLAINANT, toComplainant));
  }

  @Operation(summary = "Add facts to a case (JSON)")
  @PostMapping(value = "/{trackingNumber}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ReplyAccepted> reply(@PathVariable String trackingNumber,
                                             @RequestHeader(value = RECEIPT_CODE, required = false) String receiptCode,
                                             @Valid @RequestBody Reply reply, HttpServletRequest request) {
    return replied(trackingNumber, receiptCode, reply, List.of(), request);
  }

  @Operation(summary = "Add facts and files to a case (multipart: part 'message' as JSON, parts 'evidence')")
  @PostMapping(value = "/{trackingNumber}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<ReplyAccepted> replyWithEvidence(@PathVariable String trackingNumber,
                                                         @RequestHeader(value = RECEIPT_CODE, required = false) String receiptCode,
                                                         @Valid @RequestPart("message") Reply reply,
                                                         @RequestPart(value = "evidence", required = false) List<MultipartFile> files,
                                                         HttpServletRequest request) {
    return replied(trackingNumber, receiptCode, reply, evidence.accept(files), request);
  }

  private ResponseEntity<ReplyAccepted> replied(String trackingNumber, String receiptCode, Reply reply,
                                                List<EvidenceFiles.Accepted> files, HttpServletRequest request) {
    Complaints.Summary summary = access.open(trackingNumber, receiptCode, request.getRemoteAddr());
    if (summary.stage() == Stage.CLOSED) {
      throw new InvalidInputException("trackingNumber", "complaint.closed");
    }
    ComplainantReplies.Added added = replies.add(summary.trackingNumber(), reply.text(), files);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new ReplyAccepted(true, added.answeredRequest(), EvidenceFiles.notices(added.files())));
  }
}

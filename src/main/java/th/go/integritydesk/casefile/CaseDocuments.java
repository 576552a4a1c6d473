package th.go.integritydesk.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import th.go.integritydesk.intake.EvidenceFiles;
import th.go.integritydesk.process.EngineClock;
import th.go.integritydesk.storage.SealedStore;
import th.go.integritydesk.storage.SealedStore.Purpose;
import th.go.integritydesk.web.CaseStateConflict;
import th.go.integritydesk.web.InvalidInputException;

/**
 * Officers' documents of a case (interview records, reports, orders), each with its kind, sealed at rest like
 * evidence. A document is never overwritten: a new version replaces the latest one, and every version stays with its
 * author and time.
 */
@Repository
public class CaseDocuments {

  /** The kinds of DESIGN.md, labelled {@code document.kind.<KIND>} in both languages. */
  public enum Kind {
    INTERVIEW_RECORD, FACT_FINDING_REPORT, COMMITTEE_ORDER, INVESTIGATION_REPORT, PENALTY_ORDER, CORRESPONDENCE, OTHER
  }

  public record Version(long id, Kind kind, int version, Long replaces, String fileName, String contentType,
                        long size, String sha256, String uploadedBy, Instant uploadedAt, boolean latest) {}

  /** The most versions one answer lists. */
  public static final int PAGE = 500;

  private final JdbcClient jdbc;
  private final SealedStore sealed;

  public CaseDocuments(JdbcClient jdbc, SealedStore sealed) {
    this.jdbc = jdbc;
    this.sealed = sealed;
  }

  public static Kind kind(String kind) {
    try {
      return Kind.valueOf(kind == null ? "" : kind.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("kind", "document.kind.unknown");
    }
  }

  /**
   * Stores a document, or a new version of one ({@code replaces}: the latest version of a document of this case);
   * the file was typed and sized by {@link EvidenceFiles#accept(String, org.springframework.web.multipart.MultipartFile)}.
   */
  @Transactional
  public Version add(String trackingNumber, Kind kind, Long replaces, EvidenceFiles.Accepted file, String uploadedBy) {
    int version = 1;
    if (replaces != null) {
      record Replaced(int version, boolean latest) {}
      Replaced replaced = jdbc.sql("SELECT d.version, NOT EXISTS (SELECT 1 FROM case_document n WHERE n.replaces = d.id)"
              + " FROM case_document d WHERE d.id = ? AND d.tracking_number = ?")
          .params(replaces, trackingNumber)
          .query((rs, i) -> new Replaced(rs.getInt(1), rs.getBoolean(2)))
          .optional()
          .orElseThrow(() -> new InvalidInputException("replaces", "document.replaces"));
      if (!replaced.latest()) {
        throw new CaseStateConflict("document.replacedAlready");
      }
      version = replaced.version() + 1;
    }
    var now = EngineClock.now();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    try {
      jdbc.sql("""
              INSERT INTO case_document (tracking_number, kind, version, replaces, file_name_sealed, content_type,
                size_bytes, sha256, content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(trackingNumber, kind.name(), version, replaces,
              sealed.sealText(trackingNumber, Purpose.DOCUMENT_NAME, file.fileName()), file.contentType(),
              file.content().length, file.sha256(), sealed.seal(trackingNumber, Purpose.DOCUMENT, file.content()),
              uploadedBy, now)
          .update(key, "id");
    } catch (DuplicateKeyException e) {
      throw new CaseStateConflict("document.replacedAlready"); // another officer replaced it a moment before
    }
    return new Version(key.getKey().longValue(), kind, version, replaces, file.fileName(), file.contentType(),
        file.content().length, file.sha256(), uploadedBy, now.toInstant(), true);
  }

  /** Every version of the case's documents, oldest first (at most {@link #PAGE}). */
  public List<Version> of(String trackingNumber) {
    return jdbc.sql("SELECT d.id, d.kind, d.version, d.replaces, d.file_name_sealed, d.content_type, d.size_bytes,"
            + " d.sha256, d.uploaded_by, d.uploaded_at,"
            + " NOT EXISTS (SELECT 1 FROM case_document n WHERE n.replaces = d.id) AS latest"
            + " FROM case_document d WHERE d.tracking_number = ? ORDER BY d.id FETCH FIRST " + PAGE + " ROWS ONLY")
        .param(trackingNumber)
        .query((rs, i) -> new Version(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getInt(3),
            (Long) rs.getObject(4, Long.class),
            sealed.openText(trackingNumber, Purpose.DOCUMENT_NAME, rs.getBytes(5)).orElse(""), rs.getString(6),
            rs.getLong(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getBoolean(11)))
        .list();
  }

  /** One version's bytes, opened. */
  public Optional<byte[]> content(String trackingNumber, long id) {
    return jdbc.sql("SELECT content FROM case_document WHERE tracking_number = ? AND id = ?")
        .params(trackingNumber, id)
        .query(byte[].class).optional()
        .flatMap(content -> sealed.open(trackingNumber, Purpose.DOCUMENT, content));
  }

  /** The download name: the case, the kind, the version and the extension of the detected type. */
  public static String downloadName(String trackingNumber, Version version) {
    return trackingNumber + "-" + version.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
        + "-" + version.id() + "-v" + version.version() + "." + EvidenceFiles.extension(version.contentType());
  }
}

package th.go.integritydesk.intake;

import th.go.integritydesk.storage.SealedStore;
import th.go.integritydesk.storage.SealedStore.Purpose;
import th.go.integritydesk.process.Bilingual;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.Tika;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import th.go.integritydesk.web.InvalidInputException;

/**
 * Evidence files: counted and sized against the settings, typed from their bytes (a renamed executable stays an
 * executable), fingerprinted with SHA-256, given a safe name, and stored sealed in the database in the caller's
 * transaction so a failed intake leaves nothing behind.
 */
@Component
@ConfigurationProperties(prefix = "integrity-desk.evidence")
public class EvidenceFiles {

  public record Accepted(String fileName, String contentType, byte[] content, String sha256) {}

  /**
   * A stored file: size and SHA-256 of the file as received (chain of custody), what was removed from the officers'
   * copy, and whether officers must wait for a custodian's release (a file that cannot be cleaned).
   */
  public record Stored(long id, String fileName, String contentType, long size, String sha256, Timestamp receivedAt,
                       List<String> metadataRemoved, boolean needsRelease, boolean originalKept, Instant releasedAt,
                       String releasedBy) {
    public boolean released() {
      return releasedAt != null;
    }
  }

  private static final Set<String> PLAIN_TYPES = Set.of("application/pdf", "image/jpeg", "image/png", "text/plain");
  private static final Map<String, String> OFFICE_TYPES = Map.of(
      "word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private static final Map<String, String> EXTENSIONS = Map.of(
      "application/pdf", "pdf", "image/jpeg", "jpg", "image/png", "png", "text/plain", "txt",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

  /** Shown with the evidence in the case file. */
  public static final Map<String, String> METADATA_NOTE = Map.of(
      "th", Bilingual.thai("evidence.metadataNote"), "en", Bilingual.english("evidence.metadataNote"));

  private final Tika tika = new Tika();
  private final JdbcClient jdbc;
  private final SealedStore sealed;
  private final th.go.integritydesk.storage.FileMetadata metadata;
  private int maxFiles = 5;
  private DataSize maxFileSize = DataSize.ofMegabytes(10);

  public EvidenceFiles(JdbcClient jdbc, SealedStore sealed, th.go.integritydesk.storage.FileMetadata metadata) {
    this.jdbc = jdbc;
    this.sealed = sealed;
    this.metadata = metadata;
  }

  public List<Accepted> accept(List<MultipartFile> files) {
    List<MultipartFile> present = files == null ? List.of() : files.stream().filter(f -> f != null).toList();
    if (present.size() > maxFiles) {
      throw new InvalidInputException("evidence", "evidence.tooMany", maxFiles);
    }
    List<Accepted> accepted = new ArrayList<>();
    for (int i = 0; i < present.size(); i++) {
      accepted.add(accept("evidence[" + i + "]", present.get(i)));
    }
    return accepted;
  }

  /** One file, typed from its bytes and held to the same limits as evidence (officers' documents use it too). */
  public Accepted accept(String field, MultipartFile file) {
    if (file.isEmpty()) {
      throw new InvalidInputException(field, "evidence.empty");
    }
    if (file.getSize() > maxFileSize.toBytes()) {
      throw new InvalidInputException(field, "evidence.tooLarge", maxFileSize.toMegabytes());
    }
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new InvalidInputException(field, "evidence.unreadable");
    }
    String type = detect(content).orElseThrow(() -> new InvalidInputException(field, "evidence.type"));
    return new Accepted(safeName(file.getOriginalFilename()), type, content, sha256(content));
  }

  /** The type the bytes say they are, if it is one we take; never the name the sender gave. */
  Optional<String> detect(byte[] content) {
    String detected = tika.detect(content);
    if (PLAIN_TYPES.contains(detected)) {
      return Optional.of(detected);
    }
    if (detected.equals("application/zip") || detected.equals("application/x-tika-ooxml")) {
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
          String office = OFFICE_TYPES.get(entry.getName());
          if (office != null) {
            return Optional.of(office);
          }
        }
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** What was found in one file and removed from the officers' copy, or that it cannot be cleaned. */
  public record Cleaning(int index, String fileName, List<String> removed, boolean cleanable) {}

  /**
   * What the complainant is told of one file they sent (the receipt page, the intake's and the reply's answers): what
   * was found and removed from the copy officers get, or that it could not be checked and is kept sealed.
   */
  public record FileNotice(int file, String fileName, List<String> removed, boolean cleaned, String th, String en) {}

  /** The notices of the files, in Thai and English, from one place (messages*.properties). */
  public static List<FileNotice> notices(List<Cleaning> cleanings) {
    return cleanings.stream().map(c -> {
      String key = !c.cleanable() ? "evidence.notice.sealed"
          : c.removed().isEmpty() ? "evidence.notice.nothing" : "evidence.notice.removed";
      String thai = String.join(", ", c.removed().stream()
          .map(kind -> Bilingual.thai("metadata.kind." + kind)).toList());
      String english = String.join(", ", c.removed().stream()
          .map(kind -> Bilingual.english("metadata.kind." + kind)).toList());
      return new FileNotice(c.index(), c.fileName(), c.removed(), c.cleanable(),
          Bilingual.thai(key, c.index(), c.fileName(), thai),
          Bilingual.english(key, c.index(), c.fileName(), english));
    }).toList();
  }

  /** The cleanings of the files already stored with a case or one of its submissions (an answer given again). */
  public List<Cleaning> cleanings(String trackingNumber, Long submissionId) {
    List<Stored> stored = jdbc.sql("SELECT id, file_name, file_name_sealed, content_type, size_bytes, sha256,"
            + " received_at, metadata_removed, needs_release, original_sealed IS NOT NULL AS original_kept,"
            + " released_at, released_by FROM evidence WHERE tracking_number = ? AND "
            + (submissionId == null ? "submission_id IS NULL" : "submission_id = ?") + " ORDER BY id")
        .params(submissionId == null ? new Object[] {trackingNumber} : new Object[] {trackingNumber, submissionId})
        .query((rs, i) -> stored(trackingNumber, rs))
        .list();
    List<Cleaning> cleanings = new java.util.ArrayList<>();
    for (Stored file : stored) {
      cleanings.add(new Cleaning(cleanings.size() + 1, file.fileName(), file.metadataRemoved(), !file.needsRelease()));
    }
    return cleanings;
  }

  /**
   * Stores the files sealed (SealedStore): the names the sender's device gave them, and for officers a copy without
   * the metadata that can identify a person or a place (storage.FileMetadata); the file as received is sealed apart
   * when anything was removed, and a file that cannot be cleaned is kept only so, for a custodian's release.
   */
  public List<Cleaning> store(String trackingNumber, Long submissionId, List<Accepted> files, Timestamp receivedAt) {
    List<Cleaning> cleanings = new java.util.ArrayList<>();
    for (Accepted file : files) {
      th.go.integritydesk.storage.FileMetadata.Cleaned cleaned = metadata.clean(file.content(), file.contentType());
      boolean changed = !cleaned.cleanable() || !cleaned.removed().isEmpty();
      // nothing found: the officers' copy is the file as received, byte for byte
      byte[] forOfficers = !cleaned.cleanable() ? new byte[0] : changed ? cleaned.content() : file.content();
      jdbc.sql("""
              INSERT INTO evidence (tracking_number, submission_id, file_name, file_name_sealed, content_type,
                size_bytes, sha256, content, sealed, received_at, original_sealed, metadata_removed, needs_release)
              VALUES (?, ?, '', ?, ?, ?, ?, ?, TRUE, ?, ?, ?, ?)""")
          .params(trackingNumber, submissionId,
              sealed.sealText(trackingNumber, Purpose.EVIDENCE_NAME, file.fileName()), file.contentType(),
              file.content().length, file.sha256(), sealed.seal(trackingNumber, Purpose.EVIDENCE, forOfficers),
              receivedAt, changed ? sealed.seal(trackingNumber, Purpose.ORIGINAL, file.content()) : null,
              cleaned.removed().isEmpty() ? null : String.join(",", cleaned.removed()), !cleaned.cleanable())
          .update();
      cleanings.add(new Cleaning(cleanings.size() + 1, file.fileName(), cleaned.removed(), cleaned.cleanable()));
    }
    return cleanings;
  }

  public List<Stored> of(String trackingNumber) {
    return jdbc.sql("SELECT id, file_name, file_name_sealed, content_type, size_bytes, sha256, received_at,"
            + " metadata_removed, needs_release, original_sealed IS NOT NULL AS original_kept, released_at, released_by"
            + " FROM evidence WHERE tracking_number = ? ORDER BY id")
        .param(trackingNumber)
        .query((rs, i) -> stored(trackingNumber, rs))
        .list();
  }

  /** The officers' copy (empty for a file that needs a custodian's release: see {@link Stored#needsRelease}). */
  public Optional<Map.Entry<Stored, byte[]>> content(String trackingNumber, long id) {
    return jdbc.sql("SELECT id, file_name, file_name_sealed, content_type, size_bytes, sha256, received_at, content,"
            + " sealed, metadata_removed, needs_release, original_sealed IS NOT NULL AS original_kept, released_at,"
            + " released_by FROM evidence WHERE tracking_number = ? AND id = ?")
        .params(trackingNumber, id)
        .query((rs, i) -> {
          byte[] content = rs.getBytes("content");
          Optional<byte[]> opened = rs.getBoolean("sealed") ? sealed.open(trackingNumber, Purpose.EVIDENCE, content)
              : Optional.of(content);
          Stored stored = stored(trackingNumber, rs);
          return opened.map(bytes -> Map.entry(stored, bytes));
        })
        .optional().flatMap(entry -> entry);
  }

  private Stored stored(String trackingNumber, java.sql.ResultSet rs) throws java.sql.SQLException {
    String name = sealed.openText(trackingNumber, Purpose.EVIDENCE_NAME, rs.getBytes("file_name_sealed"))
        .orElse(rs.getString("file_name"));
    String removed = rs.getString("metadata_removed");
    return new Stored(rs.getLong("id"), name, rs.getString("content_type"), rs.getLong("size_bytes"),
        rs.getString("sha256"), rs.getTimestamp("received_at"),
        removed == null || removed.isBlank() ? List.of() : List.of(removed.split(",")), rs.getBoolean("needs_release"),
        rs.getBoolean("original_kept"), rs.getTimestamp("released_at") == null ? null
            : rs.getTimestamp("released_at").toInstant(), rs.getString("released_by"));
  }

  /**
   * Releases the sealed original of a file to the case's readers (an identity custodian's audited decision: the
   * original is the evidence, or the file could not be cleaned); false when no original was kept (nothing was
   * removed from it). Releasing again keeps the first release.
   */
  public boolean release(String trackingNumber, long id, String releasedBy, String reason) {
    Boolean kept = jdbc.sql("SELECT original_sealed IS NOT NULL FROM evidence WHERE tracking_number = ? AND id = ?")
        .params(trackingNumber, id).query(Boolean.class).optional().orElse(false);
    if (!kept) {
      return false;
    }
    jdbc.sql("UPDATE evidence SET released_at = ?, released_by = ?, release_reason = ? WHERE tracking_number = ?"
            + " AND id = ? AND released_at IS NULL")
        .params(th.go.integritydesk.process.EngineClock.now(), releasedBy, reason.strip(), trackingNumber, id).update();
    return true;
  }

  /** The file as received (sealed apart), for a custodian or once released; empty when none was kept. */
  public Optional<byte[]> original(String trackingNumber, long id) {
    return jdbc.sql("SELECT original_sealed FROM evidence WHERE tracking_number = ? AND id = ?")
        .params(trackingNumber, id).query((rs, i) -> Optional.ofNullable(rs.getBytes(1))).optional()
        .flatMap(o -> o).flatMap(bytes -> sealed.open(trackingNumber, Purpose.ORIGINAL, bytes));
  }


  /**
   * The name a download gets: the case, the file's position in it and the extension of the type detected from its
   * bytes, never the uploader's name or extension (a {@code notes.hta} is saved as {@code ...-evidence-1.txt}).
   */
  /** The file extension of a type we take ({@code bin} for any other). */
  public static String extension(String detectedType) {
    return EXTENSIONS.getOrDefault(detectedType, "bin");
  }

  public static String downloadName(String trackingNumber, int index, String detectedType) {
    return trackingNumber + "-evidence-" + index + "." + EXTENSIONS.getOrDefault(detectedType, "bin");
  }

  /** The type the stored bytes are, detected again at download; unknown bytes are served as opaque data. */
  public String downloadType(byte[] content) {
    return detect(content).orElse("application/octet-stream");
  }

  /** Keeps letters (Thai included), digits, dot, dash, underscore and space; never a path. */
  static String safeName(String original) {
    String name = original == null ? "" : original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    name = name.replaceAll("[^\\p{L}\\p{M}\\p{N}._ -]", "_").replaceAll("^[. ]+", "").strip();
    if (name.isEmpty()) {
      name = "evidence";
    }
    return name.length() > 100 ? name.substring(name.length() - 100) : name;
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public int getMaxFiles() { return maxFiles; }
  public void setMaxFiles(int maxFiles) { this.maxFiles = maxFiles; }
  public DataSize getMaxFileSize() { return maxFileSize; }
  public void setMaxFileSize(DataSize maxFileSize) { this.maxFileSize = maxFileSize; }
}

package th.go.integritydesk.storage;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.png.PngImagingParameters;
import org.apache.commons.imaging.formats.png.PngWriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfo;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.springframework.stereotype.Component;

/**
 * The metadata that can identify a person or a place, found in a file and removed from the copy officers get (the
 * data-at-rest issue; the original is kept sealed apart). With the format's own library, no parser of ours:
 * <ul>
 *   <li>JPEG: EXIF (GPS, owner, camera, serial, software), XMP and IPTC removed losslessly (Commons Imaging's
 *       rewriters keep the image data as it is);</li>
 *   <li>PNG: re-encoded by Commons Imaging (PNG is lossless), which writes no text, EXIF or XMP chunk;</li>
 *   <li>PDF: the document information and the XMP metadata (author, creator, producer, title, subject, keywords) by
 *       PDFBox; an encrypted PDF cannot be cleaned;</li>
 *   <li>DOCX, XLSX: the core, extended and custom properties (creator, last modified by, company, manager) by POI;</li>
 *   <li>plain text has none; any other container (TIFF, HEIC, an archive) cannot be cleaned here.</li>
 * </ul>
 * A file that cannot be cleaned is reported so: the caller keeps it sealed for a custodian's release.
 */
@Component
public class FileMetadata {

  /**
   * The officers' copy ({@code null} when the file cannot be cleaned), and what was found and removed: keys such as
   * {@code location}, {@code person}, {@code device}, {@code software}, {@code organisation}, {@code document}.
   */
  public record Cleaned(byte[] content, List<String> removed) {
    public boolean cleanable() {
      return content != null;
    }
  }

  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Cleans a file of the (detected, not declared) type. */
  public Cleaned clean(byte[] content, String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    try {
      return switch (type) {
        case "image/jpeg" -> jpeg(content);
        case "image/png" -> png(content);
        case "application/pdf" -> pdf(content);
        case DOCX, XLSX -> office(content);
        case "text/plain" -> new Cleaned(content, List.of());
        default -> new Cleaned(null, List.of());
      };
    } catch (IOException | org.apache.poi.openxml4j.exceptions.OpenXML4JException | org.apache.xmlbeans.XmlException
             | RuntimeException e) {
      return new Cleaned(null, List.of());
    }
  }

  private static Cleaned jpeg(byte[] content) throws IOException {
    Set<String> found = new LinkedHashSet<>();
    ImageMetadata metadata = Imaging.getMetadata(content);
    if (metadata instanceof JpegImageMetadata jpeg && jpeg.getExif() != null) {
      if (jpeg.getExif().getGpsInfo() != null) {
        found.add("location");
      }
      if (any(jpeg, TiffTagConstants.TIFF_TAG_ARTIST, TiffTagConstants.TIFF_TAG_COPYRIGHT,
          ExifTagConstants.EXIF_TAG_CAMERA_OWNER_NAME, ExifTagConstants.EXIF_TAG_OWNER_NAME)) {
        found.add("person");
      }
      if (any(jpeg, TiffTagConstants.TIFF_TAG_MAKE, TiffTagConstants.TIFF_TAG_MODEL,
          ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, ExifTagConstants.EXIF_TAG_SERIAL_NUMBER,
          ExifTagConstants.EXIF_TAG_LENS_SERIAL_NUMBER)) {
        found.add("device");
      }
      if (any(jpeg, TiffTagConstants.TIFF_TAG_SOFTWARE)) {
        found.add("software");
      }
      found.add("exif");
    }
    if (Imaging.getXmpXml(content) != null) {
      found.add("xmp");
    }
    ByteArrayOutputStream noExif = new ByteArrayOutputStream();
    new ExifRewriter().removeExifMetadata(content, noExif);
    ByteArrayOutputStream noXmp = new ByteArrayOutputStream();
    new JpegXmpRewriter().removeXmpXml(noExif.toByteArray(), noXmp);
    ByteArrayOutputStream clean = new ByteArrayOutputStream();
    new JpegIptcRewriter().removeIptc(noXmp.toByteArray(), clean);
    if (clean.size() < noXmp.size()) {
      found.add("iptc");
    }
    return new Cleaned(clean.toByteArray(), List.copyOf(found));
  }

  private static boolean any(JpegImageMetadata jpeg, TagInfo... tags) {
    for (TagInfo tag : tags) {
      if (jpeg.findExifValueWithExactMatch(tag) != null) {
        return true;
      }
    }
    return false;
  }

  private static Cleaned png(byte[] content) throws IOException {
    Set<String> found = new LinkedHashSet<>();
    ImageMetadata metadata = Imaging.getMetadata(content);
    if (metadata != null && !metadata.getItems().isEmpty()) {
      found.add("text");
    }
    if (Imaging.getXmpXml(content) != null) {
      found.add("xmp");
    }
    BufferedImage image = Imaging.getBufferedImage(content);
    ByteArrayOutputStream clean = new ByteArrayOutputStream();
    new PngWriter().writeImage(image, clean, new PngImagingParameters(), null);
    return new Cleaned(clean.toByteArray(), List.copyOf(found));
  }

  private static Cleaned pdf(byte[] content) throws IOException {
    try (PDDocument document = Loader.loadPDF(content)) {
      if (document.isEncrypted()) {
        return new Cleaned(null, List.of());
      }
      Set<String> found = new LinkedHashSet<>();
      PDDocumentInformation info = document.getDocumentInformation();
      if (info != null) {
        if (present(info.getAuthor())) {
          found.add("person");
        }
        if (present(info.getCreator()) || present(info.getProducer())) {
          found.add("software");
        }
        if (present(info.getTitle()) || present(info.getSubject()) || present(info.getKeywords())) {
          found.add("document");
        }
      }
      if (document.getDocumentCatalog().getMetadata() != null) {
        found.add("xmp");
      }
      document.setDocumentInformation(new PDDocumentInformation());
      document.getDocumentCatalog().setMetadata(null);
      // PDFBox writes its own name as the producer of a saved file unless told otherwise
      document.getDocumentInformation().setProducer(null);
      ByteArrayOutputStream clean = new ByteArrayOutputStream();
      document.save(clean);
      return new Cleaned(clean.toByteArray(), List.copyOf(found));
    } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
      return new Cleaned(null, List.of());
    }
  }

  private static Cleaned office(byte[] content)
      throws IOException, org.apache.poi.openxml4j.exceptions.OpenXML4JException, org.apache.xmlbeans.XmlException {
    try (OPCPackage pack = OPCPackage.open(new ByteArrayInputStream(content))) {
      POIXMLProperties properties = new POIXMLProperties(pack);
      Set<String> found = new LinkedHashSet<>();
      var core = properties.getCoreProperties();
      if (present(core.getCreator()) || present(core.getLastModifiedByUser())) {
        found.add("person");
      }
      if (present(core.getTitle()) || present(core.getSubject()) || present(core.getKeywords())
          || present(core.getDescription())) {
        found.add("document");
      }
      core.setCreator("");
      core.setLastModifiedByUser("");
      core.setTitle("");
      core.setSubjectProperty("");
      core.setKeywords("");
      core.setDescription("");
      core.setCategory("");
      var extended = properties.getExtendedProperties().getUnderlyingProperties();
      if (present(extended.getCompany()) || present(extended.getManager())) {
        found.add("organisation");
      }
      if (extended.isSetCompany()) {
        extended.unsetCompany();
      }
      if (extended.isSetManager()) {
        extended.unsetManager();
      }
      if (extended.isSetApplication()) {
        found.add("software");
        extended.unsetApplication();
      }
      var custom = properties.getCustomProperties().getUnderlyingProperties();
      if (custom.sizeOfPropertyArray() > 0) {
        found.add("custom");
        while (custom.sizeOfPropertyArray() > 0) {
          custom.removeProperty(0);
        }
      }
      properties.commit();
      ByteArrayOutputStream clean = new ByteArrayOutputStream();
      pack.save(clean);
      return new Cleaned(clean.toByteArray(), List.copyOf(found));
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}

package th.go.integritydesk.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.png.AbstractPngText;
import org.apache.commons.imaging.formats.png.PngImagingParameters;
import org.apache.commons.imaging.formats.png.PngWriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/**
 * Clean copies, read back with independent readers: metadata-extractor for images, the raw bytes and XML parts for
 * PDF and DOCX. The fixtures carry what a phone photo and an office document carry: GPS 13°45′N 100°30′E, the owner's
 * name, the camera and its serial, the author and the company.
 */
public class FileMetadataTest {

  public static final String OWNER = "Somchai Whistleblower";
  public static final String SERIAL = "SN-998877";
  private final FileMetadata cleaner = new FileMetadata();

  @Test
  void aPhonePhotoLosesItsPlaceItsOwnerAndItsCamera() throws Exception {
    byte[] photo = photoWithExif();
    Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo));
    assertThat(before.getFirstDirectoryOfType(GpsDirectory.class)).as("the fixture has GPS").isNotNull();
    assertThat(tags(before)).anyMatch(t -> t.contains(OWNER)).anyMatch(t -> t.contains(SERIAL));

    FileMetadata.Cleaned cleaned = cleaner.clean(photo, "image/jpeg");

    assertThat(cleaned.cleanable()).isTrue();
    assertThat(cleaned.removed()).contains("location", "person", "device", "exif");
    Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(cleaned.content()));
    assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
    assertThat(tags(after)).noneMatch(t -> t.contains(OWNER) || t.contains(SERIAL) || t.contains("PhoneMaker")
        || t.contains("Model X"));
    assertThat(new String(cleaned.content(), StandardCharsets.ISO_8859_1)).doesNotContain(OWNER).doesNotContain(SERIAL);
    // the picture itself is the same
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(cleaned.content()));
    assertThat(image.getWidth()).isEqualTo(40);
    assertThat(image.getHeight()).isEqualTo(30);
  }

  @Test
  void aPngLosesItsTextChunks() throws Exception {
    BufferedImage image = picture();
    PngImagingParameters parameters = new PngImagingParameters();
    parameters.setTextChunks(List.of(new AbstractPngText.Text("Author", OWNER),
        new AbstractPngText.Text("Comment", "taken at 13.75,100.5")));
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    new PngWriter().writeImage(image, png, parameters, null);
    assertThat(tags(ImageMetadataReader.readMetadata(new ByteArrayInputStream(png.toByteArray()))))
        .anyMatch(t -> t.contains(OWNER));

    FileMetadata.Cleaned cleaned = cleaner.clean(png.toByteArray(), "image/png");

    assertThat(cleaned.removed()).contains("text");
    assertThat(tags(ImageMetadataReader.readMetadata(new ByteArrayInputStream(cleaned.content()))))
        .noneMatch(t -> t.contains(OWNER) || t.contains("13.75"));
    assertThat(ImageIO.read(new ByteArrayInputStream(cleaned.content())).getRGB(5, 5)).isEqualTo(image.getRGB(5, 5));
  }

  @Test
  void aPdfLosesItsAuthorCreatorProducerAndXmp() throws Exception {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      document.getDocumentInformation().setAuthor(OWNER);
      document.getDocumentInformation().setCreator("Writer of " + OWNER);
      document.getDocumentInformation().setProducer("ProducerOf" + SERIAL);
      document.getDocumentInformation().setTitle("ใบเสนอราคา");
      var metadata = new org.apache.pdfbox.pdmodel.common.PDMetadata(document);
      metadata.importXMPMetadata(("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf="
          + "'http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/'>"
          + "<dc:creator>" + OWNER + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>")
          .getBytes(StandardCharsets.UTF_8));
      document.getDocumentCatalog().setMetadata(metadata);
      document.save(pdf);
    }
    assertThat(new String(pdf.toByteArray(), StandardCharsets.ISO_8859_1)).contains(OWNER);

    FileMetadata.Cleaned cleaned = cleaner.clean(pdf.toByteArray(), "application/pdf");

    assertThat(cleaned.removed()).contains("person", "software", "document", "xmp");
    String bytes = new String(cleaned.content(), StandardCharsets.ISO_8859_1);
    assertThat(bytes).doesNotContain(OWNER).doesNotContain(SERIAL).doesNotContain("PDFBox");
    try (PDDocument read = org.apache.pdfbox.Loader.loadPDF(cleaned.content())) {
      assertThat(read.getNumberOfPages()).isEqualTo(1);
    }
  }

  @Test
  void anOfficeDocumentLosesItsAuthorAndCompany() throws Exception {
    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    try (XWPFDocument document = new XWPFDocument()) {
      document.createParagraph().createRun().setText("บันทึกข้อเท็จจริง");
      document.getProperties().getCoreProperties().setCreator(OWNER);
      document.getProperties().getCoreProperties().setLastModifiedByUser(OWNER);
      document.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany("Company of " + OWNER);
      document.getProperties().getCustomProperties().addProperty("Phone", "0812345678");
      document.write(docx);
    }
    assertThat(partsText(docx.toByteArray())).contains(OWNER).contains("0812345678");

    FileMetadata.Cleaned cleaned = cleaner.clean(docx.toByteArray(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    assertThat(cleaned.removed()).contains("person", "organisation", "custom");
    assertThat(partsText(cleaned.content())).doesNotContain(OWNER).doesNotContain("0812345678")
        .contains("บันทึกข้อเท็จจริง");
  }

  @Test
  void anEncryptedPdfOrAnUnknownContainerCannotBeCleaned() throws Exception {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      document.getDocumentInformation().setAuthor(OWNER);
      document.protect(new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission()));
      document.save(pdf);
    }
    assertThat(cleaner.clean(pdf.toByteArray(), "application/pdf").cleanable()).isFalse();
    assertThat(cleaner.clean(new byte[] {0x50, 0x4b, 3, 4, 1, 2}, "application/zip").cleanable()).isFalse();
    assertThat(cleaner.clean("a note".getBytes(StandardCharsets.UTF_8), "text/plain").removed()).isEmpty();
    assertThat(cleaner.clean(new byte[] {1, 2, 3}, "image/jpeg").cleanable()).as("not really a JPEG").isFalse();
  }

  /** A 40×30 JPEG with EXIF as a phone writes it: GPS, owner, camera make, model and serial, software. */
  public static byte[] photoWithExif() throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(picture(), "jpg", plain);
    TiffOutputSet exif = new TiffOutputSet();
    TiffOutputDirectory root = exif.getOrCreateRootDirectory();
    root.add(TiffTagConstants.TIFF_TAG_ARTIST, OWNER);
    root.add(TiffTagConstants.TIFF_TAG_MAKE, "PhoneMaker");
    root.add(TiffTagConstants.TIFF_TAG_MODEL, "Model X");
    root.add(TiffTagConstants.TIFF_TAG_SOFTWARE, "Camera 1.0");
    exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, SERIAL);
    exif.setGpsInDegrees(100.5, 13.75);
    ByteArrayOutputStream photo = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), photo, exif);
    return photo.toByteArray();
  }

  private static BufferedImage picture() {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, 40, 30);
    g.dispose();
    return image;
  }

  private static List<String> tags(Metadata metadata) {
    List<String> all = new ArrayList<>();
    for (Directory directory : metadata.getDirectories()) {
      for (Tag tag : directory.getTags()) {
        all.add(directory.getName() + ": " + tag.getTagName() + " = " + tag.getDescription());
      }
    }
    return all;
  }

  /** Every XML part of an Office file, as text (the properties included), read without POI. */
  private static String partsText(byte[] office) throws Exception {
    StringBuilder text = new StringBuilder();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(office))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        text.append(entry.getName()).append('\n').append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return text.toString();
  }
}

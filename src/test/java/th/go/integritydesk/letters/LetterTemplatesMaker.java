package th.go.integritydesk.letters;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * How the first letter templates of {@code processes/letters/} were made (run once, then edited in Word by analysts;
 * the application never writes them): A4, TH Sarabun New 16 pt, the margins and layout of the Regulation on
 * Correspondence (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ) for an external letter (หนังสือภายนอก) and for an order
 * (คำสั่ง). {@code mvn -q test-compile exec:java} is not needed: run its main from the IDE or with java -cp.
 */
public final class LetterTemplatesMaker {

  static final String FONT = "TH Sarabun New";

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "processes/letters");
    Files.createDirectories(folder);
    letter(folder.resolve("acknowledgement.docx"), "แจ้งการรับเรื่องร้องเรียน", "{{complainantName}}",
        "{{complainantAddress}}", "หนังสือร้องเรียนของท่าน ลงวันที่ {{receivedDate}}", "-", List.of(
            "ตามที่ท่านได้ร้องเรียนต่อ{{agencyName}} เรื่อง {{caseSubject}} นั้น",
            "{{agencyName}}ได้รับเรื่องร้องเรียนของท่านไว้แล้ว โดยลงทะเบียนรับเรื่องไว้เป็นเลขที่ {{trackingNumber}}"
                + " เมื่อวันที่ {{receivedDate}} และจะดำเนินการตรวจสอบข้อเท็จจริงตามอำนาจหน้าที่ต่อไป ทั้งนี้ ข้อมูลของผู้ร้องเรียนจะได้รับ"
                + "การคุ้มครองเป็นความลับ",
            "ท่านสามารถติดตามความคืบหน้าได้ที่ {{statusPageUrl}} โดยใช้เลขรับเรื่องข้างต้นและรหัสติดตามเรื่องที่ได้รับเมื่อยื่นเรื่อง"
                + " หรือโทรศัพท์หมายเลข {{centrePhone}} ในวันและเวลาราชการ",
            "จึงเรียนมาเพื่อโปรดทราบ"));
    letter(folder.resolve("information-request.docx"), "ขอข้อมูลเพิ่มเติมประกอบเรื่องร้องเรียน", "{{complainantName}}",
        "{{complainantAddress}}", "เรื่องร้องเรียนเลขที่ {{trackingNumber}} ลงวันที่ {{receivedDate}}", "-", List.of(
            "ตามที่ท่านได้ร้องเรียนต่อ{{agencyName}} เรื่อง {{caseSubject}} นั้น",
            "เพื่อให้การตรวจสอบข้อเท็จจริงเป็นไปโดยครบถ้วน จึงขอความอนุเคราะห์ท่านโปรดให้ข้อมูลเพิ่มเติม ดังนี้ {{infoRequest}}",
            "ขอได้โปรดส่งข้อมูลดังกล่าวภายใน {{replyWithin}} นับแต่วันที่ได้รับหนังสือนี้ ทางหน้าติดตามเรื่อง {{statusPageUrl}}"
                + " หรือทางไปรษณีย์ตามที่อยู่ข้างต้น โดยอ้างถึงเลขรับเรื่อง {{trackingNumber}}",
            "จึงเรียนมาเพื่อโปรดพิจารณาให้ความอนุเคราะห์"));
    letter(folder.resolve("outcome.docx"), "แจ้งผลการดำเนินการเรื่องร้องเรียน", "{{complainantName}}",
        "{{complainantAddress}}", "เรื่องร้องเรียนเลขที่ {{trackingNumber}} ลงวันที่ {{receivedDate}}", "-", List.of(
            "ตามที่ท่านได้ร้องเรียนต่อ{{agencyName}} เรื่อง {{caseSubject}} นั้น",
            "{{agencyName}}ได้ดำเนินการเรื่องร้องเรียนของท่านตามอำนาจหน้าที่แล้ว ผลการดำเนินการ คือ {{outcome}}",
            "จึงเรียนมาเพื่อโปรดทราบ"));
    letter(folder.resolve("forwarding.docx"), "ส่งเรื่องร้องเรียนเพื่อพิจารณาดำเนินการ", "{{forwardTo}}", "",
        "-", "สรุปข้อเท็จจริงเรื่องร้องเรียนเลขที่ {{trackingNumber}} จำนวน 1 ชุด", List.of(
            "ด้วย{{agencyName}}ได้รับเรื่องร้องเรียน เรื่อง {{caseSubject}} เมื่อวันที่ {{receivedDate}}"
                + " ลงทะเบียนรับไว้เป็นเลขที่ {{trackingNumber}} กล่าวหา {{accused}}",
            "{{agencyName}}พิจารณาแล้วเห็นว่า {{screeningReason}} จึงขอส่งเรื่องร้องเรียนดังกล่าว พร้อมสรุปข้อเท็จจริง"
                + " รายการพยานหลักฐานและค่าแฮชของแต่ละไฟล์ มาเพื่อโปรดพิจารณาดำเนินการตามอำนาจหน้าที่ต่อไป",
            "ข้อมูลผู้ร้องเรียน: {{complainantForRecipient}}",
            "จึงเรียนมาเพื่อโปรดพิจารณา"));
    order(folder.resolve("committee-order.docx"), "แต่งตั้งคณะกรรมการสอบสวนทางวินัย", List.of(
        "ด้วยปรากฏเรื่องร้องเรียนเลขที่ {{trackingNumber}} เรื่อง {{caseSubject}} กล่าวหา {{accused}}"
            + " และผลการสืบสวนข้อเท็จจริงเห็นว่ามีมูลเป็นความผิดวินัยอย่างร้ายแรง",
        "อาศัยอำนาจตามพระราชบัญญัติระเบียบข้าราชการพลเรือน พ.ศ. 2551 จึงแต่งตั้งคณะกรรมการสอบสวนทางวินัย ประกอบด้วย"
            + " {{committeeChair}} เป็นประธานกรรมการ และ {{committeeMembers}} เป็นกรรมการ",
        "ให้คณะกรรมการประชุมครั้งแรกภายใน {{firstMeetingWithin}} นับแต่วันที่ประธานกรรมการได้รับทราบคำสั่ง"
            + " และดำเนินการสอบสวนให้แล้วเสร็จภายในกำหนด",
        "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"));
    order(folder.resolve("penalty-order.docx"), "ลงโทษทางวินัย", List.of(
        "ด้วยปรากฏเรื่องร้องเรียนเลขที่ {{trackingNumber}} เรื่อง {{caseSubject}} กล่าวหา {{accused}}",
        "ผู้มีอำนาจสั่งลงโทษได้พิจารณาแล้ว เห็นว่า {{penaltyReason}}",
        "จึงให้ลงโทษ {{penalty}}",
        "ผู้ถูกลงโทษมีสิทธิอุทธรณ์คำสั่งนี้ต่อคณะกรรมการพิทักษ์ระบบคุณธรรม (ก.พ.ค.) ภายในสามสิบวันนับแต่วันที่ทราบคำสั่ง",
        "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"));
  }

  /** An external letter (หนังสือภายนอก). */
  static void letter(Path file, String subject, String addressee, String address, String reference, String enclosures,
                     List<String> body) throws IOException {
    try (XWPFDocument doc = a4()) {
      paragraph(doc, ParagraphAlignment.RIGHT, 0, "{{agencyName}}");
      paragraph(doc, ParagraphAlignment.RIGHT, 0, "{{agencyAddress}}");
      paragraph(doc, ParagraphAlignment.LEFT, 0, "ที่ {{letterNumber}}");
      paragraph(doc, ParagraphAlignment.CENTER, 0, "{{date}}");
      labelled(doc, "เรื่อง", subject);
      labelled(doc, "เรียน", addressee);
      if (!address.isEmpty()) {
        paragraph(doc, ParagraphAlignment.LEFT, 720, address);
      }
      labelled(doc, "อ้างถึง", reference);
      labelled(doc, "สิ่งที่ส่งมาด้วย", enclosures);
      for (String line : body) {
        paragraph(doc, ParagraphAlignment.BOTH, 0, line).setIndentationFirstLine(1418);
      }
      paragraph(doc, ParagraphAlignment.CENTER, 0, "ขอแสดงความนับถือ").setSpacingBefore(240);
      paragraph(doc, ParagraphAlignment.CENTER, 0, "").setSpacingBefore(480);
      paragraph(doc, ParagraphAlignment.CENTER, 0, "({{signatoryName}})");
      paragraph(doc, ParagraphAlignment.CENTER, 0, "{{signatoryPosition}}");
      paragraph(doc, ParagraphAlignment.LEFT, 0, "{{responsibleUnit}}").setSpacingBefore(480);
      paragraph(doc, ParagraphAlignment.LEFT, 0, "โทร. {{centrePhone}}");
      paragraph(doc, ParagraphAlignment.LEFT, 0, "ไปรษณีย์อิเล็กทรอนิกส์ {{centreEmail}}");
      if (file.getFileName().toString().equals("forwarding.docx")) {
        // the enclosure: the case summary for the receiving body, on a page of its own
        XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER, 0, "สรุปข้อเท็จจริงเรื่องร้องเรียนเลขที่ {{trackingNumber}}");
        title.setPageBreak(true);
        title.getRuns().get(0).setBold(true);
        paragraph(doc, ParagraphAlignment.LEFT, 0, "{{caseSummary}}");
      }
      write(doc, file);
    }
  }

  /** An order (คำสั่ง). */
  static void order(Path file, String subject, List<String> body) throws IOException {
    try (XWPFDocument doc = a4()) {
      paragraph(doc, ParagraphAlignment.CENTER, 0, "คำสั่ง{{agencyName}}").getRuns().get(0).setBold(true);
      paragraph(doc, ParagraphAlignment.CENTER, 0, "ที่ {{letterNumber}}");
      paragraph(doc, ParagraphAlignment.CENTER, 0, "เรื่อง " + subject);
      paragraph(doc, ParagraphAlignment.CENTER, 0, "----------------------------");
      for (String line : body) {
        paragraph(doc, ParagraphAlignment.BOTH, 0, line).setIndentationFirstLine(1418);
      }
      paragraph(doc, ParagraphAlignment.CENTER, 0, "สั่ง ณ วันที่ {{date}}").setSpacingBefore(240);
      paragraph(doc, ParagraphAlignment.CENTER, 0, "").setSpacingBefore(480);
      paragraph(doc, ParagraphAlignment.CENTER, 0, "({{signatoryName}})");
      paragraph(doc, ParagraphAlignment.CENTER, 0, "{{signatoryPosition}}");
      write(doc, file);
    }
  }

  private static XWPFDocument a4() {
    XWPFDocument doc = new XWPFDocument();
    CTSectPr section = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    CTPageMar margins = section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(1418)); // 2.5 cm
    margins.setBottom(BigInteger.valueOf(1134)); // 2 cm
    margins.setLeft(BigInteger.valueOf(1701)); // 3 cm
    margins.setRight(BigInteger.valueOf(1134)); // 2 cm
    return doc;
  }

  private static void labelled(XWPFDocument doc, String label, String text) {
    XWPFParagraph p = paragraph(doc, ParagraphAlignment.LEFT, 0);
    run(p, label, true);
    run(p, "  " + text, false);
  }

  private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment, int indent, String... text) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(alignment);
    p.setSpacingAfter(0);
    if (indent > 0) {
      p.setIndentationLeft(indent);
    }
    for (String t : text) {
      run(p, t, false);
    }
    return p;
  }

  private static void run(XWPFParagraph p, String text, boolean bold) {
    XWPFRun run = p.createRun();
    // Thai is a complex script: Word and LibreOffice take its face and size from the cs properties
    for (XWPFRun.FontCharRange range : XWPFRun.FontCharRange.values()) {
      run.setFontFamily(FONT, range);
    }
    run.setFontSize(16);
    var properties = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
    properties.addNewSzCs().setVal(BigInteger.valueOf(32));
    properties.addNewLang().setBidi("th-TH");
    run.setBold(bold);
    if (bold) {
      properties.addNewBCs();
    }
    run.setText(text);
  }

  private static void write(XWPFDocument doc, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      doc.write(out);
    }
  }
}

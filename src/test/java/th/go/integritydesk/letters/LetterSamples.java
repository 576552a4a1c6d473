package th.go.integritydesk.letters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One filled letter of each kind, for a person to look at (benchmarks/letters/README.md): writes DOCX files that
 * LibreOffice then renders ({@code soffice --headless --convert-to pdf}, then {@code pdftoppm -png}).
 */
public final class LetterSamples {

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args.length > 0 ? args[0] : "target/letters");
    Files.createDirectories(folder);
    LetterTemplates templates = new LetterTemplates();
    Map<String, String> v = new HashMap<>();
    v.put("letterNumber", "รง 0201/15");
    v.put("date", Letters.thaiDate(Instant.now()));
    v.put("agencyName", "ศูนย์ปฏิบัติการต่อต้านการทุจริต");
    v.put("agencyAddress", "ถนนมิตรไมตรี แขวงดินแดง เขตดินแดง กรุงเทพฯ 10400");
    v.put("responsibleUnit", "ศูนย์ปฏิบัติการต่อต้านการทุจริต");
    v.put("centrePhone", "0 2232 1234");
    v.put("centreEmail", "acoc@example.go.th");
    v.put("signatoryName", "นางสาวใจดี รักษาการ");
    v.put("signatoryPosition", "หัวหน้าศูนย์ปฏิบัติการต่อต้านการทุจริต");
    v.put("statusPageUrl", "https://integrity.example.go.th/status");
    v.put("trackingNumber", "ACC-2570-000123");
    v.put("receivedDate", "1 ธันวาคม 2569");
    v.put("caseSubject", "เจ้าหน้าที่เรียกรับเงินค่าออกใบอนุญาต");
    v.put("accused", "นายสมมุติ ตัวอย่าง ผู้อำนวยการกองคลัง กองคลัง");
    v.put("complainantName", "นางสาวผู้ร้อง ทดสอบ");
    v.put("complainantAddress", "99 หมู่ 1 ตำบลบ้านไกล อำเภอเมือง จังหวัดน่าน 55000");
    v.put("complainantForRecipient", "ปกปิดตามความประสงค์ของผู้ร้องเรียน / withheld at the complainant's request");
    v.put("infoRequest", "วันเวลาและสถานที่ที่เกิดเหตุ และชื่อพยานที่เห็นเหตุการณ์");
    v.put("replyWithin", "30 วัน");
    v.put("outcome", "มีการลงโทษทางวินัย");
    v.put("forwardTo", "เลขาธิการสำนักงาน ป.ป.ท.");
    v.put("screeningReason", "ผู้ถูกกล่าวหาดำรงตำแหน่งต่ำกว่าระดับอำนวยการ");
    v.put("committeeChair", "นายประธาน กรรมการ");
    v.put("committeeMembers", "นางกรรมการ หนึ่ง, นายกรรมการ สอง");
    v.put("firstMeetingWithin", "7 วัน");
    v.put("penalty", "ภาคทัณฑ์");
    v.put("penaltyReason", "กระทำผิดวินัยไม่ร้ายแรงเป็นครั้งแรก");
    v.put("caseSummary", "เรื่อง: เจ้าหน้าที่เรียกรับเงินค่าออกใบอนุญาต\nข้อเท็จจริง: เรียกเงิน 3,000 บาท\n"
        + "พยานหลักฐาน: 1 ไฟล์\n1. ACC-2570-000123-evidence-1.jpg (image/jpeg, 52,311 ไบต์) SHA-256 9f86d081884c7d65");
    for (LetterKind kind : LetterKind.values()) {
      Files.write(folder.resolve(kind.id() + ".docx"), templates.fill(kind, v));
    }
  }
}

package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.integritydesk.http.StaffClient.variables;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.Eventually;
import th.go.integritydesk.http.StaffClient.Answer;

/**
 * The pages as a whistleblower on Tor Browser's "Safest" level uses them: real Chromium with JavaScript disabled.
 * Chromium and chromedriver come from the system (Debian's packages, installed by .ci/run); nothing is downloaded.
 * Screenshots of every step go to target/screenshots/.
 */
@HttpTest
class PagesInBrowserTest {

  private static final Path CHROMIUM = Path.of(System.getProperty("integrity-desk.test.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("integrity-desk.test.chromedriver", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final String TRACKING_NUMBER = "ACC-[0-9]{4}-[0-9]{6}";

  private static ChromeDriver browser;
  private static Path profile;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  @BeforeAll
  static void startChromiumWithJavaScriptOff() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new AssertionError("The browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
          + ". Install them once: apt-get install -y chromium chromium-driver fonts-thai-tlwg (.ci/run does).");
    }
    // the driver is given explicitly: Selenium Manager has nothing to look up and must never download
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    System.setProperty("SE_OFFLINE", "true");
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
        "--window-size=1200,1800", "--lang=en-US");
    options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopChromium() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void aComplaintFiledInThaiGetsItsReceiptAndTheStatusPageAndAReplyWork() throws IOException {
    browser.manage().deleteAllCookies();
    open("/");
    // Thai first, whatever the browser's language; and the script really is off (it would fill the counter)
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("th");
    assertThat(text("h1")).isEqualTo("ร้องเรียนการทุจริต");
    assertThat(browser.findElement(By.id("f-description-count")).getText()).isEmpty();
    assertThat(browser.getPageSource()).contains("ประกาศความเป็นส่วนตัว"); // the PDPA notice

    new Select(browser.findElement(By.id("f-category"))).selectByValue("BRIBERY");
    type("f-subject", "เจ้าหน้าที่เรียกรับเงินค่าออกใบอนุญาต");
    type("f-description", "เมื่อวันที่ 1 กันยายน เจ้าหน้าที่ที่เคาน์เตอร์เรียกเงิน 3,000 บาทเพื่อออกใบอนุญาตให้เร็วขึ้น");
    type("f-amountInvolved", "3,000");
    type("f-accused-unit", "กองคลัง");
    browser.findElement(By.id("f-rank-OPERATIONAL")).click();
    browser.findElement(By.id("f-evidence")).sendKeys(evidenceFile("ใบเสร็จ.txt").toString());
    browser.findElement(By.id("f-identity-named")).click();
    type("f-complainant-name", "สมหญิง ใจกล้า");
    type("f-complainant-email", "somying@example.org");
    browser.findElement(By.id("f-consentToContact")).click();
    screenshot("1-complaint-form");
    clickToNextPage(By.id("complaint-submit"));

    assertThat(text("h1")).isEqualTo("ได้รับเรื่องร้องเรียนของท่านแล้ว");
    String trackingNumber = browser.findElement(By.id("result-tracking")).getText();
    String code = browser.findElement(By.id("result-receipt")).getText();
    assertThat(trackingNumber).matches(TRACKING_NUMBER);
    assertThat(code).matches(IntakeOverHttpTest.CODE);
    assertThat(browser.getCurrentUrl()).doesNotContain(code);
    screenshot("2-receipt");
    Answer status = apiStatus(trackingNumber, code);
    assertThat(status.status()).isEqualTo(200);

    // the screening officer asks the complainant for more facts
    StaffClient screener = new StaffClient(port, "screener", "demo");
    String tasks = "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber;
    Eventually.within(Duration.ofSeconds(20), "the screening task", () -> screener.get(tasks).body().size() == 1);
    String taskId = screener.get(tasks).body().get(0).get("id").asText();
    assertThat(screener.post("/engine-rest/task/" + taskId + "/complete", variables("screeningDecision", "REQUEST_INFO",
        "infoRequest", "ขอชื่อร้านและวันที่ / Which shop and which day?",
        "messageToComplainant", "ขอบคุณที่แจ้งเรื่อง / Thank you for reporting")).status()).isEqualTo(204);
    Eventually.within(Duration.ofSeconds(20), "the request for information",
        () -> apiStatus(trackingNumber, code).body().get("awaitingInformation").asBoolean());

    open("/status");
    type("s-trackingNumber", trackingNumber);
    type("s-receiptCode", code);
    clickToNextPage(By.id("status-submit"));
    assertThat(browser.getCurrentUrl()).doesNotContain(code).doesNotContain(trackingNumber);
    assertThat(text("#status-stage")).isEqualTo("รอข้อมูลเพิ่มเติมจากท่าน");
    assertThat(text("#status-received")).contains("พ.ศ."); // the Thai calendar
    assertThat(text("#status-messages")).contains("ขอชื่อร้านและวันที่");
    screenshot("3-status-awaiting-information");

    type("m-text", "ร้านอาหารหน้ากระทรวง วันที่ 1 กันยายน เวลาประมาณบ่ายสองโมง");
    browser.findElement(By.id("m-evidence")).sendKeys(evidenceFile("รายละเอียดเพิ่มเติม.txt").toString());
    clickToNextPage(By.id("message-submit"));
    assertThat(text("#status-notice")).isEqualTo("ได้รับข้อมูลเพิ่มเติมของท่านแล้ว เจ้าหน้าที่จะพิจารณาเรื่องของท่านต่อ");
    screenshot("4-reply-received");
    Eventually.within(Duration.ofSeconds(20), "screening to resume",
        () -> apiStatus(trackingNumber, code).body().get("stage").asText().equals("SCREENING"));
  }

  @Test
  void aFieldErrorShowsNextToItsFieldAndKeepsTheOtherInputs() throws IOException {
    browser.manage().deleteAllCookies();
    open("/?lang=en");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    new Select(browser.findElement(By.id("f-category"))).selectByValue("PROCUREMENT");
    type("f-description", "The tender was written for one supplier.");
    type("f-accused-unit", "Procurement division");
    browser.findElement(By.id("f-rank-DIRECTOR")).click();
    type("f-accused-yearsSinceLeftOffice", "two");
    clickToNextPage(By.id("complaint-submit"));

    assertThat(text("#f-subject-error")).isEqualTo("Error: is required");
    assertThat(text("#f-accused-yearsSinceLeftOffice-error")).isEqualTo("Error: must be a whole number");
    assertThat(text("#complaint-errors")).contains("Subject: is required");
    assertThat(browser.findElement(By.id("f-description")).getAttribute("value"))
        .isEqualTo("The tender was written for one supplier.");
    assertThat(browser.findElement(By.id("f-accused-unit")).getAttribute("value")).isEqualTo("Procurement division");
    assertThat(browser.findElement(By.id("f-rank-DIRECTOR")).isSelected()).isTrue();
    assertThat(new Select(browser.findElement(By.id("f-category"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("PROCUREMENT");
    screenshot("5-field-errors-english");

    // the choice of language is remembered; the Thai link brings Thai back
    open("/status");
    assertThat(text("h1")).isEqualTo("Follow your complaint");
    clickToNextPage(By.cssSelector(".lang-button[lang='th']"));
    assertThat(text("h1")).isEqualTo("ติดตามสถานะเรื่องร้องเรียน");

    // on a phone's width the form is one column (a look for people, kept as a screenshot)
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 1600));
    try {
      open("/");
      assertThat(browser.findElement(By.id("f-subject")).getRect().getWidth()).isLessThan(390);
      screenshot("7-complaint-form-on-a-phone");
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1800));
    }
  }

  @Test
  void theStaffCaseFileRendersForTheScreenerWithoutTheComplainantsIdentity() throws Exception {
    ObjectNode complaint = IntakeOverHttpTest.complaint();
    complaint.putObject("complainant").put("name", "ผู้ร้อง ลับมาก").put("email", "secret-complainant@example.org");
    Answer receipt = new StaffClient(port, "nobody", "none").raw("POST", "/api/complaints",
        Map.of("Content-Type", "application/json"), BodyPublishers.ofString(complaint.toString()));
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    String trackingNumber = receipt.body().get("trackingNumber").asText();

    // without a login: 401 with the Basic challenge and a page that says how to log in (Thai first)
    HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(base() + "/staff/case?tn=" + trackingNumber)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"integrity-desk\"");
    assertThat(anonymous.body()).contains("ต้องเข้าสู่ระบบ").doesNotContain("กองคลัง");

    // the same rule as the case-file API: an analyst may not read case files, answered as for an unknown case
    assertThat(new StaffClient(port, "analyst", "demo").get("/staff/case?tn=" + trackingNumber).status()).isEqualTo(404);

    browser.manage().deleteAllCookies();
    open("/status"); // a page of the site, so the session cookie can be set for it

    // the session of an officer logged into Tasklist, handed to the browser
    StaffClient screener = new StaffClient(port, "screener", "demo");
    assertThat(screener.loginToTasklist().status()).isEqualTo(200);
    HttpCookie session = screener.sessionCookie().orElseThrow();
    browser.manage().addCookie(new Cookie.Builder(session.getName(), session.getValue()).path("/").isHttpOnly(true)
        .sameSite("Strict").build());
    open("/staff/case.html?tn=" + trackingNumber);

    assertThat(browser.getCurrentUrl()).endsWith("/staff/case?tn=" + trackingNumber);
    assertThat(text("#case-tn")).isEqualTo(trackingNumber);
    assertThat(text("#case-subject")).isEqualTo("เจ้าหน้าที่เรียกรับเงิน / Officer asked for money");
    assertThat(text("#case-stage")).isNotBlank();
    assertThat(text("#facts-accused")).contains("กองคลัง").contains("ต่ำกว่าระดับอำนวยการ");
    assertThat(browser.getPageSource()).doesNotContain("ผู้ร้อง ลับมาก").doesNotContain("secret-complainant");
    screenshot("6-staff-case-file");
  }

  /**
   * The case file's own forms with JavaScript off: the assigned investigator adds a note and uploads a document;
   * investigator2, of the accused's unit, is refused the page as for an unknown case.
   */
  @Test
  void theAssignedInvestigatorKeepsNotesAndDocumentsOnTheCaseFilePageWithoutJavaScript() throws IOException {
    var complaint = IntakeOverHttpTest.complaint();
    StaffClient anyone = new StaffClient(port, "nobody", "none");
    StaffClient.Answer receipt = anyone.raw("POST", "/api/complaints", Map.of("Content-Type", "application/json"),
        java.net.http.HttpRequest.BodyPublishers.ofString(complaint.toString()));
    String trackingNumber = receipt.body().get("trackingNumber").asText();
    String ofThisCase = "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber;
    IntakeOverHttpTest.waitUntil(() -> new StaffClient(port, "screener", "demo").get(ofThisCase).body().size() == 1);
    NeedToKnowMatrixTest.complete(new StaffClient(port, "screener", "demo"), ofThisCase, "screen-complaint",
        StaffClient.variables("screeningDecision", "ACCEPT", "screeningReason", "มีมูล / Credible"));
    NeedToKnowMatrixTest.complete(new StaffClient(port, "supervisor", "demo"), ofThisCase, "assign-investigator",
        StaffClient.variables("investigator", "investigator"));

    browser.manage().deleteAllCookies();
    open("/status");
    actAs("investigator");
    open("/staff/case?tn=" + trackingNumber);
    assertThat(text("#case-tn")).isEqualTo(trackingNumber);
    type("note-text", "สอบปากคำพยานคนที่หนึ่งแล้ว / First witness heard");
    clickToNextPage(By.id("note-submit"));
    assertThat(browser.getCurrentUrl()).contains("/staff/case?tn=" + trackingNumber);
    assertThat(text("#note-list")).contains("สอบปากคำพยานคนที่หนึ่งแล้ว").contains("investigator");

    new Select(browser.findElement(By.id("document-kind"))).selectByValue("INTERVIEW_RECORD");
    browser.findElement(By.id("document-file")).sendKeys(evidenceFile("บันทึกถ้อยคำพยาน.txt").toString());
    clickToNextPage(By.id("document-submit"));
    assertThat(text("#document-list")).contains("บันทึกถ้อยคำพยาน.txt").contains("investigator");
    assertThat(text("#timeline-list")).contains("investigator");
    screenshot("8-case-file-notes-and-documents");

    browser.manage().deleteAllCookies();
    open("/status");
    actAs("investigator2");
    open("/staff/case?tn=" + trackingNumber);
    assertThat(browser.getPageSource()).doesNotContain("สอบปากคำพยาน").doesNotContain("กองคลัง");
    assertThat(text("#error-title")).isNotBlank();
    assertThat(new StaffClient(port, "investigator2", "demo").get("/staff/case?tn=" + trackingNumber).status())
        .isEqualTo(404);
    NeedToKnowMatrixTest.endCases(runtime, List.of(trackingNumber));
  }

  /**
   * The paper channel on the case-file page: a letter complainant's acknowledgement shows as owed, intake generates it
   * from the page's form and gets its register number and download; a screener asking for it is told why not beside
   * the form.
   */
  @Test
  void intakeGeneratesAnOwedLetterFromTheCaseFilePage() throws IOException {
    StaffClient.Answer recorded = new StaffClient(port, "intake", "demo").post("/api/staff/complaints", Map.of(
        "channel", "LETTER", "category", "PROCUREMENT", "subject", "จัดซื้อโต๊ะแพงเกินจริง / Overpriced desks",
        "description", "ราคาโต๊ะสูงกว่าราคาตลาด / Desks above market price",
        "accused", Map.of("name", "นายพัสดุ ข", "unit", "กองคลัง", "rank", "OPERATIONAL"),
        "complainant", Map.of("name", "นางสาวไปรษณีย์ ส่งจดหมาย", "address", "5 หมู่ 2 ตำบลบ้านไกล จังหวัดน่าน 55000"),
        "consentToContact", false));
    assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
    String trackingNumber = recorded.body().get("trackingNumber").asText();
    IntakeOverHttpTest.waitUntil(() -> new StaffClient(port, "screener", "demo")
        .get("/engine-rest/task?processInstanceBusinessKey=" + trackingNumber).body().size() == 1);

    browser.manage().deleteAllCookies();
    open("/status");
    actAs("intake");
    open("/staff/case?tn=" + trackingNumber);
    assertThat(browser.findElement(By.cssSelector("#letter-list tr[data-status=owed]")).getAttribute("data-kind"))
        .isEqualTo("acknowledgement");
    new Select(browser.findElement(By.id("letter-kind"))).selectByValue("acknowledgement");
    // the letter carries the complainant's name and address, sealed to the identity custodians: their passphrase
    browser.findElement(By.id("letter-passphrase")).sendKeys("demo");
    clickToNextPage(By.id("letter-submit"));
    assertThat(browser.getCurrentUrl()).contains("/staff/case?tn=" + trackingNumber);
    var generated = browser.findElement(By.cssSelector("#letter-list tr[data-status=generated]"));
    assertThat(generated.getText()).containsPattern("0201/[0-9]+").contains("intake");
    assertThat(browser.getPageSource()).as("the page shows no identity, the letter does (a recorded reveal)")
        .doesNotContain("นางสาวไปรษณีย์").doesNotContain("ตำบลบ้านไกล");
    // its download is a form that asks for the passphrase again (a recorded reveal), not a link
    assertThat(generated.findElement(By.cssSelector("form.letter-download")).getAttribute("action"))
        .endsWith("/staff/case/letters/download");
    assertThat(generated.findElements(By.cssSelector("a[href*='/letters/']"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("#letter-list tr[data-status=owed]"))).isEmpty();
    screenshot("9-case-file-letters");

    browser.manage().deleteAllCookies();
    open("/status");
    actAs("screener");
    open("/staff/case?tn=" + trackingNumber);
    assertThat(text("#letter-list")).doesNotContain("ไปรษณีย์ ส่งจดหมาย");
    new Select(browser.findElement(By.id("letter-kind"))).selectByValue("acknowledgement");
    clickToNextPage(By.id("letter-submit"));
    assertThat(text("#letter-error")).isNotBlank();
    NeedToKnowMatrixTest.endCases(runtime, List.of(trackingNumber));
  }

  /** Hands the session of an officer logged into Tasklist to the browser. */
  private void actAs(String user) {
    StaffClient officer = new StaffClient(port, user, "demo");
    assertThat(officer.loginToTasklist().status()).isEqualTo(200);
    HttpCookie session = officer.sessionCookie().orElseThrow();
    browser.manage().addCookie(new Cookie.Builder(session.getName(), session.getValue()).path("/").isHttpOnly(true)
        .sameSite("Strict").build());
  }

  @Test
  void aRepeatedPostOfTheSameFormAnswersWithTheSameCaseAndAForeignPostIsRefused() throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String form = http.send(HttpRequest.newBuilder(URI.create(base() + "/")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String token = hidden(form, "csrfToken");
    String key = hidden(form, "idempotencyKey");
    Multipart post = new Multipart().field("csrfToken", token).field("idempotencyKey", key).field("channel", "WEB")
        .field("category", "GIFTS").field("subject", "ของขวัญราคาแพง").field("description", "ผู้รับเหมาส่งของขวัญ")
        .field("accused.unit", "กองพัสดุ").field("accused.rank", "OPERATIONAL").field("identity", "anonymous");
    HttpResponse<String> first = postForm(http, post);
    HttpResponse<String> again = postForm(http, post);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(first.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'")
        .doesNotContain("unsafe-inline");
    String trackingNumber = trackingNumberIn(first.body());
    assertThat(trackingNumberIn(again.body())).isEqualTo(trackingNumber);

    // a reply sent twice (double click, reload) is on record once
    Matcher code = Pattern.compile("id=\"result-receipt\">([^<]+)<").matcher(first.body());
    assertThat(code.find()).isTrue();
    Multipart reply = new Multipart().field("csrfToken", token).field("trackingNumber", trackingNumber)
        .field("receiptCode", code.group(1)).field("replyKey", "reply-1").field("text", "ร้านข้างที่ว่าการ");
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base() + "/status/reply"))
          .header("Content-Type", reply.contentType()).POST(BodyPublishers.ofByteArray(reply.bytes())).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(sent.statusCode()).isEqualTo(200);
      assertThat(sent.body()).contains("id=\"status-notice\"");
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complainant_submission WHERE tracking_number = ?").param(trackingNumber)
        .query(Integer.class).single()).isEqualTo(1);

    // the same form from a browser without this session's token: refused, nothing filed
    HttpClient other = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    Multipart forged = new Multipart().field("csrfToken", token).field("idempotencyKey", "forged-1").field("channel", "WEB")
        .field("category", "GIFTS").field("subject", "x").field("description", "y").field("accused.unit", "z")
        .field("accused.rank", "OPERATIONAL");
    HttpResponse<String> refused = postForm(other, forged);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("result-tracking");
  }

  private HttpResponse<String> postForm(HttpClient http, Multipart form) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base() + "/complaints")).header("Content-Type", form.contentType())
        .POST(BodyPublishers.ofByteArray(form.bytes())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String hidden(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("hidden field " + name).isTrue();
    return m.group(1);
  }

  private static String trackingNumberIn(String html) {
    Matcher m = Pattern.compile("id=\"result-tracking\">(" + TRACKING_NUMBER + ")<").matcher(html);
    assertThat(m.find()).as("a receipt page").isTrue();
    return m.group(1);
  }

  private Answer apiStatus(String trackingNumber, String code) {
    return new StaffClient(port, "nobody", "none").raw("GET", "/api/complaints/" + trackingNumber,
        Map.of("X-Receipt-Code", code), BodyPublishers.noBody());
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private void open(String path) {
    browser.get(base() + path);
  }

  /**
   * Clicks what leaves the page and waits until the next page has replaced it: the error paragraphs and the heading
   * exist on both pages, and a read right after the click could find the old page's (then stale or still empty).
   */
  private static void clickToNextPage(By what) {
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(what).click();
    // while the old page goes, chromedriver may answer "node does not belong to the document" instead of "stale"
    new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
  }

  private static String text(String selector) {
    return browser.findElement(By.cssSelector(selector)).getText().strip();
  }

  private static void type(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private static Path evidenceFile(String name) throws IOException {
    Path dir = Files.createTempDirectory("evidence");
    return Files.writeString(dir.resolve(name), "หลักฐาน: ใบเสร็จรับเงินเลขที่ 123\n", StandardCharsets.UTF_8);
  }

  private static void screenshot(String name) throws IOException {
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}

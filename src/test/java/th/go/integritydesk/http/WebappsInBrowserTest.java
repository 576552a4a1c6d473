package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.go.integritydesk.Eventually;
import th.go.integritydesk.http.StaffClient.Answer;

/**
 * Tasklist, Cockpit and Admin in real Chromium with JavaScript on, as officers use them: a Thai browser (in Bangkok)
 * and an English one (in New York) each walk the README's complaint from the public page to closure through the real
 * Tasklist forms, open Cockpit (the case, a deadline escalation, its dates in Bangkok time) and Admin (the users), and
 * read the webapps' chrome in their own language. Chromium and chromedriver come from the system (Debian's packages,
 * installed by .ci/run); nothing is downloaded. Screenshots go to target/screenshots/webapps-{th,en}-*.png (and the
 * page source of a failed wait next to them).
 */
@HttpTest
class WebappsInBrowserTest {

  private static final Path CHROMIUM = Path.of(System.getProperty("integrity-desk.test.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("integrity-desk.test.chromedriver", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  /** Cockpit's "normal" date format (moment's YYYY-MM-DD[T]HH:mm:ss, set by Cockpit itself), in both languages. */
  /** Tasklist's long dates in Thai and in English (LLLL of its dateLocales) both hold "D MMMM" and "HH:mm". */
  private static final List<DateTimeFormatter> DAY_AND_TIME = List.of(DateTimeFormatter.ofPattern(" d "),
      DateTimeFormatter.ofPattern("HH:mm"));
  private static final DateTimeFormatter COCKPIT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final String MY_GROUPS_TASKS = "งานของกลุ่ม / My groups' tasks";
  private static final String MY_TASKS = "งานของฉัน / My tasks";

  private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

  /**
   * A browser's language and time zone, and what it must read on the same screens: the public page's title, the
   * webapps' login placeholder, Tasklist's Claim and Complete buttons, Cockpit's user tasks tab and Admin's users.
   * The complaint's subject is written in it too.
   */
  private record Language(String tag, String chromiumLang, String acceptLanguages, String timeZone, String publicPage,
      String reportTitle, String subject, String username, String claim, String complete, String userTasks,
      String users, String inFifteenDays) {
    @Override
    public String toString() {
      return chromiumLang + " in " + timeZone;
    }
  }

  private static final Language THAI = new Language("th", "th-TH", "th-TH,th", "Asia/Bangkok", "/",
      "ร้องเรียนการทุจริต", "เจ้าหน้าที่เรียกรับเงินค่าออกใบอนุญาต", "ชื่อผู้ใช้", "รับงาน", "เสร็จสิ้นงาน",
      "งานของเจ้าหน้าที่", "ผู้ใช้", "อีก 1[45] วัน");
  // not in Bangkok: the webapps must still show Bangkok time (scripts/config.js loads lib/bangkok-time.js)
  private static final Language ENGLISH = new Language("en", "en-US", "en-US,en", "America/New_York", "/?lang=en",
      "Report corruption", "Officer demanded money for a licence", "Username", "Claim", "Complete",
      "User Tasks", "Users", "in 1[45] days");

  static Stream<Language> languages() {
    return Stream.of(THAI, ENGLISH);
  }

  private static ChromeDriver browser;
  private static Path profile;
  private static Language language;

  @LocalServerPort int port;
  @Autowired HistoryService history;

  @BeforeAll
  static void checkChromium() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new AssertionError("The browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
          + ". Install them once: apt-get install -y chromium chromium-driver fonts-thai-tlwg (.ci/run does).");
    }
    // the driver is given explicitly: Selenium Manager has nothing to look up and must never download
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    System.setProperty("SE_OFFLINE", "true");
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopChromium() throws IOException {
    quit();
  }

  /** A browser whose first language and time zone are the given ones, JavaScript on. */
  private static void startChromium(Language lang) throws IOException {
    quit();
    language = lang;
    profile = Files.createTempDirectory("chromium-webapps");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
        "--window-size=1400,1000", "--lang=" + lang.chromiumLang());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang.acceptLanguages()));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().withEnvironment(Map.of("TZ", lang.timeZone())).build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(WAIT);
  }

  private static void quit() throws IOException {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      profile = null;
    }
  }

  @ParameterizedTest(name = "a browser in {0}")
  @MethodSource("languages")
  void officersTakeTheReadmeComplaintFromThePublicPageToClosureAndSupervisorAndAdminLookOn(Language lang)
      throws IOException {
    startChromium(lang);
    assertThat(browser.executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone"))
        .as("the browser's own time zone").isEqualTo(lang.timeZone());
    String trackingNumber = fileComplaintOnThePublicPage();

    // screener: the card shows the case; claim, take up for fact-finding
    String task = taskOf(trackingNumber, "screen-complaint");
    logInto("tasklist", "screener");
    openTask("screener", task);
    WebElement card = waitFor(By.xpath("//li[contains(@class,'task')][contains(., '" + trackingNumber + "')]"));
    assertThat(card.getText()).contains(language.subject());
    // its due date (the tooltip of "in 15 days") in Bangkok time, whatever the browser's zone; the tooltip's format
    // follows the date locale loaded when it was first drawn (Camunda does not redraw it), so only day and time
    // the relative times in the language of the chrome (angular-moment redraws when the date locale arrives): "in 15
    // days" or "อีก 15 วัน" (14 when the suite's clock has moved on; the words are the point)
    String relative = "";
    for (long until = System.nanoTime() + WAIT.toNanos(); System.nanoTime() < until; ) {
      relative = browser.findElement(By.cssSelector(".task-details [am-time-ago='task.due']")).getText();
      if (relative.matches(language.inFifteenDays())) {
        break;
      }
      sleep(200);
    }
    assertThat(relative).as("the due date's relative time (moment's locale %s, the translation's %s)",
        browser.executeScript("var i = angular.element(document.documentElement).injector();"
            + " return (i.has('moment') ? i.get('moment') : window.moment).locale();"),
        browser.executeScript("return angular.element(document.documentElement).injector().get('$translate').use();"))
        .matches(language.inFifteenDays());
    String due = new StaffClient(port, "admin", "demo").get("/engine-rest/task/" + task).body().get("due").asText();
    assertThat(waitFor(By.cssSelector(".task-details [am-time-ago='task.due']")).getDomAttribute("uib-tooltip"))
        .as("due date " + due).contains(inBangkok(due, DAY_AND_TIME.get(0)), inBangkok(due, DAY_AND_TIME.get(1)));
    // Tasklist edits dates as Bangkok wall time without offset: a due date saved back is the same instant (to the
    // second: Camunda's unfixDate drops the milliseconds)
    Object saved = browser.executeScript("var app = angular.element(document.documentElement).injector();"
        + " return app.get('fixDate')(app.get('unfixDate')(arguments[0]));", due);
    assertThat(OffsetDateTime.parse((String) saved, ENGINE_DATE).toInstant()).as("%s saved back as %s", due, saved)
        .isEqualTo(OffsetDateTime.parse(due, ENGINE_DATE).toInstant().truncatedTo(ChronoUnit.SECONDS));
    claim(task, "1-screener-task");
    chooseOption("Take up for fact-finding");
    typeInto("Field_screeningReason", "มีมูลพอสืบสวน");
    complete(task, "2-screener-form");

    // supervisor assigns investigator
    task = taskOf(trackingNumber, "assign-investigator");
    logInto("tasklist", "supervisor");
    openTask("supervisor", task);
    claim(task, "3-supervisor-assign");
    typeInto("Field_investigator", "investigator");
    complete(task, "4-supervisor-assign-form");

    // investigator: grounds for a minor offence (the task is assigned to them)
    task = taskOf(trackingNumber, "conduct-fact-finding");
    logInto("tasklist", "investigator");
    openTask("investigator", task);
    chooseOption("Grounds for a minor offence");
    typeInto("Field_findingsSummary", "พบการเรียกรับเงินจริงหนึ่งครั้ง");
    complete(task, "5-investigator-findings");

    // supervisor approves
    task = taskOf(trackingNumber, "review-findings");
    logInto("tasklist", "supervisor");
    openTask("supervisor", task);
    claim(task, "6-supervisor-review");
    waitFor(By.cssSelector(".fjs-container input[type=checkbox]:not([disabled])")).click();
    complete(task, "7-supervisor-approves");

    // authority decides probation
    task = taskOf(trackingNumber, "decide-penalty");
    logInto("tasklist", "authority");
    openTask("authority", task);
    claim(task, "8-authority-penalty");
    chooseInSelect("Field_penalty", "Probation");
    typeInto("Field_penaltyReason", "กระทำผิดครั้งแรก");
    complete(task, "9-authority-decides");

    // the 30-day appeal window passes: its timer job is executed as admin (the clock is not moved)
    StaffClient admin = new StaffClient(port, "admin", "demo");
    String discipline = instanceOf(admin, trackingNumber, "disciplinary-action");
    Eventually.within(WAIT, "the appeal window's timer", () -> admin.get("/engine-rest/job?timers=true&processInstanceId="
        + discipline).body().size() == 1);
    String timer = admin.get("/engine-rest/job?timers=true&processInstanceId=" + discipline).body().get(0).get("id").asText();
    Answer executed = admin.post("/engine-rest/job/" + timer + "/execute", Map.of());
    assertThat(executed.status()).as(executed.raw()).isEqualTo(204);
    Eventually.within(WAIT, "the case to close as PENALISED", () -> history.createHistoricVariableInstanceQuery()
        .variableName("outcome").list().stream().anyMatch(v -> "PENALISED".equals(v.getValue())
            && history.createHistoricProcessInstanceQuery().processInstanceId(v.getProcessInstanceId())
                .processInstanceBusinessKey(trackingNumber).finished().count() == 1));

    cockpitAndAdmin();
  }

  /** Cockpit as supervisor (a case with a deadline escalation, its due dates) and Admin as admin (the users). */
  private void cockpitAndAdmin() throws IOException {
    StaffClient admin = new StaffClient(port, "admin", "demo");
    Answer filed = new StaffClient(port, "nobody", "none").raw("POST", "/api/complaints",
        Map.of("Content-Type", "application/json"), java.net.http.HttpRequest.BodyPublishers.ofString(
            IntakeOverHttpTest.complaint().toString(), StandardCharsets.UTF_8));
    assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
    String trackingNumber = filed.body().get("trackingNumber").asText();
    String lifecycle = instanceOf(admin, trackingNumber, "complaint-lifecycle");
    taskOf(trackingNumber, "screen-complaint");
    // the screening deadline passes: its timer job executed as admin through the engine REST
    JsonNode timers = admin.get("/engine-rest/job?timers=true&processInstanceId=" + lifecycle).body();
    String screeningDeadline = null;
    for (JsonNode job : timers) {
      JsonNode definition = admin.get("/engine-rest/job-definition/" + job.get("jobDefinitionId").asText()).body();
      if (definition.get("activityId").asText().contains("screening")) {
        screeningDeadline = job.get("id").asText();
      }
    }
    assertThat(screeningDeadline).as("the screening deadline's timer in " + timers).isNotNull();
    assertThat(admin.post("/engine-rest/job/" + screeningDeadline + "/execute", Map.of()).status()).isEqualTo(204);
    Eventually.within(WAIT, "the escalation task", () -> admin.get("/engine-rest/task?processInstanceId=" + lifecycle)
        .body().size() == 2);
    String escalation = null;
    String escalationCreated = null;
    for (JsonNode t : admin.get("/engine-rest/task?processInstanceId=" + lifecycle).body()) {
      if (!t.get("taskDefinitionKey").asText().equals("screen-complaint")) {
        escalation = t.get("name").asText();
        escalationCreated = t.get("created").asText();
      }
    }

    logInto("cockpit", "supervisor");
    browser.get(base() + "/camunda/app/cockpit/default/#/process-instance/" + lifecycle + "/runtime?tab=user-tasks-tab");
    waitFor(By.xpath("//*[contains(., '" + trackingNumber + "')]"));
    waitFor(By.xpath("//td[contains(., '" + escalation.substring(escalation.indexOf('/') + 2) + "')]"));
    waitFor(By.xpath("//ul[contains(@class,'nav-tabs')]/li[contains(@class,'active')]/a[normalize-space()='"
        + language.userTasks() + "']"));
    // when the escalation task was created, in Bangkok time whatever the browser's zone; the footer names the zone
    String created = inBangkok(escalationCreated, COCKPIT_DATE);
    assertThat(waitFor(By.xpath("//tr[td[contains(., 'Follow up overdue screening')]]/td[contains(@class,'created')]"))
        .getText()).as("creation of the escalation task, created " + escalationCreated).isEqualTo(created);
    assertThat(browser.findElement(By.id("footer-timezone")).getText()).endsWith("Asia/Bangkok");
    assertNoGateRefusal();
    screenshot("cockpit-case-with-escalation");

    logInto("admin", "admin");
    browser.get(base() + "/camunda/app/admin/default/#/users");
    waitFor(By.xpath("//a[normalize-space()='screener']"));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains(language.users());
    assertNoGateRefusal();
    screenshot("admin-users");
  }

  private String fileComplaintOnThePublicPage() throws IOException {
    browser.get(base() + language.publicPage());
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo(language.reportTitle());
    new Select(browser.findElement(By.id("f-category"))).selectByValue("BRIBERY");
    type("f-subject", language.subject());
    type("f-description", "เจ้าหน้าที่ที่เคาน์เตอร์เรียกเงิน 3,000 บาทเพื่อออกใบอนุญาตให้เร็วขึ้น");
    type("f-accused-unit", "กองคลัง");
    browser.findElement(By.id("f-rank-OPERATIONAL")).click();
    screenshot("0-public-complaint");
    browser.findElement(By.id("complaint-submit")).click();
    String trackingNumber = waitFor(By.id("result-tracking")).getText();
    assertThat(trackingNumber).matches("ACC-[0-9]{4}-[0-9]{6}");
    return trackingNumber;
  }

  /** Signs out whoever was signed in, then signs in through the app's own login form. */
  private void logInto(String app, String user) {
    browser.manage().deleteAllCookies();
    browser.get(base() + "/camunda/app/" + app + "/default/");
    WebElement name = waitFor(By.cssSelector("input[ng-model='username']"));
    assertThat(name.getAttribute("placeholder")).as(app + " login in " + language.tag()).isEqualTo(language.username());
    name.sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector("input[ng-model='password']")));
  }

  /** Opens the task in the user's "My groups' tasks" (or "My tasks" for a task assigned to them). */
  private void openTask(String user, String taskId) {
    String filterName = user.equals("investigator") ? MY_TASKS : MY_GROUPS_TASKS;
    String filter = null;
    for (JsonNode f : new StaffClient(port, user, "demo").get("/engine-rest/filter?resourceType=Task").body()) {
      if (f.get("name").asText().equals(filterName)) {
        filter = f.get("id").asText();
      }
    }
    assertThat(filter).as(filterName + " of " + user).isNotNull();
    browser.get(base() + "/camunda/app/tasklist/default/#/?filter=" + filter + "&task=" + taskId);
    waitFor(By.cssSelector(".task-details"));
  }

  /** Claims the open task; it leaves "My groups' tasks" for "My tasks", where it is opened again. */
  private void claim(String taskId, String shot) throws IOException {
    WebElement claim = waitFor(By.cssSelector("button.claim"));
    assertThat(claim.getText()).isEqualTo(language.claim());
    screenshot(shot);
    claim.click();
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + taskId);
    waitFor(By.cssSelector(".task-details .fjs-container"));
  }

  /** Clicks a radio option of the task's form by the English half of its label. */
  private void chooseOption(String label) {
    waitFor(By.xpath("//div[contains(@class,'fjs-container')]//label[contains(., '" + label + "')]")).click();
  }

  private void chooseInSelect(String fieldId, String label) {
    waitFor(By.cssSelector(".fjs-container [id$='" + fieldId + "-display']")).click();
    waitFor(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., '" + label + "')]")).click();
  }

  private void typeInto(String fieldId, String text) {
    waitFor(By.cssSelector(".fjs-container [id$='" + fieldId + "']")).sendKeys(text);
  }

  /** Completes the task through the form's button and waits until the engine has it done. */
  private void complete(String taskId, String shot) throws IOException {
    WebElement button = waitFor(By.cssSelector("button.btn-primary[ng-click='complete()']"));
    assertThat(button.getText()).isEqualTo(language.complete());
    screenshot(shot);
    button.click();
    StaffClient admin = new StaffClient(port, "admin", "demo");
    try {
      Eventually.within(WAIT, "task " + taskId + " completed", () -> admin.get("/engine-rest/task/" + taskId).status() == 404);
    } catch (AssertionError notDone) {
      dump(shot + "-not-completed");
      throw notDone;
    }
  }

  /** A date of the engine's REST API as the webapps must show it: in Bangkok time. */
  private static String inBangkok(String engineDate, DateTimeFormatter format) {
    return format.format(OffsetDateTime.parse(engineDate, ENGINE_DATE).atZoneSameInstant(BANGKOK));
  }

  private String taskOf(String trackingNumber, String taskKey) {
    StaffClient admin = new StaffClient(port, "admin", "demo");
    String query = "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber + "&taskDefinitionKey=" + taskKey;
    Eventually.within(WAIT, taskKey + " of " + trackingNumber, () -> admin.get(query).body().size() == 1);
    return admin.get(query).body().get(0).get("id").asText();
  }

  private static String instanceOf(StaffClient admin, String trackingNumber, String processKey) {
    String query = "/engine-rest/process-instance?businessKey=" + trackingNumber + "&processDefinitionKey=" + processKey;
    Eventually.within(WAIT, processKey + " of " + trackingNumber, () -> admin.get(query).body().size() == 1);
    return admin.get(query).body().get(0).get("id").asText();
  }

  /** The gate's 403 surfaces in the webapps as a notification naming it. */
  private static void assertNoGateRefusal() {
    assertThat(browser.findElements(By.cssSelector(".notifications .alert-danger, .notification.alert-danger")))
        .as("error notifications").isEmpty();
  }

  private WebElement waitFor(By what) {
    try {
      WebElement found = new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(what));
      // the task's form scrolls inside its pane, under the fixed footer: bring the element to the middle first
      browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", found);
      return found;
    } catch (RuntimeException notThere) {
      dump("failed-wait");
      throw new AssertionError("waited for " + what + " on " + browser.getCurrentUrl(), notThere);
    }
  }

  private static void type(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static void dump(String name) {
    try {
      screenshot(name);
      Files.writeString(SCREENSHOTS.resolve("webapps-" + language.tag() + "-" + name + ".html"), browser.getPageSource());
    } catch (IOException | RuntimeException e) {
      // best effort: the assertion that follows says what failed
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void screenshot(String name) throws IOException {
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve("webapps-" + language.tag() + "-" + name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }
}

package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public ITA statistics over HTTP against a fixture inserted with exact timestamps around the fiscal-year boundary
 * (Bangkok midnight of 30 September / 1 October) and across months. The expected table is worked out by hand below.
 * Fiscal 2569 (1 Oct 2025 – 30 Sep 2026) lies wholly in the past, so complaints other HTTP tests file "now" never
 * fall in it; of fiscal 2570 only October 2026 is asserted, for the same reason.
 */
@HttpTest
class StatisticsOverHttpTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String FIXTURE = "ACC-____-9000%";

  /** One complaint of the fixture; times are UTC (Bangkok = UTC+7). */
  record Case(String trackingNumber, String receivedAt, String closedAt, String channel, String category,
              String outcome, String volunteerCode) {}

  static final List<Case> CASES = List.of(
      // last second of fiscal 2568 in Bangkok (30 Sep 2025 23:59:59); closed on the last second of October 2025
      new Case("ACC-2568-900001", "2025-09-30T16:59:59Z", "2025-10-31T16:59:59Z", "LETTER", "BRIBERY", "NO_GROUNDS", null),
      // first second of fiscal 2569 (1 Oct 2025 00:00:00 Bangkok); closed 1 Nov 2025 07:00 Bangkok
      new Case("ACC-2569-900002", "2025-09-30T17:00:00Z", "2025-11-01T00:00:00Z", "WEB", "PROCUREMENT", "REJECTED", null),
      // December 2025, from a volunteer, still open
      new Case("ACC-2569-900003", "2025-12-15T03:00:00Z", null, "VOLUNTEER_NETWORK", "GIFTS", null, "LE-0042"),
      // 28 Feb 2026 01:00 Bangkok (still 27 Feb in UTC); closed on the last second of fiscal 2569
      new Case("ACC-2569-900004", "2026-02-27T18:00:00Z", "2026-09-30T16:59:59Z", "HOTLINE", "ABUSE_OF_POWER", "PENALISED", null),
      // last second of fiscal 2569; closed on the first second of fiscal 2570
      new Case("ACC-2569-900005", "2026-09-30T16:59:59Z", "2026-09-30T17:00:00Z", "WEB", "BRIBERY", "FORWARDED", null),
      // first second of fiscal 2570, open
      new Case("ACC-2570-900006", "2026-09-30T17:00:00Z", null, "WALK_IN", "EMBEZZLEMENT", null, null),
      // fiscal 2567, still open: in progress at the end of every month since
      new Case("ACC-2567-900007", "2024-06-10T02:00:00Z", null, "ANONYMOUS_LETTER", "UNUSUAL_WEALTH", null, null),
      // received and closed in January 2026
      new Case("ACC-2569-900008", "2026-01-05T02:00:00Z", "2026-01-20T09:00:00Z", "COMPLAINT_BOX", "CONFLICT_OF_INTEREST", "WITHDRAWN", null));

  /** Fiscal 2569 by hand: month, received, completed, in progress at the month's end (Bangkok). */
  static final long[][] EXPECTED_2569 = {
      // Oct 2025: received 900002; completed 900001 (closed 31 Oct 23:59:59); open at the end: 900007, 900002
      {1, 1, 2},
      // Nov: 900002 closed; open: 900007
      {0, 1, 1},
      // Dec: 900003 received; open: 900007, 900003
      {1, 0, 2},
      // Jan 2026: 900008 received and closed; open: 900007, 900003
      {1, 1, 2},
      // Feb: 900004 received (28 Feb Bangkok); open: 900007, 900003, 900004
      {1, 0, 3},
      {0, 0, 3}, {0, 0, 3}, {0, 0, 3}, {0, 0, 3}, {0, 0, 3}, {0, 0, 3},
      // Sep 2026: 900005 received at 23:59:59; 900004 closed at 23:59:59; open at midnight: 900007, 900003, 900005
      // (900005 closes at 00:00:00 of 1 Oct, 900006 arrives then: neither counts for September)
      {1, 1, 3}};
  static final String[] MONTHS_2569 = {"2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04",
      "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"};
  static final String[] THAI_MONTHS_2569 = {"ตุลาคม 2568", "พฤศจิกายน 2568", "ธันวาคม 2568", "มกราคม 2569",
      "กุมภาพันธ์ 2569", "มีนาคม 2569", "เมษายน 2569", "พฤษภาคม 2569", "มิถุนายน 2569", "กรกฎาคม 2569",
      "สิงหาคม 2569", "กันยายน 2569"};

  /** What must never appear in anything public. */
  static final List<String> SECRETS = List.of("ACC-2569-9000", "ACC-2568-9000", "ACC-2570-9000", "ACC-2567-9000",
      "LE-0042", "กองพัสดุลับเฉพาะ", "นายทดสอบ สถิติ", "เรื่องลับของชุดทดสอบ", "ข้อเท็จจริงลับของชุดทดสอบ");
  /** The complainant's identity: not even the staff reports may show it. */
  static final List<String> IDENTITY = List.of("ผู้ร้องลับ ชุดทดสอบ", "whistle@example.org", "0899999999", "บ้านลับ 99");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired th.go.integritydesk.reporting.ComplaintStatistics.CacheSettings cache;
  final HttpClient http = HttpClient.newHttpClient();
  private java.time.Duration cachedCurrent;
  private java.time.Duration cachedPast;

  /** Each test changes the fixture and reads at once: nothing is served from memory here, except where a test says. */
  @BeforeEach
  void insertFixture() {
    cachedCurrent = cache.getCurrent();
    cachedPast = cache.getPast();
    cache.setCurrent(java.time.Duration.ZERO);
    cache.setPast(java.time.Duration.ZERO);
    insertFixture(jdbc);
  }

  @AfterEach
  void removeFixture() {
    ClockUtil.reset();
    removeFixture(jdbc);
    cache.setCurrent(cachedCurrent);
    cache.setPast(cachedPast);
  }

  /**
   * Anonymous readers cannot make the server count every complaint on every request: a year's figures are computed
   * once and served from memory for the configured time, then counted again.
   */
  @Test
  void aYearsFiguresAreComputedOnceAndServedForTheConfiguredTime() throws Exception {
    cache.setPast(java.time.Duration.ofHours(1));
    cache.setCurrent(java.time.Duration.ofHours(1));
    long before = json("/api/statistics?fiscalYear=2569").get("total").get("received").asLong();
    jdbc.sql("""
            INSERT INTO complaint (tracking_number, fiscal_year, channel, category, subject, description,
              accused_unit, nacc_finding_of_fault, received_at, stage)
            VALUES ('ACC-2569-900099', 2569, 'WEB', 'OTHER', 'x', 'y', 'z', FALSE, ?, 'SCREENING')""")
        .param(utc("2026-01-05T03:00:00Z")).update();
    assertThat(json("/api/statistics?fiscalYear=2569").get("total").get("received").asLong()).isEqualTo(before);
    cache.setPast(java.time.Duration.ZERO);
    cache.setCurrent(java.time.Duration.ZERO);
    assertThat(json("/api/statistics?fiscalYear=2569").get("total").get("received").asLong()).isEqualTo(before + 1);
  }

  static void removeFixture(JdbcClient jdbc) {
    jdbc.sql("DELETE FROM complainant_identity WHERE tracking_number LIKE ?").param(FIXTURE).update();
    jdbc.sql("DELETE FROM complaint WHERE tracking_number LIKE ?").param(FIXTURE).update();
  }

  /** The fixture, with the complainant's identity of one case (which nothing may ever show). */
  static void insertFixture(JdbcClient jdbc) {
    removeFixture(jdbc);
    for (Case c : CASES) {
      jdbc.sql("""
              INSERT INTO complaint (tracking_number, fiscal_year, channel, category, subject, description, accused_name,
                accused_unit, nacc_finding_of_fault, volunteer_code, received_at, stage, outcome, closed_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?)""")
          .params(c.trackingNumber(), Integer.parseInt(c.trackingNumber().substring(4, 8)), c.channel(), c.category(),
              "เรื่องลับของชุดทดสอบ", "ข้อเท็จจริงลับของชุดทดสอบ", "นายทดสอบ สถิติ", "กองพัสดุลับเฉพาะ",
              c.volunteerCode(), utc(c.receivedAt()), c.closedAt() == null ? "SCREENING" : "CLOSED", c.outcome(),
              c.closedAt() == null ? null : utc(c.closedAt()))
          .update();
    }
    jdbc.sql("INSERT INTO complainant_identity (tracking_number, name, email, phone, address, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)")
        .params("ACC-2569-900003", "ผู้ร้องลับ ชุดทดสอบ", "whistle@example.org", "0899999999", "บ้านลับ 99",
            utc("2025-12-15T03:00:00Z"))
        .update();
  }

  @Test
  void theJsonCountsEveryMonthOfTheFiscalYearInBangkokTime() throws Exception {
    JsonNode year = json("/api/statistics?fiscalYear=2569");
    assertThat(year.get("fiscalYear").asInt()).isEqualTo(2569);
    assertThat(year.get("from").asText()).isEqualTo("2025-10-01");
    assertThat(year.get("to").asText()).isEqualTo("2026-09-30");
    assertThat(table(year)).isEqualTo(expected2569());
    assertThat(year.get("total").get("received").asLong()).isEqualTo(5);
    assertThat(year.get("total").get("completed").asLong()).isEqualTo(4);
    assertThat(year.get("total").get("inProgress").asLong()).isEqualTo(3);

    Map<String, Long> channels = counts(year.get("byChannel"));
    assertThat(channels).hasSize(11).containsEntry("WEB", 2L).containsEntry("VOLUNTEER_NETWORK", 1L)
        .containsEntry("HOTLINE", 1L).containsEntry("COMPLAINT_BOX", 1L).containsEntry("LETTER", 0L)
        .containsEntry("REFERRAL_NACC", 0L);
    assertThat(channels.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
    Map<String, Long> categories = counts(year.get("byCategory"));
    assertThat(categories).hasSize(10).containsEntry("PROCUREMENT", 1L).containsEntry("GIFTS", 1L)
        .containsEntry("CONFLICT_OF_INTEREST", 1L).containsEntry("ABUSE_OF_POWER", 1L).containsEntry("BRIBERY", 1L)
        .containsEntry("OTHER", 0L);
    assertThat(counts(year.get("byOutcome"))).hasSize(8).containsEntry("NO_GROUNDS", 1L).containsEntry("REJECTED", 1L)
        .containsEntry("WITHDRAWN", 1L).containsEntry("PENALISED", 1L).containsEntry("FORWARDED", 0L)
        .containsEntry("MERGED", 0L);
  }

  @Test
  void theSecondsAroundBangkokMidnightFallInTheRightFiscalYear() throws Exception {
    JsonNode fy2568 = json("/api/statistics?fiscalYear=2568");
    JsonNode september2025 = fy2568.get("months").get(11);
    assertThat(september2025.get("month").asText()).isEqualTo("2025-09");
    // 900001 at 23:59:59 of 30 Sep; open at midnight: 900001 and 900007
    assertThat(september2025.get("received").asLong()).isEqualTo(1);
    assertThat(september2025.get("inProgress").asLong()).isEqualTo(2);

    JsonNode october2026 = json("/api/statistics?fiscalYear=2570").get("months").get(0);
    assertThat(october2026.get("month").asText()).isEqualTo("2026-10");
    // 900006 at 00:00:00 of 1 Oct; 900005 closed then; open at the end of October: 900007, 900003, 900006
    assertThat(october2026.get("received").asLong()).isEqualTo(1);
    assertThat(october2026.get("completed").asLong()).isEqualTo(1);
    assertThat(october2026.get("inProgress").asLong()).isEqualTo(3);
  }

  @Test
  void theCurrentMonthCountsWhatIsOpenNowAndLaterMonthsNothing() throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-15T05:00:00Z")));
    JsonNode year = json("/api/statistics");
    assertThat(year.get("fiscalYear").asInt()).as("the default is the current fiscal year").isEqualTo(2569);
    long[] inProgress = new long[12];
    for (int i = 0; i < 12; i++) {
      inProgress[i] = year.get("months").get(i).get("inProgress").asLong();
    }
    // March (now): 900007, 900003, 900004 are open; April to September have not ended, nor begun
    assertThat(inProgress).containsExactly(2, 1, 2, 2, 3, 3, 0, 0, 0, 0, 0, 0);
    assertThat(year.get("total").get("inProgress").asLong()).isEqualTo(3);
    assertThat(get("/api/statistics?fiscalYear=2570").statusCode()).as("a year that has not begun").isEqualTo(400);
  }

  @Test
  void anEmptyYearIsPublishedAsTwelveZeroMonths() throws Exception {
    JsonNode year = json("/api/statistics?fiscalYear=2560");
    assertThat(year.get("from").asText()).isEqualTo("2016-10-01");
    assertThat(year.get("to").asText()).isEqualTo("2017-09-30");
    List<String> months = new ArrayList<>();
    year.get("months").forEach(m -> {
      months.add(m.get("month").asText());
      assertThat(m.get("received").asLong() + m.get("completed").asLong() + m.get("inProgress").asLong()).isZero();
    });
    assertThat(months).containsExactly("2016-10", "2016-11", "2016-12", "2017-01", "2017-02", "2017-03", "2017-04",
        "2017-05", "2017-06", "2017-07", "2017-08", "2017-09");
    assertThat(counts(year.get("byChannel"))).hasSize(11).allSatisfy((k, v) -> assertThat(v).isZero());
    assertThat(counts(year.get("byOutcome"))).hasSize(8).allSatisfy((k, v) -> assertThat(v).isZero());

    String csv = new String(get("/api/statistics.csv?fiscalYear=2560").body(), StandardCharsets.UTF_8);
    assertThat(csv.lines().toList()).hasSize(14).contains("2017-09,0,0,0", "total,0,0,0");
  }

  @Test
  void theCsvHasABomTheHeaderAMonthPerRowAndTheTotal() throws Exception {
    HttpResponse<byte[]> response = get("/api/statistics.csv?fiscalYear=2569");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv")
        .containsIgnoringCase("charset=UTF-8");
    assertThat(response.headers().firstValue("Content-Disposition")).get().asString()
        .contains("attachment").contains("ita-statistics-2569.csv");
    byte[] body = response.body();
    assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).isEqualTo("month,received,completed,inProgress");
    Map<String, long[]> parsed = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertThat(cells).hasSize(4);
      parsed.put(cells[0], new long[] {Long.parseLong(cells[1]), Long.parseLong(cells[2]), Long.parseLong(cells[3])});
    }
    assertThat(parsed.keySet()).containsExactly(append(MONTHS_2569, "total"));
    for (int i = 0; i < 12; i++) {
      assertThat(parsed.get(MONTHS_2569[i])).as(MONTHS_2569[i]).containsExactly(EXPECTED_2569[i]);
    }
    assertThat(parsed.get("total")).containsExactly(5, 4, 3);
  }

  @Test
  void theWorkbookHasThaiHeadingsThaiMonthsAndOneSheetPerBreakdown() throws Exception {
    HttpResponse<byte[]> response = get("/api/statistics.xlsx?fiscalYear=2569");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
      assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
          workbook.getSheetName(3))).containsExactly("รายเดือน", "ช่องทาง", "ประเภทเรื่อง", "ผลการดำเนินการ");
      Sheet months = workbook.getSheetAt(0);
      assertThat(text(months.getRow(0).getCell(0))).contains("ปีงบประมาณ พ.ศ. 2569");
      assertThat(List.of(text(months.getRow(1).getCell(0)), text(months.getRow(1).getCell(1)),
          text(months.getRow(1).getCell(2)), text(months.getRow(1).getCell(3))))
          .containsExactly("เดือน", "รับเรื่อง", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ");
      for (int i = 0; i < 12; i++) {
        Row row = months.getRow(2 + i);
        assertThat(text(row.getCell(0))).isEqualTo(THAI_MONTHS_2569[i]);
        assertThat(new long[] {number(row.getCell(1)), number(row.getCell(2)), number(row.getCell(3))})
            .as(THAI_MONTHS_2569[i]).containsExactly(EXPECTED_2569[i]);
      }
      Row total = months.getRow(14);
      assertThat(text(total.getCell(0))).isEqualTo("รวม");
      assertThat(new long[] {number(total.getCell(1)), number(total.getCell(2)), number(total.getCell(3))})
          .containsExactly(5, 4, 3);

      Map<String, Long> channels = breakdown(workbook.getSheetAt(1));
      assertThat(channels).hasSize(12).containsEntry("WEB", 2L).containsEntry("VOLUNTEER_NETWORK", 1L)
          .containsEntry("LETTER", 0L).containsEntry("", 5L);
      assertThat(text(workbook.getSheetAt(1).getRow(2).getCell(0))).isEqualTo("เว็บไซต์ (แบบฟอร์มออนไลน์)");
      assertThat(breakdown(workbook.getSheetAt(2))).hasSize(11).containsEntry("BRIBERY", 1L).containsEntry("", 5L);
      assertThat(breakdown(workbook.getSheetAt(3))).hasSize(9).containsEntry("PENALISED", 1L)
          .containsEntry("FORWARDED", 0L).containsEntry("", 4L);
    }
  }

  @Test
  void aBadFiscalYearIsABadRequestNamingTheField() throws Exception {
    for (String bad : List.of("abc", "2026", "99999", "2569.5", "2499")) {
      for (String path : List.of("/api/statistics", "/api/statistics.csv", "/api/statistics.xlsx")) {
        HttpResponse<byte[]> response = get(path + "?fiscalYear=" + bad);
        assertThat(response.statusCode()).as(path + " " + bad).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).as(path).get().asString()
            .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("fiscalYear");
      }
    }
    HttpResponse<byte[]> thai = send(HttpRequest.newBuilder(uri("/api/statistics?fiscalYear=x"))
        .header("Accept-Language", "th").GET().build());
    assertThat(JSON.readTree(thai.body()).get("errors").get(0).get("message").asText()).contains("ปีงบประมาณ");
  }

  @Test
  void thePageShowsTheTableTheChartTheBreakdownsAndTheDownloadsInThai() throws Exception {
    HttpResponse<byte[]> response = get("/statistics?fiscalYear=2569");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
        .contains("script-src 'self'").doesNotContain("unsafe-inline");
    String page = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(page).contains("<html lang=\"th\"").contains("สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ")
        .contains("ปีงบประมาณ พ.ศ. 2569").contains("1 ตุลาคม 2568").contains("30 กันยายน 2569")
        .contains("ITA ข้อ O19").contains("<svg").contains("class=\"bar bar-received\"")
        .contains("href=\"/api/statistics.csv?fiscalYear=2569\"").contains("href=\"/api/statistics.xlsx?fiscalYear=2569\"")
        .contains("จำแนกตามช่องทาง").contains("เครือข่ายอาสาสมัคร (ดวงตาแรงงาน)")
        .contains("<option value=\"2569\" selected=\"selected\">2569</option>");
    assertThat(page).doesNotContain("<script").doesNotContain(" style=");
    // the months table: 12 rows of received, completed, in progress, then the total
    String months = page.substring(page.indexOf("months-table"), page.indexOf("</table>", page.indexOf("months-table")));
    for (String thaiMonth : THAI_MONTHS_2569) {
      assertThat(months).contains(">" + thaiMonth + "<");
    }
    java.util.regex.Matcher numbers = java.util.regex.Pattern.compile("<td class=\"num\">([0-9]+)</td>").matcher(months);
    List<Long> cells = new ArrayList<>();
    while (numbers.find()) {
      cells.add(Long.parseLong(numbers.group(1)));
    }
    List<Long> expected = new ArrayList<>();
    for (long[] row : EXPECTED_2569) {
      for (long value : row) {
        expected.add(value);
      }
    }
    expected.addAll(List.of(5L, 4L, 3L));
    assertThat(cells).isEqualTo(expected);
  }

  @Test
  void thePageSwitchesToEnglishAndRemembersItWhileTheApiKeepsAcceptLanguage() throws Exception {
    HttpResponse<byte[]> english = get("/statistics?fiscalYear=2569&lang=en");
    String page = new String(english.body(), StandardCharsets.UTF_8);
    assertThat(page).contains("<html lang=\"en\"").contains("Statistics of corruption complaints")
        .contains("October 2025").contains("September 2026").contains("By channel");
    String cookie = english.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("lang=en").contains("HttpOnly");
    HttpResponse<byte[]> remembered = send(HttpRequest.newBuilder(uri("/statistics?fiscalYear=2569"))
        .header("Cookie", "lang=en").GET().build());
    assertThat(new String(remembered.body(), StandardCharsets.UTF_8)).contains("<html lang=\"en\"");
    HttpResponse<byte[]> problem = send(HttpRequest.newBuilder(uri("/api/statistics?fiscalYear=bad"))
        .header("Cookie", "lang=en").header("Accept-Language", "th").GET().build());
    assertThat(problem.headers().firstValue("Content-Language")).contains("th");
    HttpResponse<byte[]> badPage = get("/statistics?fiscalYear=1999");
    assertThat(badPage.statusCode()).isEqualTo(400);
  }

  @Test
  void nothingPublicLeaksMoreThanCounts() throws Exception {
    List<String> bodies = new ArrayList<>();
    for (String page : List.of("/statistics?fiscalYear=2569", "/statistics?fiscalYear=2570&lang=en", "/manual")) {
      bodies.add(new String(get(page).body(), StandardCharsets.UTF_8));
    }
    for (String year : List.of("2568", "2569", "2570")) {
      bodies.add(new String(get("/api/statistics?fiscalYear=" + year).body(), StandardCharsets.UTF_8));
      bodies.add(new String(get("/api/statistics.csv?fiscalYear=" + year).body(), StandardCharsets.UTF_8));
      bodies.add(workbookText(get("/api/statistics.xlsx?fiscalYear=" + year).body()));
    }
    for (String body : bodies) {
      for (String secret : SECRETS) {
        assertThat(body).doesNotContain(secret);
      }
      for (String secret : IDENTITY) {
        assertThat(body).doesNotContain(secret);
      }
      assertThat(body).doesNotContainPattern("ACC-[0-9]{4}-[0-9]{6}");
    }
  }

  // --- helpers -------------------------------------------------------------------------------------------------

  static OffsetDateTime utc(String instant) {
    return OffsetDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
  }

  static long[][] expected2569() {
    return EXPECTED_2569;
  }

  static long[][] table(JsonNode year) {
    JsonNode months = year.get("months");
    assertThat(months).hasSize(12);
    long[][] table = new long[12][];
    for (int i = 0; i < 12; i++) {
      JsonNode m = months.get(i);
      assertThat(m.get("month").asText()).isEqualTo(MONTHS_2569[i]);
      table[i] = new long[] {m.get("received").asLong(), m.get("completed").asLong(), m.get("inProgress").asLong()};
    }
    return table;
  }

  static Map<String, Long> counts(JsonNode object) {
    Map<String, Long> counts = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }

  /** A breakdown sheet read back: code (column B) → count (column C); the total row has an empty code. */
  static Map<String, Long> breakdown(Sheet sheet) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int r = 2; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      counts.put(row.getCell(1) == null ? "" : text(row.getCell(1)), number(row.getCell(2)));
    }
    return counts;
  }

  static String workbookText(byte[] xlsx) throws IOException {
    StringBuilder all = new StringBuilder();
    DataFormatter format = new DataFormatter();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : workbook) {
        all.append(sheet.getSheetName()).append('\n');
        for (Row row : sheet) {
          for (Cell cell : row) {
            all.append(format.formatCellValue(cell)).append('\t');
          }
          all.append('\n');
        }
      }
    }
    return all.toString();
  }

  static String text(Cell cell) {
    return cell.getStringCellValue();
  }

  static long number(Cell cell) {
    return (long) cell.getNumericCellValue();
  }

  static String[] append(String[] values, String last) {
    String[] all = java.util.Arrays.copyOf(values, values.length + 1);
    all[values.length] = last;
    return all;
  }

  JsonNode json(String path) throws Exception {
    HttpResponse<byte[]> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
    return JSON.readTree(response.body());
  }

  HttpResponse<byte[]> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<byte[]> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}

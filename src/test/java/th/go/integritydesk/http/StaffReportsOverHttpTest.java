package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.http.StaffClient.Answer;

/** The staff reports: supervisors and analysts only, exact figures for the fixture, never the complainant. */
@HttpTest
class StaffReportsOverHttpTest {

  static final List<String> PATHS = List.of("/api/staff/reports", "/api/staff/reports/stage-times",
      "/api/staff/reports/overdue", "/api/staff/reports/stages", "/api/staff/reports/categories",
      "/api/staff/reports/units", "/api/staff/reports/volunteers", "/api/staff/reports.xlsx", "/staff/reports");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;

  @BeforeEach
  void fixture() {
    StatisticsOverHttpTest.insertFixture(jdbc);
  }

  @AfterEach
  void removeFixture() {
    StatisticsOverHttpTest.removeFixture(jdbc);
  }

  @Test
  void onlySupervisorsAndAnalystsGetTheReports() {
    for (String path : PATHS) {
      Answer none = new StaffClient(port, "x", "y").raw("GET", path, Map.of(), BodyPublishers.noBody());
      assertThat(none.status()).as(path).isEqualTo(401);
      for (String user : List.of("intake", "screener", "investigator", "authority", "admin")) {
        Answer refused = new StaffClient(port, user, "demo").get(path);
        assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
      }
      for (String user : List.of("supervisor", "analyst")) {
        assertThat(new StaffClient(port, user, "demo").get(path).status()).as(user + " " + path).isEqualTo(200);
      }
    }
  }

  @Test
  void theReportsCountTheFixtureByCategoryUnitVolunteerAndStage() {
    StaffClient analyst = new StaffClient(port, "analyst", "demo");
    JsonNode report = analyst.get("/api/staff/reports?fiscalYear=2569").body();
    assertThat(report.get("fiscalYear").asInt()).isEqualTo(2569);
    JsonNode categories = report.get("byCategory");
    assertThat(categories.size()).isEqualTo(10);
    assertThat(categories.get("PROCUREMENT").asLong()).isEqualTo(1);
    assertThat(categories.get("BRIBERY").asLong()).isEqualTo(1);
    assertThat(categories.get("OTHER").asLong()).isZero();
    // received in fiscal 2569: 900002, 900003, 900004, 900005, 900008; still open: 900003
    JsonNode unit = findUnit(report.get("byUnit"), "กองพัสดุลับเฉพาะ");
    assertThat(unit.get("received").asLong()).isEqualTo(5);
    assertThat(unit.get("open").asLong()).isEqualTo(1);
    JsonNode volunteers = report.get("volunteers");
    assertThat(volunteers.size()).isEqualTo(1);
    assertThat(volunteers.get(0).get("volunteerCode").asText()).isEqualTo("LE-0042");
    assertThat(volunteers.get(0).get("received").asLong()).isEqualTo(1);
    assertThat(volunteers.get(0).get("open").asLong()).isEqualTo(1);
    assertThat(volunteers.get(0).get("outcomes").size()).isEqualTo(8);

    // open fixture cases (900003, 900006, 900007) are in screening: the count moves by exactly three
    long withFixture = analyst.get("/api/staff/reports/stages").body().get("SCREENING").asLong();
    StatisticsOverHttpTest.removeFixture(jdbc);
    JsonNode stages = analyst.get("/api/staff/reports/stages").body();
    assertThat(withFixture - stages.get("SCREENING").asLong()).isEqualTo(3);
    assertThat(stages.has("CLOSED")).isFalse();
    assertThat(stages.has("FACT_FINDING")).isTrue();
  }

  /**
   * Time per step is counted in the database for the fiscal year asked: ten screenings that ended in fiscal 2560
   * took 11 to 20 days; the median (nearest rank) is 15, the 90th percentile 19, and five took longer than the
   * 15-day deadline. A screening that ended in another year is not counted.
   */
  @Test
  void timePerStepIsCountedForTheFiscalYearAsked() {
    java.time.Instant yearStart = java.time.LocalDate.of(2016, 10, 1).atStartOfDay(th.go.integritydesk.process.ThaiDates.BANGKOK)
        .toInstant();
    List<String> ids = new java.util.ArrayList<>();
    try {
      for (int days = 11; days <= 21; days++) {
        java.time.Instant start = yearStart.plus(java.time.Duration.ofDays(30));
        long duration = days * 86_400_000L;
        java.time.Instant end = days == 21 ? yearStart.minus(java.time.Duration.ofDays(1)) : start.plusMillis(duration);
        String id = "stage-time-fixture-" + days;
        ids.add(id);
        jdbc.sql("INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, NAME_, START_TIME_, END_TIME_, DURATION_)"
                + " VALUES (?, 'screen-complaint', 'complaint-lifecycle', 'คัดกรองเรื่อง / Screen complaint', ?, ?, ?)")
            .params(id, java.sql.Timestamp.from(start), java.sql.Timestamp.from(end), duration).update();
      }
      JsonNode times = new StaffClient(port, "supervisor", "demo").get("/api/staff/reports/stage-times?fiscalYear=2560")
          .body();
      JsonNode screening = null;
      for (JsonNode t : times) {
        if (t.get("step").asText().equals("screen-complaint")) {
          screening = t;
        }
      }
      assertThat(screening).as(times.toString()).isNotNull();
      assertThat(screening.get("count").asLong()).isEqualTo(10);
      assertThat(screening.get("medianDays").asDouble()).isEqualTo(15.0);
      assertThat(screening.get("p90Days").asDouble()).isEqualTo(19.0);
      assertThat(screening.get("limitDays").asDouble()).isEqualTo(15.0);
      assertThat(screening.get("overLimit").asLong()).isEqualTo(5);
    } finally {
      ids.forEach(id -> jdbc.sql("DELETE FROM ACT_HI_TASKINST WHERE ID_ = ?").param(id).update());
    }
  }

  @Test
  void overdueWorkIsListedWithItsGroupAndDaysLate() {
    Task task = tasks.newTask();
    task.setName("งานทดสอบเกินกำหนด / Overdue test task");
    task.setDueDate(new Date(ClockUtil.getCurrentTime().getTime() - 2 * 86_400_000L - 3_600_000L));
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), "supervisor");
    try {
      JsonNode overdue = new StaffClient(port, "supervisor", "demo").get("/api/staff/reports/overdue").body();
      JsonNode mine = null;
      for (JsonNode o : overdue) {
        if ("งานทดสอบเกินกำหนด / Overdue test task".equals(o.get("taskName").asText())) {
          mine = o;
        }
      }
      assertThat(mine).isNotNull();
      assertThat(mine.get("daysLate").asDouble()).isEqualTo(2.0);
      assertThat(mine.get("candidateGroups").get(0).asText()).isEqualTo("supervisor");
      Answer answered = new StaffClient(port, "supervisor", "demo").get("/api/staff/reports/overdue");
      assertThat(Long.parseLong(answered.headers().firstValue("X-Total-Count").orElseThrow()))
          .isGreaterThanOrEqualTo(answered.body().size());
      String page = new StaffClient(port, "supervisor", "demo").get("/staff/reports").raw();
      assertThat(page).contains("งานทดสอบเกินกำหนด").contains("ผู้บังคับบัญชา");
    } finally {
      tasks.deleteTask(task.getId(), true);
    }
  }

  @Test
  void theWorkbookHoldsEveryReportAndNothingOfTheComplainant() throws Exception {
    StaffClient supervisor = new StaffClient(port, "supervisor", "demo");
    var response = supervisor.download("/api/staff/reports.xlsx?fiscalYear=2569");
    assertThat(response.statusCode()).isEqualTo(200);
    String text = StatisticsOverHttpTest.workbookText(response.body());
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
      assertThat(workbook.getSheetName(4)).isEqualTo("ตามหน่วยงาน");
    }
    assertThat(text).contains("กองพัสดุลับเฉพาะ\t5\t1").contains("LE-0042\t1\t1").contains("ระยะเวลาแต่ละขั้นตอน");
    String json = supervisor.get("/api/staff/reports?fiscalYear=2569").raw();
    String page = supervisor.get("/staff/reports?fiscalYear=2569").raw();
    for (String body : List.of(text, json, page)) {
      for (String secret : StatisticsOverHttpTest.IDENTITY) {
        assertThat(body).doesNotContain(secret);
      }
      assertThat(body).doesNotContain("เรื่องลับของชุดทดสอบ").doesNotContain("ข้อเท็จจริงลับของชุดทดสอบ");
    }
    assertThat(new String(page.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("LE-0042");
  }

  static JsonNode findUnit(JsonNode units, String name) {
    for (JsonNode unit : units) {
      if (name.equals(unit.path("unit").asText())) {
        return unit;
      }
    }
    throw new AssertionError("no unit " + name + " in " + units);
  }
}

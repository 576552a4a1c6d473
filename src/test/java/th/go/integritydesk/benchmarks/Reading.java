package th.go.integritydesk.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reading at national scale (issue 26), on PostgreSQL: complaints seeded straight into {@code complaint} over five
 * fiscal years (85% closed) with five finished complaint-lifecycle tasks each in {@code act_hi_taskinst} (the engine's
 * own path would take hours at 200,000 cases), then, against the application started on that database with
 * {@code -Xmx512m}: the staff reports of the current year, the public statistics warm, search and similar cases, and
 * the mixed day (a complaint's intake latency alone, then while 8 anonymous clients read the public pages, in the
 * same run; the per-client rate limit is lifted so that the 8 readers really load the server).
 */
final class Reading {

  private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
  private static final String[] CATEGORIES = {"BRIBERY", "PROCUREMENT", "ABUSE_OF_POWER", "GIFTS", "MISCONDUCT"};
  private static final String[] UNITS = {"กองคลัง", "กองช่าง", "กองการเจ้าหน้าที่", "สำนักงานปลัด", "กองพัสดุ",
      "สำนักงานจังหวัดน่าน", "สำนักงานจังหวัดเชียงใหม่", "กองแผนงาน"};
  private static final String[] STEPS = {"screen-complaint", "assign-investigator", "conduct-fact-finding",
      "review-findings", "decide-penalty"};

  private Reading() {
  }

  static void run(Bench b) throws Exception {
    b.line("## Reading at scale: reports, statistics, search, the mixed day (PostgreSQL)");
    b.line("");
    List<Integer> sizes = b.sizes("readingSizes", "20000,200000", "2000,20000");
    try (Pg pg = Pg.start()) {
      for (int size : sizes) {
        String database = "reading" + size;
        String url = pg.createDatabase(database);
        // the application creates the schema first (Flyway and the engine), then the rows are added under it
        List<String> arguments = new ArrayList<>(App.postgres(url));
        arguments.add("--integrity-desk.rate-limit.public-reads=1000000000");
        arguments.add("--integrity-desk.search.index-dir=" + App.newFolder(b, "reading-index-" + size));
        try (App app = App.start(b, "reading-schema-" + size, b.basePort, arguments)) {
          Bench.log("reading: schema ready for %d cases", size);
        }
        long t0 = System.nanoTime();
        try (Connection c = pg.connect(database)) {
          seed(c, size);
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        Bench.log("reading: seeded %d cases and %d finished tasks in %.0f s", size, size * STEPS.length, seedSeconds);
        try (App app = App.start(b, "reading-" + size, b.basePort, arguments, List.of("-Xmx512m"));
             Connection plans = pg.connect(database)) {
          measure(b, app, size, seedSeconds);
          plans(b, plans, size);
        }
      }
    }
  }

  /** Complaints over the five fiscal years up to now, 85% closed; five finished tasks per case. */
  static void seed(Connection c, int size) throws SQLException {
    c.setAutoCommit(false);
    Instant now = Instant.now();
    Instant from = now.minus(Duration.ofDays(5 * 365));
    long span = Duration.between(from, now).toMillis();
    try (PreparedStatement complaint = c.prepareStatement("""
            INSERT INTO complaint (tracking_number, fiscal_year, channel, category, subject, description, accused_name,
              accused_position, accused_unit, nacc_finding_of_fault, received_at, stage, outcome, closed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?)""");
         PreparedStatement task = c.prepareStatement("""
             INSERT INTO act_hi_taskinst (id_, task_def_key_, proc_def_key_, name_, start_time_, end_time_, duration_)
             VALUES (?, ?, 'complaint-lifecycle', ?, ?, ?, ?)""")) {
      for (int i = 0; i < size; i++) {
        Instant received = from.plusMillis(span * i / size);
        LocalDate day = LocalDate.ofInstant(received, BANGKOK);
        int fiscalYear = day.getYear() + 543 + (day.getMonthValue() >= 10 ? 1 : 0);
        boolean closed = i % 20 < 17;
        Instant closedAt = closed ? received.plus(Duration.ofDays(20 + i % 60)) : null;
        if (closedAt != null && closedAt.isAfter(now)) {
          closedAt = null;
        }
        String unit = UNITS[i % UNITS.length];
        complaint.setString(1, String.format(Locale.ROOT, "ACC-%d-%06d", fiscalYear, 100000 + i % 800000));
        complaint.setInt(2, fiscalYear);
        complaint.setString(3, i % 3 == 0 ? "WEB" : i % 3 == 1 ? "LETTER" : "HOTLINE");
        complaint.setString(4, CATEGORIES[i % CATEGORIES.length]);
        complaint.setString(5, "เรื่องที่ " + i + " เจ้าหน้าที่" + unit + "เรียกรับเงินค่าดำเนินการ");
        complaint.setString(6, "ข้อเท็จจริงของเรื่องที่ " + i + ": เจ้าหน้าที่เรียกรับเงิน " + (1000 + i % 9000)
            + " บาท เพื่อเร่งออกใบอนุญาต ในการจัดซื้อจัดจ้างโครงการที่ " + (i % 500) + " Bid rigging case " + i);
        complaint.setString(7, "นายผู้ถูกกล่าวหา หมายเลข" + (i % 5000));
        complaint.setString(8, i % 2 == 0 ? "ผู้อำนวยการ" + unit : "เจ้าหน้าที่พัสดุ");
        complaint.setString(9, unit);
        complaint.setTimestamp(10, Timestamp.from(received));
        complaint.setString(11, closedAt == null ? "SCREENING" : "CLOSED");
        complaint.setString(12, closedAt == null ? null : "NO_GROUNDS");
        complaint.setTimestamp(13, closedAt == null ? null : Timestamp.from(closedAt));
        complaint.addBatch();
        Instant start = received;
        for (int s = 0; s < STEPS.length; s++) {
          long duration = Duration.ofHours(6 + (i * 7L + s * 13L) % 600).toMillis();
          task.setString(1, "bench-" + i + "-" + s);
          task.setString(2, STEPS[s]);
          task.setString(3, STEPS[s]);
          task.setTimestamp(4, Timestamp.from(start));
          task.setTimestamp(5, Timestamp.from(start.plusMillis(duration)));
          task.setLong(6, duration);
          task.addBatch();
          start = start.plusMillis(duration);
        }
        if (i % 2000 == 1999 || i == size - 1) {
          complaint.executeBatch();
          task.executeBatch();
          c.commit();
        }
      }
    }
    try (var s = c.createStatement()) {
      s.execute("ANALYZE complaint");
      s.execute("ANALYZE act_hi_taskinst");
    }
    c.setAutoCommit(true);
  }

  private static void measure(Bench b, App app, int size, double seedSeconds) throws Exception {
    b.line("### %,d cases (%,d finished tasks), seeded in %.0f s", size, size * STEPS.length, seedSeconds);
    b.line("");
    // the search index of this node is built from the database in the background: wait for the last case
    String last = "Bid rigging case " + (size - 1);
    long indexStart = System.nanoTime();
    while (!app.web.get("/api/staff/search?q=" + java.net.URLEncoder.encode("case " + (size - 1),
        java.nio.charset.StandardCharsets.UTF_8), "supervisor").body().contains("\"total\":1,")) {
      if (System.nanoTime() - indexStart > Duration.ofMinutes(15).toNanos()) {
        throw new IllegalStateException("the search index did not reach " + last);
      }
      Thread.sleep(1000);
    }
    double indexSeconds = (System.nanoTime() - indexStart) / 1e9;

    double reports = median(5, () -> check(app.web.get("/api/staff/reports", "supervisor")));
    double statisticsCold = once(() -> check(app.web.get("/api/statistics?fiscalYear=" + (currentFiscalYear() - 1),
        null)));
    double statistics = median(20, () -> check(app.web.get("/api/statistics", null)));
    double search = median(10, () -> check(app.web.get("/api/staff/search?q=" + java.net.URLEncoder.encode(
        "เรียกรับ กองคลัง", java.nio.charset.StandardCharsets.UTF_8), "supervisor")));
    String tn = firstTrackingNumber(app);
    double similar = median(10, () -> check(app.web.get("/api/staff/complaints/" + tn + "/similar", "supervisor")));

    // the mixed day: a complaint's latency alone, then while 8 anonymous clients read the public pages
    Load.Stats idle = Load.run("intake alone", 1, Duration.ofSeconds(10), Duration.ofSeconds(20),
        seq -> app.web.postJson("/api/complaints", null, Phases.complaint(seq)).status() == 201, null);
    AtomicBoolean reading = new AtomicBoolean(true);
    String[] pages = {"/api/statistics", "/statistics", "/manual", "/status"};
    List<Thread> readers = new ArrayList<>();
    long[] reads = new long[8];
    for (int r = 0; r < 8; r++) {
      int reader = r;
      Thread thread = new Thread(() -> {
        int n = 0;
        while (reading.get()) {
          app.web.get(pages[(reader + n++) % pages.length], null);
          reads[reader]++;
        }
      }, "bench-reader-" + r);
      readers.add(thread);
      thread.start();
    }
    Load.Stats busy;
    long readsBefore;
    try {
      Thread.sleep(5000);
      readsBefore = Arrays.stream(reads).sum();
      busy = Load.run("intake while 8 clients read", 1, Duration.ZERO, Duration.ofSeconds(20),
          seq -> app.web.postJson("/api/complaints", null, Phases.complaint(seq)).status() == 201, null);
    } finally {
      reading.set(false);
      for (Thread thread : readers) {
        thread.join();
      }
    }
    double readsPerSecond = (Arrays.stream(reads).sum() - readsBefore) / 20.0;
    double ratio = busy.p50Ms() / Math.max(0.001, idle.p50Ms());

    b.line("| figure | measured | target |");
    b.line("|---|---|---|");
    b.line("| `GET /api/staff/reports` (current year, supervisor), median of 5, `-Xmx512m` | %.0f ms | < 500 ms |", reports);
    b.line("| `GET /api/statistics` cold (an earlier year, first request) | %.0f ms | |", statisticsCold);
    b.line("| `GET /api/statistics` warm, median of 20 | %.1f ms | < 50 ms |", statistics);
    b.line("| `GET /api/staff/search?q=เรียกรับ กองคลัง`, median of 10 | %.0f ms | < 200 ms |", search);
    b.line("| `GET /api/staff/complaints/{n}/similar`, median of 10 | %.0f ms | < 200 ms |", similar);
    b.line("| intake p50 alone / while 8 clients read (%.0f reads/s) | %.0f ms / %.0f ms = %.2f× | ≤ 1.5× |",
        readsPerSecond, idle.p50Ms(), busy.p50Ms(), ratio);
    b.line("| search index built from the database at start-up | %.0f s | |", indexSeconds);
    b.line("");
    String at = String.format(Locale.ROOT, " at %,d cases", size);
    b.target("staff reports" + at, String.format(Locale.ROOT, "%.0f ms", reports), "< 500 ms", reports < 500,
        Bench.margin(reports, 500, false));
    b.target("public statistics warm" + at, String.format(Locale.ROOT, "%.1f ms", statistics), "< 50 ms",
        statistics < 50, Bench.margin(statistics, 50, false));
    b.target("search" + at, String.format(Locale.ROOT, "%.0f ms", search), "< 200 ms", search < 200,
        Bench.margin(search, 200, false));
    b.target("similar cases" + at, String.format(Locale.ROOT, "%.0f ms", similar), "< 200 ms", similar < 200,
        Bench.margin(similar, 200, false));
    b.target("mixed day: intake under public reads" + at, String.format(Locale.ROOT, "%.2f×", ratio), "≤ 1.5×",
        ratio <= 1.5, Bench.margin(ratio, 1.5, false));
  }

  /**
   * The plans PostgreSQL chose for the reading queries on this data (EXPLAIN ANALYZE), kept in a file; the section
   * names the index each one reads.
   */
  private static void plans(Bench b, Connection c, int size) throws Exception {
    int year = currentFiscalYear();
    LocalDate first = LocalDate.of(year - 543 - 1, 10, 1);
    String start = first.atStartOfDay(BANGKOK).toInstant().toString();
    String end = first.plusYears(1).atStartOfDay(BANGKOK).toInstant().toString();
    String[][] queries = {
        {"time per step (the year's finished tasks)", "SELECT TASK_DEF_KEY_, COUNT(*), PERCENTILE_DISC(0.5) WITHIN GROUP"
            + " (ORDER BY DURATION_) FROM ACT_HI_TASKINST WHERE END_TIME_ >= '" + start + "' AND END_TIME_ < '" + end
            + "' AND DURATION_ IS NOT NULL AND PROC_DEF_KEY_ IN ('complaint-lifecycle', 'fact-finding',"
            + " 'disciplinary-action') GROUP BY TASK_DEF_KEY_"},
        {"the stages (call activities) of the year", "SELECT ACT_ID_, COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_TYPE_ ="
            + " 'callActivity' AND END_TIME_ >= '" + start + "' AND END_TIME_ < '" + end + "' GROUP BY ACT_ID_"},
        {"overdue work, the first page", "SELECT ID_ FROM ACT_RU_TASK WHERE DUE_DATE_ < now() ORDER BY DUE_DATE_, ID_"
            + " FETCH FIRST 50 ROWS ONLY"},
        {"cases by unit received in the year", "SELECT accused_unit, COUNT(*) FROM complaint WHERE received_at >= '"
            + start + "' AND received_at < '" + end + "' GROUP BY accused_unit ORDER BY COUNT(*) DESC FETCH FIRST 200"
            + " ROWS ONLY"},
        {"the public statistics' one pass", "SELECT COUNT(*) FROM complaint WHERE received_at < '" + end
            + "' AND (closed_at IS NULL OR closed_at >= '" + start + "')"},
        {"the search index's catch-up page", "SELECT tracking_number FROM complaint WHERE received_at >= '" + start
            + "' AND (received_at > '" + start + "' OR tracking_number > '') ORDER BY received_at, tracking_number"
            + " FETCH FIRST 500 ROWS ONLY"},
    };
    StringBuilder all = new StringBuilder();
    b.line("Plans at %,d cases (EXPLAIN ANALYZE, in full in the kept file):", size);
    b.line("");
    for (String[] q : queries) {
      List<String> plan = new ArrayList<>();
      try (var s = c.createStatement(); var rs = s.executeQuery("EXPLAIN ANALYZE " + q[1])) {
        while (rs.next()) {
          plan.add(rs.getString(1));
        }
      }
      all.append("-- ").append(q[0]).append('\n').append(q[1]).append('\n').append(String.join("\n", plan))
          .append("\n\n");
      String reads = plan.stream().map(String::strip).filter(l -> l.contains(" Scan ") || l.startsWith("Index")
          || l.startsWith("Seq Scan") || l.startsWith("Bitmap")).map(l -> l.replaceAll("\\s+\\(cost=.*", ""))
          .distinct().reduce((x, y) -> x + "; " + y).orElse("?");
      String time = plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("");
      b.line("- %s: %s (%s)", q[0], reads.replace("->", "").strip(), time.strip());
    }
    b.line("");
    b.line("(%s)", b.keep("reading-plans-" + size + ".txt", all.toString()));
    b.line("");
  }

  private static String firstTrackingNumber(App app) {
    String body = app.web.get("/api/staff/search?q=" + java.net.URLEncoder.encode("Bid rigging case 1",
        java.nio.charset.StandardCharsets.UTF_8), "supervisor").body();
    int at = body.indexOf("\"trackingNumber\":\"");
    return body.substring(at + 18, body.indexOf('"', at + 18));
  }

  private static int currentFiscalYear() {
    LocalDate today = LocalDate.now(BANGKOK);
    return today.getYear() + 543 + (today.getMonthValue() >= 10 ? 1 : 0);
  }

  private static void check(Web.Reply reply) {
    if (reply.status() != 200) {
      throw new IllegalStateException("answered " + reply.status() + ": " + reply.body());
    }
  }

  private static double once(Runnable request) {
    long t0 = System.nanoTime();
    request.run();
    return (System.nanoTime() - t0) / 1e6;
  }

  private static double median(int times, Runnable request) {
    request.run(); // warm
    double[] ms = new double[times];
    for (int i = 0; i < times; i++) {
      ms[i] = once(request);
    }
    Arrays.sort(ms);
    return ms[times / 2];
  }
}

package th.go.integritydesk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The group task page at growing numbers of open cases on PostgreSQL, as the screener's Tasklist asks for it. */
final class TaskPage {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String GROUP_PAGE =
      "/engine-rest/task?candidateGroup=screening&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15";
  /** What Tasklist posts to list a filter's first page (HAL: it embeds definitions, assignees, identity links). */
  static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";

  private TaskPage() {}

  /** {@code judged}: a list as Tasklist asks for it, the figure the target is about. */
  record Probe(String name, Supplier<Web.Reply> call, boolean judged) {}

  static void run(Bench b) throws Exception {
    b.line("## The group task page at growing numbers of open cases (PostgreSQL)");
    b.line("");
    List<Integer> sizes = b.sizes("taskSizes", "1000,10000,100000", "1000,5000");
    int samples = b.intProperty("taskSamples", 20, 10);
    int batch = b.intProperty("seedBatch", 250, 250);
    int threads = b.intProperty("seedThreads", 3, 3);
    int wholeWay = b.intProperty("seedWholeWay", 1000, 1000);
    Path pgLog = b.out.resolve("pglog");
    try (Pg pg = Pg.start(pgLog)) {
      String url = pg.createDatabase("tasks");
      long seedStart = System.nanoTime();
      try (Seeder seeder = Seeder.start(url);
           App app = App.start(b, "task-page", b.basePort,
               concat(App.postgres(url), "--camunda.bpm.job-execution.enabled=false"));
           Connection db = pg.connect("tasks")) {
        Bench.log("seeder and application up after %.1f s", (System.nanoTime() - seedStart) / 1e9);
        String groupsFilter = filterId(app, "My groups' tasks");
        String stageFilter = filterId(app, "Receipt and screening");
        List<Probe> probes = List.of(
            new Probe("screener: `GET /engine-rest/task?candidateGroup=screening&sortBy=created&sortOrder=desc"
                + "&firstResult=0&maxResults=15`", () -> app.web.get(GROUP_PAGE, "screener"), true),
            new Probe("screener: Tasklist filter *My groups' tasks*, `POST /filter/{id}/list` (HAL, 15 rows)",
                () -> app.web.postJson("/engine-rest/filter/" + groupsFilter + "/list?firstResult=0&maxResults=15",
                    "screener", TASKLIST_BODY, "application/hal+json"), true),
            new Probe("screener: the same filter's `POST /filter/{id}/count`",
                () -> app.web.postJson("/engine-rest/filter/" + groupsFilter + "/count", "screener", TASKLIST_BODY),
                false),
            new Probe("screener: Tasklist filter *Receipt and screening* (OR query), `POST /filter/{id}/list` (HAL)",
                () -> app.web.postJson("/engine-rest/filter/" + stageFilter + "/list?firstResult=0&maxResults=15",
                    "screener", TASKLIST_BODY, "application/hal+json"), true),
            new Probe("screener: the same stage filter's list as plain JSON (no count, nothing embedded)",
                () -> app.web.postJson("/engine-rest/filter/" + stageFilter + "/list?firstResult=0&maxResults=15",
                    "screener", TASKLIST_BODY), false),
            new Probe("screener: the same stage filter's `POST /filter/{id}/count`",
                () -> app.web.postJson("/engine-rest/filter/" + stageFilter + "/count", "screener", TASKLIST_BODY),
                false),
            new Probe("admin (no authorization check): the same `GET /engine-rest/task?candidateGroup=screening…`",
                () -> app.web.get(GROUP_PAGE, "admin"), false));
        b.line("Seeded through the engine in the harness JVM (the application on the same database, job executor off): "
            + "the first %d cases started as Tasklist's start form does (registration, acknowledgement and routing), the rest started by the engine directly at the screening gateway (`startBeforeActivity`, "
            + "without the history of the steps before: quicker), %d cases per transaction on %d threads; each case "
            + "then waits in `screen-complaint` for `screening` with its due date, timer, identity link, task "
            + "authorization and the case on its card. The measured application is the jar "
            + "(its job executor off, so that nothing else runs). Each figure: %d calls after 3 warm-up calls.",
            wholeWay, batch, threads, samples);
        b.line("");
        b.line("| open cases | seeding (s, cumulative) | what | median ms | p95 ms | max ms |");
        b.line("|---|---|---|---|---|---|");
        int open = 0;
        double seeding = 0;
        double lastMedian = 0;
        for (int size : sizes) {
          long t0 = System.nanoTime();
          int whole = Math.max(0, Math.min(size, wholeWay) - open);
          seeder.startCases(whole, batch, threads);
          seeder.runQueuedSteps(batch, threads);
          seeder.startWaitingCases(size - open - whole, batch, threads);
          seeding += (System.nanoTime() - t0) / 1e9;
          open = (int) Pg.single(db, "SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'screen-complaint'");
          try (Statement s = db.createStatement()) {
            s.execute("ANALYZE");
          }
          Bench.log("task page: %d open cases after %.0f s of seeding", open, seeding);
          checkPage(app);
          for (Probe probe : probes) {
            double[] ms = time(probe, samples);
            b.line("| %d | %.0f | %s | %.0f | %.0f | %.0f |", open, seeding, probe.name(), ms[0], ms[1], ms[2]);
            Bench.log("%s: median %.0f ms", probe.name(), ms[0]);
            if (size == sizes.get(sizes.size() - 1) && probe.judged()) {
              lastMedian = Math.max(lastMedian, ms[0]);
            }
          }
        }
        int largest = sizes.get(sizes.size() - 1);
        b.target("group task page at " + String.format(Locale.ROOT, "%,d", largest) + " open cases (slowest list above, median)"
                + (largest < 100_000 ? " — this run stopped below 100k, so the target is not judged" : ""),
            String.format(Locale.ROOT, "%.0f ms", lastMedian), "< 200 ms at 100k", lastMedian < 200 && largest >= 100_000,
            Bench.margin(lastMedian, 200, false));
        b.line("");
        b.line("Seeding %d cases took %.0f s (%.0f cases/s).", open, seeding, open / Math.max(0.001, seeding));
        explain(b, pg, db, probes, pgLog, open);
        // a restart on this database: start-up work that grows with the open cases shows here (it once took minutes)
        try (App again = App.start(b, "task-page-restart", b.basePort + 1,
            concat(App.postgres(url), "--camunda.bpm.job-execution.enabled=false"))) {
          b.line("");
          b.line("A second application started on this database of %d open cases (the first still running) was healthy "
              + "after **%.1f s** (start-up on an empty database: the start-up section).", open, again.startupMillis / 1000.0);
        }
      }
    }
  }

  /** The screener's page holds 15 screening tasks, newest first; admin's the same. */
  private static void checkPage(App app) throws Exception {
    JsonNode page = JSON.readTree(app.web.get(GROUP_PAGE, "screener").body());
    if (!page.isArray() || page.size() != 15) {
      throw new IllegalStateException("screener's page is not 15 tasks: " + page);
    }
    for (JsonNode task : page) {
      if (!task.get("taskDefinitionKey").asText().equals("screen-complaint")) {
        throw new IllegalStateException("screener sees " + task);
      }
    }
    JsonNode supervisor = JSON.readTree(app.web.get(GROUP_PAGE, "supervisor").body());
    if (!supervisor.isArray() || supervisor.size() != 0) {
      throw new IllegalStateException("supervisor sees screening tasks: " + supervisor.size());
    }
  }

  private static double[] time(Probe probe, int samples) {
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      probe.call().get();
      if (System.nanoTime() - t0 > 2_000_000_000L) {
        samples = Math.min(samples, 3);   // seconds per call: a few samples say enough
        break;
      }
    }
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      long t0 = System.nanoTime();
      Web.Reply reply = probe.call().get();
      nanos[i] = System.nanoTime() - t0;
      if (reply.status() != 200) {
        throw new IllegalStateException(probe.name() + ": " + reply.status() + " " + reply.body());
      }
    }
    Arrays.sort(nanos);
    return new double[] {Load.percentile(nanos, 0.5), Load.percentile(nanos, 0.95), nanos[samples - 1] / 1e6};
  }

  private static String filterId(App app, String nameContains) throws Exception {
    Web.Reply reply = app.web.get("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=100", "screener");
    JsonNode filters = JSON.readTree(reply.body());
    if (reply.status() != 200 || !filters.isArray()) {
      throw new IllegalStateException("GET /engine-rest/filter as screener: " + reply.status() + " " + reply.body());
    }
    for (JsonNode filter : filters) {
      if (filter.path("name").asText("").contains(nameContains)) {
        return filter.get("id").asText();
      }
    }
    throw new IllegalStateException("no Tasklist filter named " + nameContains + " in " + filters);
  }

  private static final Pattern ENTRY_START = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d", Pattern.MULTILINE);
  private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = ('(?:[^']|'')*'|NULL)");

  /** Logs every statement of one call of each probe, then EXPLAIN ANALYZEs the slowest task queries. */
  private static void explain(Bench b, Pg pg, Connection db, List<Probe> probes, Path pgLog, int open) throws Exception {
    Path log = pgLog.resolve("postgresql.log");
    long from = Files.exists(log) ? Files.size(log) : 0;
    try (Statement s = db.createStatement()) {
      s.execute("ALTER SYSTEM SET log_min_duration_statement = 0");
      s.execute("SELECT pg_reload_conf()");
    }
    Thread.sleep(500);
    for (Probe probe : probes.subList(0, 4)) {
      probe.call().get();
    }
    try (Statement s = db.createStatement()) {
      s.execute("ALTER SYSTEM RESET log_min_duration_statement");
      s.execute("SELECT pg_reload_conf()");
    }
    Thread.sleep(500);
    byte[] all = Files.readAllBytes(log);
    String text = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
    List<String> entries = new ArrayList<>();
    Matcher m = ENTRY_START.matcher(text);
    int last = -1;
    while (m.find()) {
      if (last >= 0) {
        entries.add(text.substring(last, m.start()));
      }
      last = m.start();
    }
    if (last >= 0) {
      entries.add(text.substring(last));
    }
    record Logged(double ms, String sql) {}
    List<Logged> statements = new ArrayList<>();
    Pattern duration = Pattern.compile("duration: ([0-9.]+) ms\\s+execute [^:]*:\\s*(.*)", Pattern.DOTALL);
    for (int i = 0; i < entries.size(); i++) {
      Matcher d = duration.matcher(entries.get(i));
      if (!d.find() || !d.group(2).toUpperCase(Locale.ROOT).contains("ACT_RU_TASK")) {
        continue;
      }
      String sql = d.group(2).strip();
      if (i + 1 < entries.size() && entries.get(i + 1).toLowerCase(Locale.ROOT).contains("detail:  parameters:")) {
        Matcher p = PARAMETER.matcher(entries.get(i + 1));
        List<String[]> parameters = new ArrayList<>();
        while (p.find()) {
          parameters.add(new String[] {p.group(1), p.group(2)});
        }
        parameters.sort((x, y) -> Integer.parseInt(y[0]) - Integer.parseInt(x[0]));
        for (String[] parameter : parameters) {
          sql = sql.replace("$" + parameter[0], parameter[1]);
        }
      }
      statements.add(new Logged(Double.parseDouble(d.group(1)), sql));
    }
    statements.sort((x, y) -> Double.compare(y.ms(), x.ms()));
    b.line("");
    b.line("The slowest task statements of one call of each screener request at %d open cases, from PostgreSQL's "
        + "statement log, with `EXPLAIN (ANALYZE, BUFFERS)`:", open);
    b.line("");
    StringBuilder plans = new StringBuilder();
    int n = 0;
    for (Logged statement : statements.subList(0, Math.min(3, statements.size()))) {
      n++;
      StringBuilder plan = new StringBuilder();
      try (Statement s = db.createStatement();
           ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      plans.append("-- statement ").append(n).append(" (").append(statement.ms()).append(" ms in the log)\n")
          .append(statement.sql()).append("\n\n").append(plan).append("\n\n");
      String execution = plan.toString().lines().filter(l -> l.contains("Execution Time")).findFirst().orElse("").strip();
      String sql = statement.sql().replaceAll("\\s+", " ");
      b.line("%d. %.1f ms in the log; %s; `%s`", n, statement.ms(), execution,
          (sql.length() > 160 ? sql.substring(0, 160) + "…" : sql).replace('`', '\''));
    }
    String file = b.keep("task-page-plans.txt", plans.toString());
    b.line("");
    b.line("Full statements and plans: %s.", file);
  }

  static List<String> concat(List<String> list, String... more) {
    List<String> all = new ArrayList<>(list);
    all.addAll(Arrays.asList(more));
    return all;
  }
}

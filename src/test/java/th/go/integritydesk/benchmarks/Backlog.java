package th.go.integritydesk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A backlog of queued asynchronous steps drained by one node, then by two nodes, on one PostgreSQL. */
final class Backlog {

  private Backlog() {}

  record Drain(int nodes, long jobs, double seconds, double perSecond, double busyPercent, long failed) {}

  static void run(Bench b) throws Exception {
    b.line("## A job backlog drained by 1 node and by 2 nodes (one PostgreSQL)");
    b.line("");
    int cases = b.intProperty("backlogCases", 3000, 800);
    List<Drain> drains = new ArrayList<>();
    try (Pg pg = Pg.start()) {
      String url = pg.createDatabase("backlog");
      try (Seeder seeder = Seeder.start(url); Connection db = pg.connect("backlog")) {
        for (int nodes = 1; nodes <= 2; nodes++) {
          seeder.startCases(cases, 250, 3);
          // what a complaint queues at intake is only its acknowledgement mail, when an address was left (ADR 0012):
          // the backlog is the screeners' requests for more facts, one asynchronous step per case
          seeder.suspendQueuedSteps(true);
          seeder.queueInformationRequests(250, 3);
          long queued = queued(db);
          List<App> apps = new ArrayList<>();
          try {
            for (int i = 0; i < nodes; i++) {
              apps.add(App.start(b, "backlog-" + nodes + "-node-" + (i + 1), b.basePort + i, TaskPage.concat(
                  App.postgres(url), "--camunda.bpm.job-execution.wait-time-in-millis=500",
                  "--camunda.bpm.job-execution.max-wait=1000")));
            }
            long[] cpu0 = cpu();
            long t0 = System.nanoTime();
            seeder.suspendQueuedSteps(false);
            long deadline = t0 + Duration.ofMinutes(10).toNanos();
            while (queued(db) > 0 && System.nanoTime() < deadline) {
              Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] cpu1 = cpu();
            long failed = Pg.single(db, "SELECT count(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL");
            double busy = 100.0 * (cpu1[0] - cpu0[0]) / Math.max(1, cpu1[1] - cpu0[1]);
            Drain drain = new Drain(nodes, queued, seconds, queued / seconds, busy, failed);
            Bench.log("backlog: %s", drain);
            drains.add(drain);
          } finally {
            for (App app : apps) {
              app.close();
            }
          }
        }
      }
    }
    b.line("%d cases started and screened with a request for more facts, each request's asynchronous step "
        + "(`request-complainant-info`: the status-page message, the wait for the reply and its timer) queued and "
        + "suspended; then the nodes were started "
        + "(the production profile's job executor: 3–6 threads, 3 jobs per acquisition; idle polling shortened to "
        + "0.5–1 s so that waking up does not count), the steps activated, and the time taken until no asynchronous "
        + "step was left. CPU: the whole machine's busy share over the drain (PostgreSQL, the nodes, the harness).",
        cases);
    b.line("");
    b.line("| nodes | steps | seconds | steps per second | machine CPU busy | failed steps |");
    b.line("|---|---|---|---|---|---|");
    for (Drain d : drains) {
      b.line("| %d | %d | %.1f | %.1f | %.0f%% | %d |", d.nodes(), d.jobs(), d.seconds(), d.perSecond(), d.busyPercent(),
          d.failed());
    }
    if (drains.size() == 2) {
      double scale = drains.get(1).perSecond() / drains.get(0).perSecond();
      b.line("");
      b.line("Two nodes drain **%.2f×** as fast as one.", scale);
      b.target("2 nodes vs 1 node draining a backlog", String.format(Locale.ROOT, "%.2f×", scale), "≥ 1.6×",
          scale >= 1.6, Bench.margin(scale, 1.6, true));
    }
  }

  /** Asynchronous continuations still to run (timers for deadlines are not a backlog). */
  private static long queued(Connection db) throws java.sql.SQLException {
    return Pg.single(db, "SELECT count(*) FROM act_ru_job WHERE type_ = 'message' AND retries_ > 0 AND exception_msg_ IS NULL");
  }

  /** {busy jiffies, total jiffies} of the whole machine. */
  static long[] cpu() throws IOException {
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < f.length; i++) {
      total += Long.parseLong(f[i]);
    }
    long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
    return new long[] {total - idle, total};
  }
}

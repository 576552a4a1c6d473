package th.go.integritydesk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Where the machine's CPU went while a phase ran: the application's JVM, PostgreSQL (its server process and every
 * backend, those that ended included) and this harness's JVM (the clients). Read from /proc in clock ticks, so it
 * costs nothing during the run.
 */
final class CpuSplit {

  private final long appPid;
  private final long postmasterPid;
  private final long[] sum = new long[5];
  private long[] mark;

  private CpuSplit(long appPid, long postmasterPid) throws IOException {
    this.appPid = appPid;
    this.postmasterPid = postmasterPid;
    this.mark = snapshot();
  }

  /**
   * Starts counting; {@code db} is any connection to the harness's PostgreSQL (its backend's parent is the server),
   * or null when the application runs on H2 (inside its JVM).
   */
  static CpuSplit start(App app, Connection db) throws IOException, SQLException {
    if (db == null) {
      return new CpuSplit(app.pid(), -1);
    }
    long backend = Pg.single(db, "SELECT pg_backend_pid()");
    long postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)
        .orElseThrow(() -> new IllegalStateException("no server process above backend " + backend));
    return new CpuSplit(app.pid(), postmaster);
  }

  /** {machine busy, machine total, application, PostgreSQL, harness}, in clock ticks. */
  private long[] snapshot() throws IOException {
    long[] machine = Backlog.cpu();
    long postgres = postmasterPid < 0 ? 0 : ticks(postmasterPid, true);
    for (ProcessHandle backend : ProcessHandle.of(postmasterPid).map(p -> p.descendants().toList())
        .orElse(java.util.List.of())) {
      postgres += ticks(backend.pid(), false);
    }
    return new long[] {machine[0], machine[1], ticks(appPid, false), postgres, ticks(ProcessHandle.current().pid(), false)};
  }

  /** utime + stime of a process (and, with {@code children}, of its ended children); 0 when it is gone. */
  private static long ticks(long pid, boolean children) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after the command: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
      long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return children ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Counts again from now on, adding to what was counted before (a load measured in several windows). */
  void resume() throws IOException {
    if (mark == null) {
      mark = snapshot();
    }
  }

  /** Stops counting until {@link #resume}. */
  void pause() throws IOException {
    if (mark != null) {
      long[] now = snapshot();
      for (int i = 0; i < sum.length; i++) {
        sum[i] += now[i] - mark[i];
      }
      mark = null;
    }
  }

  /**
   * A markdown table of the CPU counted since {@link #start} (while not paused), with the share of each part and its
   * cost per unit.
   */
  String table(long units, String unit) throws IOException {
    pause();
    long[] start = new long[sum.length];
    long[] end = sum;
    double hz = 100.0; // USER_HZ: /proc reports clock ticks of 1/100 s on Linux
    long busy = end[0] - start[0];
    long total = end[1] - start[1];
    String[] names = {"the application's JVM", "PostgreSQL (server and backends)", "the clients (the harness's JVM)"};
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "| where the CPU went | CPU seconds | share of the busy CPU | CPU ms per %s |%n|---|---|---|---|%n", unit));
    long parts = 0;
    for (int i = 0; i < names.length; i++) {
      if (i == 1 && postmasterPid < 0) {
        continue;
      }
      long t = end[i + 2] - start[i + 2];
      parts += t;
      text.append(row(names[i], t, busy, units, hz));
    }
    text.append(row("everything else on the machine", Math.max(0, busy - parts), busy, units, hz));
    text.append(String.format(Locale.ROOT, "| **the machine: %.0f%% busy** (%d cores) | %.1f of %.1f | 100%% | %.0f |%n",
        100.0 * busy / Math.max(1, total), Runtime.getRuntime().availableProcessors(), busy / hz, total / hz,
        1000.0 * busy / hz / Math.max(1, units)));
    return text.toString();
  }

  private static String row(String name, long ticks, long busy, long units, double hz) {
    return String.format(Locale.ROOT, "| %s | %.1f | %.0f%% | %.0f |%n", name, ticks / hz,
        100.0 * ticks / Math.max(1, busy), 1000.0 * ticks / hz / Math.max(1, units));
  }
}

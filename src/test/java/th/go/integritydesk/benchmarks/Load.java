package th.go.integritydesk.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Closed-loop load: a number of clients, each sending its next request when the previous one is answered. */
final class Load {

  /** One request; returns true when it succeeded. The argument is a number unique in this run. */
  interface Request {
    boolean send(int sequence);
  }

  /** The figures of one load; {@code nanos} holds the latency of every successful request, sorted. */
  record Stats(String name, int clients, long ok, long errors, double seconds, double perSecond, double p50Ms,
               double p99Ms, double maxMs, long[] nanos) {
    String row() {
      return String.format("| %s | %d | %d | %d | %.1f | %.1f | %.0f | %.0f | %.0f |", name, clients, ok, errors,
          seconds, perSecond, p50Ms, p99Ms, maxMs);
    }

    /** Several measured windows of the same load as one: counts and seconds add up, percentiles over all requests. */
    static Stats combine(List<Stats> windows) {
      long ok = windows.stream().mapToLong(Stats::ok).sum();
      long errors = windows.stream().mapToLong(Stats::errors).sum();
      double seconds = windows.stream().mapToDouble(Stats::seconds).sum();
      long[] all = windows.stream().flatMapToLong(w -> Arrays.stream(w.nanos())).sorted().toArray();
      return new Stats(windows.get(0).name(), windows.get(0).clients(), ok, errors, seconds, ok / seconds,
          percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, all);
    }

    static String header() {
      return "| what | clients | ok | errors | seconds | per second | p50 ms | p99 ms | max ms |\n"
          + "|---|---|---|---|---|---|---|---|---|";
    }
  }

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /**
   * Runs the clients for warm-up plus measure; only requests that start and end inside the measured window count.
   * {@code during} is called with 0 when the measured window opens, with 1, 2 and 3 at its quarters (thread dumps,
   * database samples) and with 4 when it closes (the clients may still finish their last requests).
   */
  static Stats run(String name, int clients, Duration warmup, Duration measure, Request request,
                   IntFunction<Void> during) throws InterruptedException {
    long start = System.nanoTime();
    long from = start + warmup.toNanos();
    long until = from + measure.toNanos();
    List<long[]> latencies = new ArrayList<>();
    long[] counts = new long[clients];
    long[] errors = new long[clients];
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      long[][] mine = {new long[1024]};
      int[] n = {0};
      Thread thread = new Thread(() -> {
        while (true) {
          long t0 = System.nanoTime();
          if (t0 >= until) {
            break;
          }
          boolean ok;
          try {
            ok = request.send(SEQUENCE.incrementAndGet());
          } catch (RuntimeException e) {
            ok = false;
          }
          long t1 = System.nanoTime();
          if (t0 >= from && t1 <= until) {
            if (ok) {
              if (n[0] == mine[0].length) {
                mine[0] = Arrays.copyOf(mine[0], n[0] * 2);
              }
              mine[0][n[0]++] = t1 - t0;
            } else {
              errors[client]++;
            }
          }
        }
        counts[client] = n[0];
        synchronized (latencies) {
          latencies.add(Arrays.copyOf(mine[0], n[0]));
        }
      }, "bench-client-" + c);
      threads.add(thread);
      thread.start();
    }
    if (during != null) {
      sleepUntil(from);
      for (int quarter = 0; quarter <= 4; quarter++) {
        sleepUntil(from + measure.toNanos() * quarter / 4);
        during.apply(quarter);
      }
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long total = Arrays.stream(counts).sum();
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double seconds = measure.toNanos() / 1e9;
    return new Stats(name, clients, total, Arrays.stream(errors).sum(), seconds, total / seconds,
        percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, all);
  }

  /**
   * One load of a comparison: its name, its requests, what runs while it is measured (may be null) and, when its
   * requests queue work for later (may be null), a test that all of it is done.
   */
  record Side(String name, Request request, IntFunction<Void> during, java.util.function.BooleanSupplier drained) {}

  /**
   * Two loads compared in the same application: both warmed up in turn, then measured in alternating windows
   * ({@code rounds} of each, {@code measure} in all for each), so that neither is measured on a colder JIT or a
   * quieter machine than the other. The JIT of this application keeps compiling for minutes under load (a third of
   * its CPU after a minute), so a comparison measured one after the other favours the second. After each window of a
   * side that queues work, the next waits until that work is done, and the waiting counts as that side's time: its
   * rate is what it can keep up, not what it accepts while its queue grows ({@code during} is told 4 once that work is
   * done, so that what it measures includes the queued work).
   */
  static Stats[] alternate(int clients, Duration warmup, Duration measure, int rounds, Side first, Side second)
      throws InterruptedException {
    run(first.name(), clients, Duration.ZERO, warmup, first.request(), null);
    run(second.name(), clients, Duration.ZERO, warmup, second.request(), null);
    List<Stats> a = new ArrayList<>();
    List<Stats> b = new ArrayList<>();
    Duration window = measure.dividedBy(rounds);
    drain(first, null);
    drain(second, null);
    for (int round = 0; round < rounds; round++) {
      a.add(window(first, clients, window));
      b.add(window(second, clients, window));
    }
    return new Stats[] {Stats.combine(a), Stats.combine(b)};
  }

  /** One measured window of a side, its queued work drained; {@code during(4)} once that is done too. */
  private static Stats window(Side side, int clients, Duration window) throws InterruptedException {
    IntFunction<Void> during = side.during();
    Stats stats = drain(side, run(side.name(), clients, Duration.ZERO, window, side.request(),
        during == null ? null : quarter -> quarter == 4 ? null : during.apply(quarter)));
    if (during != null) {
      during.apply(4);
    }
    return stats;
  }

  /** Waits until the side's queued work is done (at most 5 minutes); the wait is added to the window's seconds. */
  private static Stats drain(Side side, Stats window) throws InterruptedException {
    if (side.drained() == null) {
      return window;
    }
    long t0 = System.nanoTime();
    long deadline = t0 + Duration.ofMinutes(5).toNanos();
    while (!side.drained().getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(side.name() + ": queued work not done after 5 minutes");
      }
      Thread.sleep(100);
    }
    if (window == null) {
      return null;
    }
    double seconds = window.seconds() + (System.nanoTime() - t0) / 1e9;
    return new Stats(window.name(), window.clients(), window.ok(), window.errors(), seconds, window.ok() / seconds,
        window.p50Ms(), window.p99Ms(), window.maxMs(), window.nanos());
  }

  static double percentile(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}

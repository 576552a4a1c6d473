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

  record Stats(String name, int clients, long ok, long errors, double seconds, double perSecond, double p50Ms,
               double p99Ms, double maxMs) {
    String row() {
      return String.format("| %s | %d | %d | %d | %.1f | %.1f | %.0f | %.0f | %.0f |", name, clients, ok, errors,
          seconds, perSecond, p50Ms, p99Ms, maxMs);
    }

    static String header() {
      return "| what | clients | ok | errors | seconds | per second | p50 ms | p99 ms | max ms |\n"
          + "|---|---|---|---|---|---|---|---|---|";
    }
  }

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /**
   * Runs the clients for warm-up plus measure; only requests that start and end inside the measured window count.
   * While measuring, {@code during} is called once per quarter of the window (thread dumps, database samples).
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
      for (int quarter = 1; quarter <= 3; quarter++) {
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
        percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
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

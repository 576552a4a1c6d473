package th.go.integritydesk.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * What one client may cost the server on the public read pages and APIs (the statistics, the manual, the status page):
 * {@code integrity-desk.rate-limit.public-reads} requests per {@code period} per client address, then {@code 429} (a
 * problem in Thai and English, with {@code Retry-After}) until the client's period renews. The counters are a bounded
 * Caffeine cache that forgets a client after its period, so a flood of addresses costs a fixed amount of memory. The
 * client is the connection's address, or the one Spring's forwarded-header handling gives behind a trusted proxy
 * ({@code server.forward-headers-strategy}); a header alone is never believed. Per node: a cluster behind a load
 * balancer allows each client the limit on each node.
 * <p>And however many clients ask, each within its share, only {@code concurrent} public reads run at once (default:
 * half the cores): the others wait for a turn (up to three seconds, at most 32 at once, then 429), so the readers of a scandal's day cannot
 * take the CPU from intake, the officers and the job executor (benchmarks, "the mixed day").
 */
@Component
@ConfigurationProperties(prefix = "integrity-desk.rate-limit")
public class PublicReadLimit implements HandlerInterceptor {

  /** The paths limited here, for {@link WebConfiguration}. */
  public static final String[] PATHS = {"/api/statistics", "/api/statistics.csv", "/api/statistics.xlsx",
      "/statistics", "/manual", "/status", "/api/complaints/*"};

  private record Window(Instant start, AtomicInteger used) {}

  private int publicReads = 120;
  private Duration period = Duration.ofSeconds(60);
  private volatile Cache<String, Window> windows;
  /** Public reads served at once, whoever asks; the others wait their turn (up to {@link #QUEUE_WAIT}). */
  private int concurrent = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  private volatile java.util.concurrent.Semaphore turns;
  private static final Duration QUEUE_WAIT = Duration.ofSeconds(3);
  /** Requests that may wait for a turn at once; more are answered 429 at once (waiting holds a server thread). */
  private static final int MAX_WAITING = 32;
  private static final String HOLDS_A_TURN = PublicReadLimit.class.getName() + ".turn";

  public int getPublicReads() { return publicReads; }
  public void setPublicReads(int value) { publicReads = value; }
  public int getConcurrent() { return concurrent; }
  public void setConcurrent(int value) {
    concurrent = Math.max(1, value);
    turns = null;
  }
  public Duration getPeriod() { return period; }
  public void setPeriod(Duration value) {
    period = value;
    windows = null;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      return true; // a complaint, a reply or a receipt code: intake's own limits apply (CaseAccess)
    }
    Instant now = Instant.now();
    Window window = counters().get(request.getRemoteAddr(), client -> new Window(now, new AtomicInteger()));
    if (window.used().incrementAndGet() > publicReads) {
      Duration left = Duration.between(now, window.start().plus(period));
      throw new TooManyRequests(left.isNegative() ? Duration.ZERO : left);
    }
    // many clients together (each within its share) still get only so many threads of the server: intake, officers
    // and the job executor keep the rest of the CPU
    java.util.concurrent.Semaphore semaphore = turns();
    try {
      if (!semaphore.tryAcquire() && (semaphore.getQueueLength() >= MAX_WAITING
          || !semaphore.tryAcquire(QUEUE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))) {
        throw new TooManyRequests(Duration.ofSeconds(1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TooManyRequests(Duration.ofSeconds(1));
    }
    request.setAttribute(HOLDS_A_TURN, semaphore);
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
    Object turn = request.getAttribute(HOLDS_A_TURN);
    if (turn instanceof java.util.concurrent.Semaphore semaphore) {
      request.removeAttribute(HOLDS_A_TURN);
      semaphore.release();
    }
  }

  private java.util.concurrent.Semaphore turns() {
    java.util.concurrent.Semaphore semaphore = turns;
    if (semaphore == null) {
      synchronized (this) {
        if (turns == null) {
          turns = new java.util.concurrent.Semaphore(concurrent, true);
        }
        semaphore = turns;
      }
    }
    return semaphore;
  }

  private Cache<String, Window> counters() {
    Cache<String, Window> cache = windows;
    if (cache == null) {
      synchronized (this) {
        if (windows == null) {
          windows = Caffeine.newBuilder().expireAfterWrite(period).maximumSize(100_000).build();
        }
        cache = windows;
      }
    }
    return cache;
  }

  /** One client asked more than its share of the public pages in this period. */
  public static class TooManyRequests extends RuntimeException {
    private final Duration retryAfter;

    TooManyRequests(Duration retryAfter) {
      super("too many requests from one client");
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() { return retryAfter; }
  }
}

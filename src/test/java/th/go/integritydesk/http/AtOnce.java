package th.go.integritydesk.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** The same request sent {@code times} times at the same moment, each from its own thread and client. */
final class AtOnce {

  private AtOnce() {
  }

  static List<HttpResponse<String>> send(int times, Supplier<HttpRequest> request) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(times);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        HttpRequest built = request.get();
        answers.add(clients.submit(() -> {
          HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
          start.await();
          return http.send(built, HttpResponse.BodyHandlers.ofString());
        }));
      }
      start.countDown();
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        responses.add(answer.get());
      }
      return responses;
    } finally {
      clients.shutdownNow();
    }
  }
}

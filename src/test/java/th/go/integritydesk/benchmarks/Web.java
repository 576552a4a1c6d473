package th.go.integritydesk.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain HTTP/1.1 client for the harness: one shared connection pool, Basic auth per call. */
final class Web {

  record Reply(int status, String body) {}

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Web(int port) {
    this.base = "http://localhost:" + port;
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Reply get(String path, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).GET();
    if (user != null) {
      request.header("Authorization", basic(user, "demo"));
    }
    return send(request.build());
  }

  Reply postJson(String path, String user, String json) {
    return postJson(path, user, json, "application/json");
  }

  Reply postJson(String path, String user, String json, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .header("Content-Type", "application/json").header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (user != null) {
      request.header("Authorization", basic(user, "demo"));
    }
    return send(request.build());
  }

  Reply put(String path, String user, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .header("Content-Type", "application/json").header("Authorization", basic(user, "demo"))
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** A multipart/form-data POST (deployments). */
  Reply postMultipart(String path, String user, String[][] fields, String fileName, byte[] file) {
    String boundary = "----bench" + System.nanoTime();
    StringBuilder head = new StringBuilder();
    for (String[] field : fields) {
      head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field[0])
          .append("\"\r\n\r\n").append(field[1]).append("\r\n");
    }
    head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileName)
        .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + file.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(file, 0, body, start.length, file.length);
    System.arraycopy(end, 0, body, start.length + file.length, end.length);
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", basic(user, "demo"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Reply(-1, String.valueOf(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(-1, "interrupted");
    }
  }
}

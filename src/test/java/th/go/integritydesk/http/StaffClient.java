package th.go.integritydesk.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** An HTTP client acting as one staff member: engine REST with Basic auth, or the Tasklist webapp with a session. */
public class StaffClient {

  public record Answer(int status, JsonNode body, String raw, java.net.http.HttpHeaders headers) {
    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String base;
  private final String user;
  private final String password;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String custodianPassphrase;

  /** Sends the identity custodian's passphrase (X-Custodian-Passphrase) with every request from now on. */
  public StaffClient withPassphrase(String passphrase) {
    this.custodianPassphrase = passphrase;
    return this;
  }

  public StaffClient(int port, String user, String password) {
    this.base = "http://localhost:" + port;
    this.user = user;
    this.password = password;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic()).GET());
  }

  public Answer post(String path, Object body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic())
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  /** Any request, with the headers given and no credentials unless they are among them. */
  public Answer raw(String method, String path, Map<String, String> headers, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
    headers.forEach(request::header);
    return send(request);
  }

  /** Any method with Basic authentication and a JSON body (or none when body is null). */
  public Answer send(String method, String path, Object body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic());
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json(body)));
    }
    return send(request);
  }

  /** Any method as the webapps send it: the session cookie and the CSRF header, to any path under /camunda/api. */
  public Answer webapp(String method, String path, Object body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", csrfToken());
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json(body)));
    }
    return send(request);
  }

  public Answer getWithBasic(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic()).GET();
    headers.forEach(request::header);
    return send(request);
  }

  public Answer postWithBasic(String path, Object body) {
    return post(path, body);
  }

  public java.net.http.HttpResponse<byte[]> download(String path) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic());
      if (custodianPassphrase != null) {
        request.header("X-Custodian-Passphrase", custodianPassphrase);
      }
      return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Answer anonymousGet(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Logs into the Tasklist webapp as a browser does: fetch the CSRF cookie, then post the login form with it. */
  public Answer loginToTasklist() {
    return loginTo("tasklist");
  }

  /** Logs into one webapp (tasklist, cockpit, admin) as a browser does. */
  public Answer loginTo(String app) {
    send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /**
   * A webapp's call of any of its APIs under /camunda/api/, exactly as given (no maxResults added), with the session
   * cookie, the CSRF header and the Accept header the webapp sends.
   */
  public Answer webapp(String method, String apiPath, Object body, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/camunda/api/" + apiPath))
        .header("X-XSRF-TOKEN", csrfToken()).header("Accept", accept);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json(body)));
    }
    return sendAsIs(request);
  }

  /** An engine REST call with HTTP Basic, exactly as given (no maxResults added). */
  public Answer getAsIs(String path) {
    return sendAsIs(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic()).GET());
  }

  /** A call of the Tasklist webapp's own engine API, with the session cookie and the CSRF header. */
  public Answer tasklistGet(String enginePath) {
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + enginePath))
        .header("X-XSRF-TOKEN", csrfToken()).GET());
  }

  public Answer tasklistPost(String enginePath, Object body) {
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + enginePath))
        .header("X-XSRF-TOKEN", csrfToken()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  /** A POST to any path with only the webapp session cookie (as another site's page could make a browser send it). */
  public Answer sessionPost(String path, Object body, boolean withCsrfToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body)));
    if (withCsrfToken) {
      request.header("X-XSRF-TOKEN", csrfToken());
    }
    return send(request);
  }

  public Answer tasklistPostWithoutCsrf(String enginePath, Object body) {
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + enginePath))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  /** The webapp session cookie after {@link #loginToTasklist()}, to hand the logged-in session to a browser. */
  public java.util.Optional<HttpCookie> sessionCookie() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).findFirst();
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
  }

  private String basic() {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Engine queries must be paginated: queryMaxResultsLimit refuses unbounded lists (400), as it should for any real
   * client. Single-resource calls ignore the parameter.
   */
  private static URI paginated(URI uri, String method) {
    String path = uri.getPath();
    boolean engine = path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/");
    String query = uri.getRawQuery();
    if (!method.equals("GET") || !engine || (query != null && query.contains("maxResults="))) {
      return uri;
    }
    return URI.create(uri.toString() + (query == null ? "?" : "&") + "maxResults=500");
  }

  private Answer send(HttpRequest.Builder request) {
    HttpRequest built = request.build();
    if (built.method().equals("GET")) {
      HttpRequest.Builder copy = HttpRequest.newBuilder(paginated(built.uri(), "GET")).GET();
      built.headers().map().forEach((name, values) -> values.forEach(v -> copy.header(name, v)));
      request = copy;
    }
    return sendAsIs(request);
  }

  private Answer sendAsIs(HttpRequest.Builder request) {
    try {
      if (custodianPassphrase != null) {
        request.setHeader("X-Custodian-Passphrase", custodianPassphrase);
      }
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      String raw = response.body();
      JsonNode body = null;
      if (raw != null && !raw.isBlank() && (raw.startsWith("{") || raw.startsWith("["))) {
        body = JSON.readTree(raw);
      }
      return new Answer(response.statusCode(), body, raw, response.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Engine REST variables: {"name": {"value": v}}. */
  public static Map<String, Object> variables(Object... keyValues) {
    Map<String, Object> vars = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], Map.of("value", keyValues[i + 1]));
    }
    return Map.of("variables", vars);
  }
}

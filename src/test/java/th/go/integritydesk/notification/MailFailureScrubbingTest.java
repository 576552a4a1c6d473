package th.go.integritydesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.Eventually;
import th.go.integritydesk.http.StaffClient;

/**
 * Attack #8: a mail server that refuses the complainant's address echoes it back. Neither the engine's stored failure
 * (job exception and stack trace, job log) nor the application's log may then carry the address or the name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:mail-scrubbing;DB_CLOSE_DELAY=-1",
    "integrity-desk.mail.enabled=true",
    "integrity-desk.reminders.enabled=false",
    "spring.mail.host=127.0.0.1"})
@ExtendWith(OutputCaptureExtension.class)
class MailFailureScrubbingTest {

  static final String ADDRESS = "whistle.blower.7731@example.org";
  static final String NAME = "สมศรี ผู้แจ้งเบาะแส";
  static final RefusingSmtpServer SMTP = new RefusingSmtpServer();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", SMTP::port);
  }

  @AfterAll
  static void stopSmtp() throws IOException {
    SMTP.close();
  }

  @Test
  void attack8_aRefusedRecipientsAddressReachesNeitherTheEngineNorTheLog(CapturedOutput output) {
    String body = """
        {"channel":"WEB","category":"BRIBERY","subject":"เรียกเงิน / Bribe","description":"เจ้าหน้าที่เรียกเงิน / Asked for money",
         "accused":{"unit":"กองคลัง","rank":"OPERATIONAL"},
         "complainant":{"name":"%s","email":"%s"},"consentToContact":true}""".formatted(NAME, ADDRESS);
    StaffClient anyone = new StaffClient(port, "nobody", "none");
    var receipt = anyone.raw("POST", "/api/complaints", Map.of("Content-Type", "application/json"),
        BodyPublishers.ofString(body));
    assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
    String trackingNumber = receipt.body().get("trackingNumber").asText();

    StaffClient supervisor = new StaffClient(port, "supervisor", "demo");
    String processInstanceId = supervisor.get("/engine-rest/process-instance?businessKey=" + trackingNumber)
        .body().get(0).get("id").asText();
    String failedJobs = "/engine-rest/job?withException=true&processInstanceId=" + processInstanceId;
    Eventually.within(Duration.ofSeconds(30), "the acknowledgement mail failed",
        () -> supervisor.get(failedJobs).body().size() == 1);
    assertThat(SMTP.refused).as("the server refused the recipient").isPositive();

    JsonNode job = supervisor.get(failedJobs).body().get(0);
    assertThat(job.get("exceptionMessage").asText()).contains("550").contains("[address withheld]");
    String jobId = job.get("id").asText();
    StringBuilder seen = new StringBuilder(supervisor.get(failedJobs).raw());
    seen.append(supervisor.get("/engine-rest/job/" + jobId + "/stacktrace").raw());
    JsonNode log = supervisor.get("/engine-rest/history/job-log?failureLog=true&jobId=" + jobId).body();
    assertThat(log).isNotEmpty();
    seen.append(log);
    for (JsonNode entry : log) {
      seen.append(supervisor.get("/engine-rest/history/job-log/" + entry.get("id").asText() + "/stacktrace").raw());
    }
    seen.append(supervisor.get("/engine-rest/incident?processInstanceId=" + processInstanceId).raw());
    seen.append(output.getAll());
    assertThat(seen.toString()).contains("[address withheld]")
        .doesNotContainIgnoringCase(ADDRESS).doesNotContainIgnoringCase("whistle.blower").doesNotContain(NAME);
  }

  /** An SMTP server on loopback that refuses every recipient and, as real servers do, names it in the reply. */
  static final class RefusingSmtpServer implements AutoCloseable {
    final ServerSocket socket;
    volatile int refused;

    RefusingSmtpServer() {
      try {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Thread accept = new Thread(this::serve, "refusing-smtp");
      accept.setDaemon(true);
      accept.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket client = socket.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
          out.print("220 refusing.invalid ESMTP\r\n");
          out.flush();
          for (String line; (line = in.readLine()) != null; ) {
            String command = line.toUpperCase(java.util.Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
              out.print("250 refusing.invalid\r\n");
            } else if (command.startsWith("RCPT TO:")) {
              refused++;
              String recipient = line.substring(line.indexOf(':') + 1).trim();
              out.print("550 5.1.1 " + recipient + ": Recipient address rejected: User unknown in virtual mailbox table\r\n");
            } else if (command.startsWith("QUIT")) {
              out.print("221 bye\r\n");
              out.flush();
              break;
            } else {
              out.print("250 OK\r\n");
            }
            out.flush();
          }
        } catch (IOException e) {
          // the client went away or the server was closed
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}

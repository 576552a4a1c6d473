package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.intake.TrackingNumbers;

/**
 * The first complaints of a fiscal year (every 1 October) arrive at the same moment: every one is taken in (201),
 * none answers 5xx, and their numbers are distinct and gap-free from 1.
 */
@HttpTest
class FirstComplaintsOfAYearTest {

  static final int AT_ONCE = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;

  @Test
  void concurrentFirstComplaintsOfAFiscalYearAllGetDistinctGapFreeNumbers() throws Exception {
    // a fiscal year no other test has reached: its counter row does not exist yet
    LocalDate firstOctober = LocalDate.of(LocalDate.now().getYear() + 20 + (int) Math.floorMod(System.nanoTime(), 50L), 10, 1);
    int fiscalYear = TrackingNumbers.fiscalYear(firstOctober);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM tracking_number_counter WHERE fiscal_year = ?").param(fiscalYear)
        .query(Integer.class).single()).isZero();
    // the job executor pauses while the engine's clock is decades ahead: no timer of another test's case fires,
    // and no history cleanup runs; midday is outside the cleanup window anyway
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    jobExecutor.shutdown();
    ClockUtil.setCurrentTime(Date.from(firstOctober.atTime(12, 0).toInstant(ZoneOffset.UTC)));
    try {
      List<HttpResponse<String>> answers = AtOnce.send(AT_ONCE, () ->
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(IntakeOverHttpTest.complaint().toString())).build());
      List<Integer> sequences = new ArrayList<>();
      for (HttpResponse<String> response : answers) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String trackingNumber = JSON.readTree(response.body()).get("trackingNumber").asText();
        assertThat(trackingNumber).startsWith("ACC-" + fiscalYear + "-");
        sequences.add(Integer.parseInt(trackingNumber.substring(9)));
      }
      assertThat(sequences).as("distinct and gap-free")
          .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, AT_ONCE).boxed().toList());
      assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint WHERE fiscal_year = ?").param(fiscalYear)
          .query(Integer.class).single()).isEqualTo(AT_ONCE);
    } finally {
      ClockUtil.reset();
      jobExecutor.start();
    }
  }
}

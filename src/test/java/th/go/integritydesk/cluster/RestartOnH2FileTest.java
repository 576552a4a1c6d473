package th.go.integritydesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded default survives a restart: cases at several stages on the H2 file database are, after the
 * application stops and starts again, exactly where they were, and a timer set before the restart fires after it.
 */
// after every test that uses a cached Spring test context
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 2)
class RestartOnH2FileTest {

  @Test
  void everyCaseIsWhereItWasAndTimersStillFireAfterARestart() throws Exception {
    Path data = Files.createTempDirectory("integrity-desk-restart");
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", "jdbc:h2:file:" + data.resolve("integrity-desk") + ";LOCK_TIMEOUT=10000;WRITE_DELAY=100;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256");
    properties.put("integrity-desk.deadlines.complainant-info", "PT10S");
    Map<String, List<String>> before = new LinkedHashMap<>();
    String waitingForInfo;
    try {
      ConfigurableApplicationContext first = Nodes.start("before-restart", properties);
      try {
        ProcessEngine engine = first.getBean(ProcessEngine.class);
        String screening = received(engine, 1);
        String fact = received(engine, 2);
        String discipline = received(engine, 3);
        waitingForInfo = received(engine, 4);
        complete(engine, fact, "screen-complaint", Map.of("screeningDecision", "ACCEPT"));
        complete(engine, fact, "assign-investigator", Map.of("investigator", "investigator"));
        complete(engine, discipline, "screen-complaint", Map.of("screeningDecision", "ACCEPT"));
        complete(engine, discipline, "assign-investigator", Map.of("investigator", "investigator"));
        complete(engine, discipline, "conduct-fact-finding", Map.of("findings", "MINOR_OFFENCE", "findingsSummary", "มีมูล"));
        engine.getIdentityService().setAuthentication("supervisor", List.of("supervisor"));
        complete(engine, discipline, "review-findings", Map.of("findingsApproved", true));
        engine.getIdentityService().clearAuthentication();
        complete(engine, waitingForInfo, "screen-complaint",
            Map.of("screeningDecision", "REQUEST_INFO", "infoRequest", "ขอหลักฐาน / Evidence please"));
        Nodes.waitUntil(Duration.ofSeconds(30), "the request for information",
            () -> activeActivities(engine, waitingForInfo).equals(List.of("await-complainant-info")));
        for (String trackingNumber : List.of(screening, fact, discipline, waitingForInfo)) {
          before.put(trackingNumber, activeActivities(engine, trackingNumber));
        }
        assertThat(before.get(screening)).containsExactly("screen-complaint");
        assertThat(before.get(fact)).containsExactly("conduct-fact-finding");
        assertThat(before.get(discipline)).containsExactly("decide-penalty");
        assertThat(before.get(waitingForInfo)).containsExactly("await-complainant-info");
      } finally {
        first.close();
      }

      ConfigurableApplicationContext second = Nodes.start("after-restart", properties);
      try {
        ProcessEngine engine = second.getBean(ProcessEngine.class);
        before.forEach((trackingNumber, activities) -> {
          if (!trackingNumber.equals(waitingForInfo)) {
            assertThat(activeActivities(engine, trackingNumber)).as(trackingNumber).isEqualTo(activities);
          }
        });
        Nodes.waitUntil(Duration.ofSeconds(40), "the complainant-info timer after the restart",
            () -> activeActivities(engine, waitingForInfo).equals(List.of("screen-complaint")));
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey(waitingForInfo).processDefinitionKey("complaint-lifecycle").singleResult();
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "infoRequestExpired")).isEqualTo(true);
        assertThat(received(engine, 5)).isGreaterThan(waitingForInfo);
      } finally {
        second.close();
      }
    } finally {
      FileSystemUtils.deleteRecursively(data);
    }
  }

  private static String received(ProcessEngine engine, int n) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("channel", "LETTER");
    vars.put("category", "BRIBERY");
    vars.put("subject", "เรื่อง " + n + " / Case " + n);
    vars.put("description", "ข้อเท็จจริง / Facts");
    vars.put("accusedUnit", "กองคลัง");
    vars.put("accusedRank", "OPERATIONAL");
    String trackingNumber = engine.getRuntimeService()
        .startProcessInstanceByKey("complaint-lifecycle", vars).getBusinessKey();
    Nodes.waitUntil(Duration.ofSeconds(30), "screening of " + trackingNumber,
        () -> activeActivities(engine, trackingNumber).contains("screen-complaint"));
    return trackingNumber;
  }

  private static void complete(ProcessEngine engine, String trackingNumber, String taskKey, Map<String, Object> vars) {
    Nodes.waitUntil(Duration.ofSeconds(30), taskKey + " of " + trackingNumber, () -> task(engine, trackingNumber, taskKey) != null);
    Task task = task(engine, trackingNumber, taskKey);
    if (taskKey.equals("review-findings")) {
      engine.getTaskService().claim(task.getId(), "supervisor"); // candidates have TASK_WORK: they claim, not assign
    } else {
      engine.getTaskService().setAssignee(task.getId(), "authority");
    }
    engine.getTaskService().complete(task.getId(), vars);
  }

  private static Task task(ProcessEngine engine, String trackingNumber, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(taskKey).singleResult();
  }

  /** The activities a case waits in, across its called processes (they share the tracking number). */
  private static List<String> activeActivities(ProcessEngine engine, String trackingNumber) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).list()
        .stream().flatMap(pi -> engine.getRuntimeService().getActiveActivityIds(pi.getId()).stream())
        .filter(id -> !id.equals("fact-finding") && !id.equals("disciplinary-action"))
        .sorted().toList();
  }
}

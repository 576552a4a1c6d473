package th.go.integritydesk.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the application's threads spend their time, from Java Flight Recorder's execution samples. Each stretch counts
 * the samples whose stack holds a frame of it, so nested stretches (the engine build within creating the beans) are
 * parts of the outer one; a stretch marked by several frames ({@code a|b}) counts a sample that holds any of them.
 */
final class Profile {

  /** The start-up's main thread: a label and the frame (class name or class.method) that marks it. */
  static final List<String[]> STARTUP = List.of(
      new String[] {"Spring: reading the configuration (component scan, auto-configuration conditions)",
          "org.springframework.context.annotation.ConfigurationClassPostProcessor"},
      new String[] {"Spring: creating the beans (everything below is part of it)",
          "org.springframework.context.support.AbstractApplicationContext.finishBeanFactoryInitialization"},
      new String[] {"— Camunda: building the process engine",
          "org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl.buildProcessEngine"},
      new String[] {"— — of which MyBatis parsing the engine's SQL mappings (XPath over ~60 XML files)",
          "org.apache.ibatis.builder.xml.XMLConfigBuilder.parse"},
      new String[] {"— — of which the plugins after the build (groups, authorizations, Tasklist filters)",
          "org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin.postProcessEngineBuild"},
      new String[] {"— Flyway: checking the application's own tables", "org.flywaydb"},
      new String[] {"— deploying the process models", "th.go.integritydesk.process.ProcessModelDeployment"},
      new String[] {"Tomcat: creating the web server", "org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext.createWebServer"},
      new String[] {"Spring: the environment and configuration files", "org.springframework.boot.SpringApplication.prepareEnvironment"},
      new String[] {"(across all of the above) loading classes from the jar's nested jars", "java.lang.ClassLoader.loadClass"},
      new String[] {"(across all of the above) H2", "org.h2."});

  /** The request threads and the job executor's threads while cases are worked. */
  static final List<String[]> WORK = List.of(
      new String[] {"HTTP requests (Tomcat's request threads; everything down to the job executor is part of them)",
          "org.apache.tomcat.util.net.SocketProcessorBase.run"},
      new String[] {"— signing in the REST caller (Basic authentication: the password, the user's groups and tenants)",
          "org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider.extractAuthenticatedUser"
          + "|org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter.setAuthenticatedUser"},
      new String[] {"— our engine gate's checks (the caller, the task's form fields, the stage) before the engine",
          "th.go.integritydesk.gate.EngineGate.check"},
      new String[] {"— the engine's REST resources (Jersey)", "org.glassfish.jersey.server.ApplicationHandler.handle"},
      new String[] {"— intake (`POST /api/complaints`)", "th.go.integritydesk.intake.ComplaintIntakeController"},
      new String[] {"the job executor's threads (mails, notifications, called processes)",
          "org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable.run"},
      new String[] {"(across all) engine commands", "org.camunda.bpm.engine.impl.interceptor.CommandExecutorImpl.execute"},
      new String[] {"(across all) — of which SQL: MyBatis building statements and mapping rows", "org.apache.ibatis."},
      new String[] {"(across all) — of which the PostgreSQL driver", "org.postgresql."},
      new String[] {"(across all) — of which writing history events", "org.camunda.bpm.engine.impl.history."},
      new String[] {"(across all) — of which authorization checks and grants",
          "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager"},
      new String[] {"(across all) — of which DMN decisions (their FEEL parsed once per text, ParsedFeelExpressions)",
          "org.camunda.bpm.dmn."},
      new String[] {"(across all) JSON (Jackson)", "com.fasterxml.jackson."});

  private Profile() {}

  /** JVM options that record the whole run with the given settings ({@code profile}: every 10 ms; {@code default}:
   * every 20 ms, JFR's always-on setting), written at exit. */
  static List<String> options(Path recording, String settings) {
    return List.of("-XX:StartFlightRecording=filename=" + recording.toAbsolutePath() + ",settings=" + settings
        + ",dumponexit=true", "-XX:FlightRecorderOptions=stackdepth=2048");
  }

  /** A markdown table of the samples of the threads {@code threads} accepts, between {@code from} and {@code to}. */
  static String table(Path recording, Predicate<String> threads, Instant from, Instant to, List<String[]> stretches,
      String total) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    stretches.forEach(s -> counts.put(s[0], 0));
    int all = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isAfter(to)
          || event.getStartTime().isBefore(from) || event.getStackTrace() == null
          || event.getThread("sampledThread") == null
          || !threads.test(event.getThread("sampledThread").getJavaName())) {
        continue;
      }
      all++;
      List<String> frames = new ArrayList<>();
      for (RecordedFrame frame : event.getStackTrace().getFrames()) {
        frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
      }
      for (String[] stretch : stretches) {
        List<String> marks = List.of(stretch[1].split("\\|"));
        if (frames.stream().anyMatch(f -> marks.stream().anyMatch(f::startsWith))) {
          counts.merge(stretch[0], 1, Integer::sum);
        }
      }
    }
    StringBuilder text = new StringBuilder("| " + total + " | samples | share |\n|---|---|---|\n");
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      text.append(String.format(Locale.ROOT, "| %s | %d | %.0f%% |%n", e.getKey(), e.getValue(),
          all == 0 ? 0.0 : 100.0 * e.getValue() / all));
    }
    text.append(String.format(Locale.ROOT, "| all samples | %d | 100%% |%n", all));
    return text.toString();
  }
}

package th.go.integritydesk.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the start-up's main thread spends its time, from Java Flight Recorder's execution samples of one extra start
 * (JFR's own cost keeps that start out of the timed figures). Each stretch counts the samples whose stack holds a
 * frame of it, so nested stretches (the engine build within creating the beans) are parts of the outer one.
 */
final class StartupProfile {

  /** What the main thread was doing: a label and the frame (class name or class.method) that marks it. */
  private static final List<String[]> STRETCHES = List.of(
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

  private StartupProfile() {}

  /** JVM options that record the start (written at exit). */
  static List<String> options(Path recording) {
    return List.of("-XX:StartFlightRecording=filename=" + recording.toAbsolutePath() + ",settings=profile,dumponexit=true",
        "-XX:FlightRecorderOptions=stackdepth=2048");
  }

  /** A markdown table of the main thread's samples until {@code healthyAt}. */
  static String table(Path recording, Instant healthyAt) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    STRETCHES.forEach(s -> counts.put(s[0], 0));
    int main = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isAfter(healthyAt)
          || event.getStackTrace() == null || event.getThread("sampledThread") == null
          || !"main".equals(event.getThread("sampledThread").getJavaName())) {
        continue;
      }
      main++;
      List<String> frames = new ArrayList<>();
      for (RecordedFrame frame : event.getStackTrace().getFrames()) {
        frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
      }
      for (String[] stretch : STRETCHES) {
        if (frames.stream().anyMatch(f -> f.startsWith(stretch[1]))) {
          counts.merge(stretch[0], 1, Integer::sum);
        }
      }
    }
    StringBuilder text = new StringBuilder("| main thread | samples | share |\n|---|---|---|\n");
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      text.append(String.format(Locale.ROOT, "| %s | %d | %.0f%% |%n", e.getKey(), e.getValue(),
          main == 0 ? 0.0 : 100.0 * e.getValue() / main));
    }
    text.append(String.format(Locale.ROOT, "| all samples of the main thread until healthy | %d | 100%% |%n", main));
    return text.toString();
  }
}

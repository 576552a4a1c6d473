package th.go.integritydesk.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Where the request threads of a running application were, over a few thread dumps taken under load. */
final class ThreadDumps {

  private ThreadDumps() {}

  static String summarize(List<String> dumps, String threadPrefix) {
    Map<String, Integer> where = new LinkedHashMap<>();
    int busy = 0;
    int idle = 0;
    for (String dump : dumps) {
      for (String block : dump.split("\n\\s*\n")) {
        String trimmed = block.strip();
        if (!trimmed.startsWith("\"" + threadPrefix) || !trimmed.lines().findFirst().orElse("").contains("-exec-")) {
          continue;
        }
        List<String> lines = trimmed.lines().map(String::strip).toList();
        String state = lines.stream().filter(l -> l.startsWith("java.lang.Thread.State:"))
            .map(l -> l.substring("java.lang.Thread.State:".length()).strip().split(" ")[0]).findFirst().orElse("?");
        List<String> frames = lines.stream().filter(l -> l.startsWith("at ")).map(ThreadDumps::frame).toList();
        if (frames.isEmpty()) {
          continue;
        }
        if (frames.stream().limit(8).anyMatch(f -> f.startsWith("TaskQueue.") || f.contains("NioEndpoint$Poller")
            || f.startsWith("Http11InputBuffer.") || f.startsWith("NioEndpoint$NioSocketWrapper.fillReadBuffer"))) {
          idle++;
          continue;
        }
        busy++;
        String app = lines.stream().filter(l -> l.startsWith("at th.go.integritydesk")).map(ThreadDumps::frame)
            .findFirst().orElse(null);
        String lock = lines.stream().filter(l -> l.startsWith("- waiting") || l.startsWith("- parking"))
            .findFirst().map(l -> " (" + l.replaceAll("<0x[0-9a-f]+> ", "") + ")").orElse("");
        String key = state + " · " + String.join(" ← ", frames.subList(0, Math.min(3, frames.size()))) + lock
            + (app == null ? "" : " · in " + app);
        where.merge(key, 1, Integer::sum);
      }
    }
    StringBuilder text = new StringBuilder();
    text.append(String.format("%d samples of busy request threads over %d dumps (%d idle samples left out):%n%n",
        busy, dumps.size(), idle));
    text.append("| samples | state · top frames · first application frame |\n|---|---|\n");
    where.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
        .forEach(e -> text.append("| ").append(e.getValue()).append(" | ").append(e.getKey().replace("|", "/"))
            .append(" |\n"));
    return text.toString();
  }

  /** "at org.x.y.Class.method(Class.java:12)" as "Class.method". */
  private static String frame(String line) {
    String s = line.substring(3);
    int paren = s.indexOf('(');
    if (paren > 0) {
      s = s.substring(0, paren);
    }
    String[] parts = s.split("\\.");
    return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : s;
  }

  /** The dumps, each cut down to its request threads (the rest is the same in every dump and only adds bulk). */
  static String joined(List<String> dumps) {
    return dumps.stream().map(dump -> java.util.Arrays.stream(dump.split("\n\\s*\n"))
            .filter(block -> block.strip().lines().findFirst().orElse("").contains("-exec-"))
            .collect(Collectors.joining("\n\n")))
        .collect(Collectors.joining("\n\n======== next dump ========\n\n"));
  }
}

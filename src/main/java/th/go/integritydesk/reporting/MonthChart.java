package th.go.integritydesk.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The months of a fiscal year as an SVG bar chart drawn by the server (works without JavaScript, prints, and needs
 * no inline style under our Content-Security-Policy): received and completed as bars, in progress as a line.
 */
record MonthChart(int width, int height, int plotTop, int plotBottom, int plotLeft, int plotRight,
                  List<Bar> bars, List<Tick> ticks, List<Label> labels, String inProgressLine, List<Point> points) {

  record Bar(String kind, int x, int y, int width, int height, String title) {}
  record Tick(int y, long value) {}
  record Label(int x, int y, String text) {}
  record Point(int x, int y, String title) {}

  private static final int WIDTH = 760;
  private static final int HEIGHT = 300;
  private static final int LEFT = 48;
  private static final int RIGHT = 12;
  private static final int TOP = 16;
  private static final int BOTTOM = 44;

  /** One month: short label, the three counts and the tooltip words. */
  record MonthValues(String label, long received, long completed, long inProgress, String receivedTitle,
                     String completedTitle, String inProgressTitle) {}

  static MonthChart of(List<MonthValues> months) {
    long max = 1;
    for (MonthValues m : months) {
      max = Math.max(max, Math.max(m.received(), Math.max(m.completed(), m.inProgress())));
    }
    long step = niceStep(max);
    long top = ((max + step - 1) / step) * step;
    int plotBottom = HEIGHT - BOTTOM;
    int plotHeight = plotBottom - TOP;
    int slot = (WIDTH - LEFT - RIGHT) / months.size();
    int barWidth = Math.max(4, (slot - 10) / 2);
    List<Bar> bars = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      MonthValues m = months.get(i);
      int x = LEFT + i * slot + (slot - 2 * barWidth) / 2;
      int receivedHeight = (int) Math.round((double) m.received() * plotHeight / top);
      int completedHeight = (int) Math.round((double) m.completed() * plotHeight / top);
      bars.add(new Bar("received", x, plotBottom - receivedHeight, barWidth, receivedHeight, m.receivedTitle()));
      bars.add(new Bar("completed", x + barWidth, plotBottom - completedHeight, barWidth, completedHeight,
          m.completedTitle()));
      int center = LEFT + i * slot + slot / 2;
      labels.add(new Label(center, plotBottom + 18, m.label()));
      points.add(new Point(center, plotBottom - (int) Math.round((double) m.inProgress() * plotHeight / top),
          m.inProgressTitle()));
    }
    List<Tick> ticks = new ArrayList<>();
    for (long v = 0; v <= top; v += step) {
      ticks.add(new Tick(plotBottom - (int) Math.round((double) v * plotHeight / top), v));
    }
    String line = points.stream().map(p -> p.x() + "," + p.y()).collect(Collectors.joining(" "));
    return new MonthChart(WIDTH, HEIGHT, TOP, plotBottom, LEFT, WIDTH - RIGHT, bars, ticks, labels, line, points);
  }

  /** 1, 2 or 5 times a power of ten, giving at most about five grid lines. */
  static long niceStep(long max) {
    long power = 1;
    while (true) {
      for (long factor : new long[] {1, 2, 5}) {
        if (max / (factor * power) <= 5) {
          return factor * power;
        }
      }
      power *= 10;
    }
  }
}

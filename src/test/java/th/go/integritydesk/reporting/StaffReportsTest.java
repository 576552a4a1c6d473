package th.go.integritydesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StaffReportsTest {

  @Test
  void percentilesAreNearestRank() {
    List<Long> ten = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(StaffReports.percentile(ten, 50)).isEqualTo(5L);
    assertThat(StaffReports.percentile(ten, 90)).isEqualTo(9L);
    assertThat(StaffReports.percentile(List.of(7L), 90)).isEqualTo(7L);
    assertThat(StaffReports.percentile(List.of(1L, 100L), 50)).isEqualTo(1L);
    assertThat(StaffReports.percentile(List.of(), 50)).isNull();
  }

  @Test
  void theChartStepIsOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(MonthChart.niceStep(1)).isEqualTo(1);
    assertThat(MonthChart.niceStep(7)).isEqualTo(2);
    assertThat(MonthChart.niceStep(23)).isEqualTo(5);
    assertThat(MonthChart.niceStep(480)).isEqualTo(100);
  }
}

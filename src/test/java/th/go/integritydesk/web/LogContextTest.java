package th.go.integritydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every log line written while a case is handled names its tracking number, and only a well-formed one. */
class LogContextTest {

  private final LogContext filter = new LogContext();

  @Test
  void theCaseOfAnApiPathOrOfTheStaffCaseFileIsInTheLogContextWhileTheRequestRuns() throws Exception {
    assertThat(during(request("/api/complaints/ACC-2570-000042", null))).isEqualTo("ACC-2570-000042");
    assertThat(during(request("/api/staff/complaints/ACC-2570-000043/appeal", null))).isEqualTo("ACC-2570-000043");
    assertThat(during(request("/staff/case", "ACC-2570-000044"))).isEqualTo("ACC-2570-000044");
    assertThat(MDC.get(LogContext.TRACKING_NUMBER)).as("removed after the request").isNull();
  }

  @Test
  void whatACallerWritesIntoTheQueryDoesNotReachTheLog() throws Exception {
    assertThat(during(request("/staff/case", "ACC-2570-000044\n2026-11-30 INFO forged line"))).isNull();
    assertThat(during(request("/staff/case", "<script>"))).isNull();
    assertThat(during(request("/staff/case/other", "ACC-2570-000044"))).isNull();
    assertThat(during(request("/statistics", "ACC-2570-000044"))).isNull();
  }

  private static MockHttpServletRequest request(String uri, String tn) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
    if (tn != null) {
      request.setParameter("tn", tn);
    }
    return request;
  }

  private String during(MockHttpServletRequest request) throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set(MDC.get(LogContext.TRACKING_NUMBER)));
    return seen.get();
  }
}

package th.go.integritydesk.web;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The staff member calling one of our {@code /api/staff/} endpoints, with their Camunda groups. */
public record StaffUser(String id, List<String> groups) {

  public StaffUser requireAnyOf(String... allowed) {
    if (Arrays.stream(allowed).noneMatch(groups::contains)) {
      throw new StaffAccessDenied(HttpStatus.FORBIDDEN, "problem.forbidden.detail");
    }
    return this;
  }
}

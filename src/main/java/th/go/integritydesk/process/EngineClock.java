package th.go.integritydesk.process;

import java.sql.Timestamp;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** "Now" as the engine sees it (tests move it with ClockUtil), for the application's own tables. */
public final class EngineClock {

  private EngineClock() {}

  public static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }
}

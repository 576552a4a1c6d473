package th.go.integritydesk.process;

/**
 * The names shared by the deadline escalations of every process (the {@code deadline-escalation} form and the
 * input parameters of each escalation task) and the code.
 */
public final class DeadlineEscalation {

  public static final class Variables {
    public static final String ESCALATION_ACTION = "escalationAction";
    public static final String EXTEND_BY = "extendBy";
    public static final String DEADLINE_TIMER = "deadlineTimer";
    public static final String OVERDUE_TASK = "overdueTask";
    private Variables() {}
  }

  private DeadlineEscalation() {}
}

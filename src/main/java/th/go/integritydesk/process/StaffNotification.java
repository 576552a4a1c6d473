package th.go.integritydesk.process;

/** The names the {@code staff-notification} model and the code share. */
public final class StaffNotification {

  public static final String PROCESS_KEY = "staff-notification";

  /** Start variables of one notification, written by StaffNotifications and read by the send step. */
  public static final class Variables {
    @CodeOnly public static final String MESSAGE_ID = "messageId";
    @CodeOnly public static final String RECIPIENT = "recipient";
    @CodeOnly public static final String TASK_ID = "taskId";
    @CodeOnly public static final String TASK_NAME = "taskName";
    @CodeOnly public static final String DUE = "taskDue";
    @CodeOnly public static final String HEADLINE_TH = "headlineThai";
    @CodeOnly public static final String HEADLINE_EN = "headlineEnglish";
    @CodeOnly public static final String TASKLIST_URL = "tasklistUrl";
    private Variables() {}
  }

  private StaffNotification() {}
}

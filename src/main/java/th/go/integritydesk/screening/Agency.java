package th.go.integritydesk.screening;

/** The bodies a complaint may be forwarded to. */
public enum Agency {
  NACC("สำนักงาน ป.ป.ช.", "the National Anti-Corruption Commission (NACC)"),
  PACC("สำนักงาน ป.ป.ท.", "the Public Sector Anti-Corruption Commission (PACC)"),
  OTHER_AGENCY("หน่วยงานที่มีอำนาจ", "the agency with jurisdiction");

  private final String thai;
  private final String english;

  Agency(String thai, String english) {
    this.thai = thai;
    this.english = english;
  }

  public String thai() { return thai; }
  public String english() { return english; }
}

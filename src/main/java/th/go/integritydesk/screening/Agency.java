package th.go.integritydesk.screening;

/** The bodies a complaint may be forwarded to. */
public enum Agency {
  NACC, PACC, OTHER_AGENCY;

  /** The key of the body's name as the complainant reads it (messages*.properties). */
  public String nameKey() { return "agency.name." + name(); }
}

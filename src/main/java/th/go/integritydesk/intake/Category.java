package th.go.integritydesk.intake;

/** What the complaint alleges; {@code OTHER} is not a corruption or misconduct matter. */
public enum Category {
  BRIBERY, PROCUREMENT, ABUSE_OF_POWER, CONFLICT_OF_INTEREST, GIFTS, EMBEZZLEMENT, UNUSUAL_WEALTH,
  PERSONNEL, MISCONDUCT, OTHER
}

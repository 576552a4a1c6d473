package th.go.integritydesk.intake;

/** Where a case stands, as the complainant and the statistics see it. */
public enum Stage {
  RECEIPT, SCREENING, AWAITING_COMPLAINANT, FACT_FINDING, DISCIPLINARY_ACTION, CLOSED
}

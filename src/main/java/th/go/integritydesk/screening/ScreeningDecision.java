package th.go.integritydesk.screening;

/** What the screening officer decides (DESIGN.md). */
public enum ScreeningDecision {
  ACCEPT, REQUEST_INFO, FORWARD, MERGE, REJECT
}

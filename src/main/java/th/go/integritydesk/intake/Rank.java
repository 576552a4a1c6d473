package th.go.integritydesk.intake;

/** The accused's rank: director level and above is NACC's jurisdiction. */
public enum Rank {
  OPERATIONAL, DIRECTOR, EXECUTIVE
}

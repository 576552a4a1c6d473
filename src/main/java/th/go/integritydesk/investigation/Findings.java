package th.go.integritydesk.investigation;

/** What fact-finding concludes. */
public enum Findings {
  NO_GROUNDS, MINOR_OFFENCE, SERIOUS_OFFENCE, CRIMINAL_REFERRAL
}

package th.go.integritydesk.intake;

/** Where a complaint came in (DOMAIN.md); referrals from NACC and PACC are first-class intake paths. */
public enum Channel {
  WEB, LETTER, ANONYMOUS_LETTER, HOTLINE, WALK_IN, COMPLAINT_BOX, VOLUNTEER_NETWORK, MEDIA,
  REFERRAL_NACC, REFERRAL_PACC, REFERRAL_OTHER;

  /** A referral from another body: recorded by intake staff, never offered on the public form. */
  public boolean referral() {
    return name().startsWith("REFERRAL_");
  }
}

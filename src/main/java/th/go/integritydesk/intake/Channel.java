package th.go.integritydesk.intake;

/** Where a complaint came in (DOMAIN.md); referrals from NACC and PACC are first-class intake paths. */
public enum Channel {
  WEB, LETTER, ANONYMOUS_LETTER, HOTLINE, WALK_IN, COMPLAINT_BOX, VOLUNTEER_NETWORK, MEDIA,
  REFERRAL_NACC, REFERRAL_PACC, REFERRAL_OTHER;

  /** Referrals come from other bodies by official letter: only intake officers record them, never the public form. */
  public boolean isReferral() {
    return this == REFERRAL_NACC || this == REFERRAL_PACC || this == REFERRAL_OTHER;
  }
}

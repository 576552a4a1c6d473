package th.go.integritydesk.closure;

import th.go.integritydesk.discipline.Penalty;
import th.go.integritydesk.investigation.Findings;
import th.go.integritydesk.screening.ScreeningDecision;

/** How a case ended (DESIGN.md), stored as {@code outcome} and counted in the statistics. */
public enum CaseOutcome {
  REJECTED, FORWARDED, MERGED, NO_GROUNDS, REFERRED_CRIMINAL, PENALISED, NO_PENALTY, WITHDRAWN;

  /** The key of what the complainant is told (messages*.properties): the outcome, never the accused's penalty. */
  public String noticeKey() { return "complainant.outcome." + name(); }

  /** The decisions a case carries when it closes; any may be null where its stage was not reached. */
  public record Decisions(boolean withdrawn, String screeningDecision, boolean naccFindingOfFault, String findings,
                          Boolean offenceProven, String penalty, Boolean appealUpheld, String finalPenalty) {}

  public static CaseOutcome of(Decisions d) {
    if (d.withdrawn()) {
      return WITHDRAWN;
    }
    switch (ScreeningDecision.valueOf(d.screeningDecision())) {
      case REJECT: return REJECTED;
      case FORWARD: return FORWARDED;
      case MERGE: return MERGED;
      default: break;
    }
    if (!d.naccFindingOfFault()) {
      Findings findings = Findings.valueOf(d.findings());
      if (findings == Findings.NO_GROUNDS) {
        return NO_GROUNDS;
      }
      if (findings == Findings.CRIMINAL_REFERRAL) {
        return REFERRED_CRIMINAL;
      }
    }
    if (Boolean.FALSE.equals(d.offenceProven())) {
      return NO_PENALTY;
    }
    String applied = Boolean.TRUE.equals(d.appealUpheld()) || d.finalPenalty() != null ? d.finalPenalty() : d.penalty();
    return Penalty.valueOf(applied).imposed() ? PENALISED : NO_PENALTY;
  }
}

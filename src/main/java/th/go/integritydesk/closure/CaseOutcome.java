package th.go.integritydesk.closure;

import th.go.integritydesk.discipline.Penalty;
import th.go.integritydesk.investigation.Findings;
import th.go.integritydesk.screening.ScreeningDecision;

/** How a case ended (DESIGN.md), stored as {@code outcome} and counted in the statistics. */
public enum CaseOutcome {
  REJECTED("ยุติเรื่อง", "The complaint was closed without further action."),
  FORWARDED("ส่งต่อหน่วยงานที่มีอำนาจ", "The complaint was forwarded to the body with jurisdiction."),
  MERGED("รวมกับเรื่องที่ดำเนินการอยู่", "The complaint was joined to a case already under way on the same facts."),
  NO_GROUNDS("ผลการสืบสวนไม่มีมูล", "Fact-finding found no grounds for the allegation."),
  REFERRED_CRIMINAL("ส่งเรื่องให้หน่วยงานที่มีอำนาจดำเนินคดี", "The matter was referred to the body that prosecutes it."),
  PENALISED("มีการลงโทษทางวินัย", "Disciplinary action was taken."),
  NO_PENALTY("ไม่มีการลงโทษทางวินัย", "No disciplinary penalty was imposed."),
  WITHDRAWN("ผู้ร้องถอนเรื่อง", "The complaint was withdrawn at your request.");

  private final String thai;
  private final String english;

  CaseOutcome(String thai, String english) {
    this.thai = thai;
    this.english = english;
  }

  /** What the complainant is told: the outcome, never the accused's penalty or other people's details. */
  public String thai() { return thai; }
  public String english() { return english; }

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

package th.go.integritydesk.closure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseOutcomeTest {

  @ParameterizedTest(name = "{8}")
  @CsvSource(nullValues = "-", value = {
      // withdrawn, screening, nacc, findings, proven, penalty, upheld, final, expected
      "true,  ACCEPT,       false, SERIOUS_OFFENCE,   true,  DISMISSAL,           -,     -,                WITHDRAWN",
      "false, REJECT,       false, -,                 -,     -,                   -,     -,                REJECTED",
      "false, FORWARD,      false, -,                 -,     -,                   -,     -,                FORWARDED",
      "false, MERGE,        false, -,                 -,     -,                   -,     -,                MERGED",
      "false, ACCEPT,       false, NO_GROUNDS,        -,     -,                   -,     -,                NO_GROUNDS",
      "false, ACCEPT,       false, CRIMINAL_REFERRAL, -,     -,                   -,     -,                REFERRED_CRIMINAL",
      "false, ACCEPT,       false, SERIOUS_OFFENCE,   false, -,                   -,     -,                NO_PENALTY",
      "false, ACCEPT,       false, SERIOUS_OFFENCE,   true,  DISMISSAL,           -,     -,                PENALISED",
      "false, ACCEPT,       false, MINOR_OFFENCE,     -,     WAIVED_WITH_WARNING, -,     -,                NO_PENALTY",
      "false, ACCEPT,       false, MINOR_OFFENCE,     -,     PROBATION,           true,  NONE,             NO_PENALTY",
      "false, ACCEPT,       false, MINOR_OFFENCE,     -,     PROBATION,           false, PROBATION,        PENALISED",
      "false, ACCEPT,       true,  -,                 -,     EXPULSION,           -,     -,                PENALISED"})
  void outcomeFollowsTheDecisionsTaken(boolean withdrawn, String screening, boolean nacc, String findings, Boolean proven,
                                       String penalty, Boolean upheld, String finalPenalty, CaseOutcome expected) {
    assertThat(CaseOutcome.of(new CaseOutcome.Decisions(withdrawn, screening, nacc, findings, proven, penalty, upheld,
        finalPenalty))).isEqualTo(expected);
  }
}

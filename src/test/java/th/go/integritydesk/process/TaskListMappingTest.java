package th.go.integritydesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Our task mapper is Camunda's, with only the authorization join replaced (ADR 0009): undoing our two changes and
 * removing our two fragments gives Camunda's file back, byte for byte. A Camunda update that changes its Task.xml
 * fails here, and the file is derived again (the ADR says how).
 */
class TaskListMappingTest {

  // Camunda's lines as they are, trailing spaces included
  static final String CAMUNDA_JOIN =
      "    <if test=\"authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null\">\n"
      + "      <if test=\"!authCheck.revokeAuthorizationCheckEnabled\">    \n"
      + "        <include refid=\"org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity"
      + ".authCheckJoinWithoutOnClause\" /> \n"
      + "        AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ ${authJoinSeparator}"
      + " '*' ${authJoinEnd})\n"
      + "      </if>\n"
      + "    </if>\n";
  static final String OUR_JOIN =
      "    <!-- integrity-desk: no join with the authorizations here; see taskReadableCheck below -->\n";
  static final String CAMUNDA_CHECK = "      <include refid=\"org.camunda.bpm.engine.impl.persistence.entity"
      + ".AuthorizationEntity.contextualAuthorizationCheck\" /> \n";

  @Test
  void ourTaskMapperIsCamundasWithOnlyTheAuthorizationJoinReplaced() {
    String camunda = TaskListMapping.read(TaskListMapping.CAMUNDA_TASK_MAPPER);
    String ours = TaskListMapping.read(TaskListMapping.OUR_TASK_MAPPER);
    assertThat(camunda).contains(CAMUNDA_JOIN, CAMUNDA_CHECK);

    String undone = replaceOnce(ours, OUR_JOIN, CAMUNDA_JOIN);
    int choose = undone.indexOf("      <choose>\n        <when test=\"authCheck.shouldPerformAuthorizatioCheck");
    int chooseEnd = undone.indexOf("      </choose>\n", choose) + "      </choose>\n".length();
    assertThat(choose).isPositive();
    undone = undone.substring(0, choose) + CAMUNDA_CHECK + undone.substring(chooseEnd);
    int ourFragments = undone.indexOf("\n  <!-- integrity-desk (docs/adr/0009");
    int nativeQuery = undone.indexOf("\n  <select id=\"selectTaskByNativeQuery\"");
    assertThat(ourFragments).isPositive().isLessThan(nativeQuery);
    undone = undone.substring(0, ourFragments) + undone.substring(nativeQuery);

    assertThat(undone).isEqualTo(camunda);
  }

  @Test
  void theEngineReadsOurTaskMapperInsteadOfCamundas() {
    String mappers = TaskListMapping.mappers();
    assertThat(mappers).contains("<mapper resource=\"" + TaskListMapping.OUR_TASK_MAPPER + "\" />")
        .doesNotContain(TaskListMapping.CAMUNDA_TASK_MAPPER);
    assertThat(mappers.replace(TaskListMapping.OUR_TASK_MAPPER, TaskListMapping.CAMUNDA_TASK_MAPPER))
        .isEqualTo(TaskListMapping.read(org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl
            .DEFAULT_MYBATIS_MAPPING_FILE));
  }

  private static String replaceOnce(String text, String what, String by) {
    assertThat(text.indexOf(what)).as("once: %s", what).isPositive().isEqualTo(text.lastIndexOf(what));
    return text.replace(what, by);
  }
}

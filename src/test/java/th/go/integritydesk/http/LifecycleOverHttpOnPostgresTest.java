package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.integritydesk.postgres.PostgresForTests;

/** The lifecycle over HTTP, on a real PostgreSQL. */
// after the H2 HTTP tests: closing this context unregisters the engine name "default" they share (Camunda's
// static engine registry), and nodes started here must not overlap the cached test contexts
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
@DirtiesContext
class LifecycleOverHttpOnPostgresTest extends LifecycleOverHttpTest {

  @Autowired JdbcClient jdbc;
  @Autowired javax.sql.DataSource dataSource;
  @Autowired AuthorizationService authorizations;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresForTests.register(registry, "lifecycle_http");
  }

  /**
   * ADR 0006: with one task authorization per open task, PostgreSQL must know how many rows the task query's
   * permission filter ({@code PERMS_ & 2 = 2}) keeps; without the statistics it guesses 0.5% and joins quadratically.
   */
  @Test
  void thePlannerKnowsHowManyTaskAuthorizationsAGroupHas() {
    assertThat(jdbc.sql("SELECT count(*) FROM pg_statistic_ext WHERE stxname = 'integrity_desk_auth_perms'")
        .query(Integer.class).single()).isEqualTo(1);
    List<String> created = new ArrayList<>();
    try {
      for (int i = 0; i < 2000; i++) {
        Authorization task = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        task.setGroupId("screening");
        task.setResource(Resources.TASK);
        task.setResourceId(UUID.randomUUID().toString());
        task.addPermission(Permissions.READ);
        task.addPermission(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK);
        created.add(authorizations.saveAuthorization(task).getId());
      }
      jdbc.sql("ANALYZE ACT_RU_AUTHORIZATION").update();
      String plan = String.join("\n", jdbc.sql("EXPLAIN SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2"
          + " AND (A.USER_ID_ IN ('screener', '*') OR A.GROUP_ID_ IN ('screening'))"
          + " AND (A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2 OR A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64)")
          .query(String.class).list());
      java.util.regex.Matcher rows = java.util.regex.Pattern.compile("rows=(\\d+)").matcher(plan);
      assertThat(rows.find()).as(plan).isTrue();
      assertThat(Integer.parseInt(rows.group(1))).as(plan).isGreaterThan(1000);
    } finally {
      created.forEach(authorizations::deleteAuthorization);
    }
  }

  /**
   * Every Tasklist filter of ours lists by due date, and Tasklist adds "newest first": the index in that order lets
   * PostgreSQL read the first page in order and stop after 15 rows (the engine's DISTINCT becomes an incremental
   * sort over it) instead of sorting every open task of the group. Planned here with sequential scans switched off,
   * since a test database is small enough for a sort to be cheaper: what is proven is that the index can give the
   * engine's order, directions and nulls included.
   */
  @Test
  void theTaskListsOrderHasAnIndexThePlannerCanReadInOrder() throws Exception {
    assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'integrity_desk_task_due_created'")
        .query(String.class).single()).containsIgnoringCase("(due_date_, create_time_ DESC)");
    StringBuilder plan = new StringBuilder();
    try (java.sql.Connection connection = dataSource.getConnection();
         java.sql.Statement statement = connection.createStatement()) {
      statement.execute("SET enable_seqscan = off");
      statement.execute("SET enable_sort = off");
      try (java.sql.ResultSet rows = statement.executeQuery("EXPLAIN SELECT DISTINCT RES.ID_, RES.NAME_, "
          + "RES.DUE_DATE_, RES.CREATE_TIME_ FROM ACT_RU_TASK RES ORDER BY RES.DUE_DATE_ ASC, RES.CREATE_TIME_ DESC "
          + "LIMIT 15")) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      } finally {
        statement.execute("RESET enable_seqscan");
        statement.execute("RESET enable_sort");
      }
    }
    assertThat(plan.toString()).contains("integrity_desk_task_due_created").contains("Presorted Key");
  }

  /**
   * The job executor's acquisition (the engine's query, as {@code selectNextJobsToExecute} writes it without
   * priorities or ordering) reads the due jobs from an index, not every timer of every open case: with 20,000 timers
   * due in a year, as 10,000 open cases leave them, PostgreSQL chooses the index on its own. The timers are written
   * and read in one transaction that is rolled back, statistics included.
   */
  @Test
  void theJobAcquisitionReadsTheDueJobsFromAnIndexNotEveryTimer() throws Exception {
    assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'integrity_desk_job_acquirable'")
        .query(String.class).single()).containsIgnoringCase("(duedate_)")
        .containsIgnoringCase("WHERE ((retries_ > 0) AND (suspension_state_ = 1))");
    StringBuilder plan = new StringBuilder();
    try (java.sql.Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (java.sql.Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, RETRIES_, DUEDATE_, HANDLER_TYPE_) "
            + "SELECT 'test-timer-' || g, 1, 'timer', true, 3, now() + interval '365 days', 'timer-transition' "
            + "FROM generate_series(1, 20000) g");
        statement.execute("ANALYZE ACT_RU_JOB");
        try (java.sql.PreparedStatement explain = connection.prepareStatement("EXPLAIN SELECT RES.ID_, RES.REV_, "
            + "RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ FROM ACT_RU_JOB RES WHERE (RES.RETRIES_ > 0) "
            + "AND (RES.DUEDATE_ IS NULL OR RES.DUEDATE_ <= ?) AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < ?) "
            + "AND RES.SUSPENSION_STATE_ = 1 AND ((RES.EXCLUSIVE_ = true AND NOT EXISTS (SELECT J2.ID_ FROM ACT_RU_JOB "
            + "J2 WHERE J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ AND (J2.EXCLUSIVE_ = true) AND "
            + "(J2.LOCK_OWNER_ IS NOT NULL AND J2.LOCK_EXP_TIME_ >= ?))) OR RES.EXCLUSIVE_ = false) LIMIT 3 OFFSET 0")) {
          java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
          explain.setTimestamp(1, now);
          explain.setTimestamp(2, now);
          explain.setTimestamp(3, now);
          try (java.sql.ResultSet rows = explain.executeQuery()) {
            while (rows.next()) {
              plan.append(rows.getString(1)).append('\n');
            }
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
    assertThat(plan.toString()).contains("integrity_desk_job_acquirable").doesNotContain("Seq Scan on act_ru_job res");
    assertThat(jdbc.sql("SELECT count(*) FROM ACT_RU_JOB WHERE ID_ LIKE 'test-timer-%'").query(Long.class).single())
        .isZero();
  }

  /**
   * The engine's queries are planned with their values on every execution (never prepared on the server, where
   * PostgreSQL may switch to a plan without them: with Tasklist's variable query planned so, a page at 100,000 open
   * cases took 1.4 s instead of 0.5 s), and its writes are prepared once per connection (planning every write and
   * its foreign-key checks anew was half of PostgreSQL's time per complaint). Run through the engine's own MyBatis
   * set-up and data source (Cockpit's queries borrow it), eight times each, in a transaction that is rolled back.
   */
  @Test
  void theEngineQueriesArePlannedWithTheirValuesAndItsWritesArePreparedOnce() throws Exception {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    SqlSessionFactory factory = configuration.getSqlSessionFactory();
    List<String> prepared = new ArrayList<>();
    java.sql.Connection connection = configuration.getDataSource().getConnection();
    connection.setAutoCommit(false);
    // the session closes the connection (back to the pool) when it closes
    try (SqlSession session = factory.openSession(connection)) {
      try {
        for (int i = 0; i < 8; i++) {
          assertThat((Object) session.selectOne("selectProperty", "historyLevel")).isNotNull();
          session.insert("insertProperty", new PropertyEntity("plans-test-" + i, "x"));
        }
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT statement FROM pg_prepared_statements")) {
          while (rows.next()) {
            prepared.add(rows.getString(1));
          }
        }
      } finally {
        connection.rollback();
      }
    }
    assertThat(prepared).anyMatch(sql -> sql.contains("insert into ACT_GE_PROPERTY"));
    assertThat(prepared).noneMatch(sql -> sql.contains("from ACT_GE_PROPERTY"));
    assertThat(jdbc.sql("SELECT count(*) FROM ACT_GE_PROPERTY WHERE NAME_ LIKE 'plans-test-%'").query(Long.class)
        .single()).isZero();
  }
}

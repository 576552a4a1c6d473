package th.go.integritydesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statistics and the two indexes are created each on its own: one that cannot be created (another node creating
 * it at the same moment, a database user without the right to) does not keep the others from being created. That
 * they are created, and used, on a real PostgreSQL: LifecycleOverHttpOnPostgresTest.
 */
class PostgresQueryPlansTest {

  @Test
  void aStatementThatFailsDoesNotKeepTheOthersFromBeingCreated() throws SQLException {
    List<String> executed = new ArrayList<>();
    Statement statement = mock(Statement.class);
    ResultSet none = mock(ResultSet.class);
    when(none.next()).thenReturn(true);
    when(none.getInt(1)).thenReturn(0);
    when(statement.executeQuery(anyString())).thenReturn(none);
    when(statement.execute(anyString())).thenAnswer(call -> {
      String sql = call.getArgument(0);
      executed.add(sql);
      if (sql.startsWith("CREATE STATISTICS")) {
        throw new SQLException("must be owner of table act_ru_authorization");
      }
      return false;
    });

    PostgresQueryPlans.createMissing(statement, "");

    assertThat(executed).hasSize(3);
    assertThat(executed.get(0)).startsWith("CREATE STATISTICS");
    assertThat(executed.get(1)).startsWith("CREATE INDEX IF NOT EXISTS " + PostgresQueryPlans.TASK_ORDER_INDEX);
    assertThat(executed.get(2)).startsWith("CREATE INDEX IF NOT EXISTS " + PostgresQueryPlans.JOB_ACQUISITION_INDEX);
  }

  @Test
  void whatExistsIsLeftAlone() throws SQLException {
    Statement statement = mock(Statement.class);
    ResultSet one = mock(ResultSet.class);
    when(one.next()).thenReturn(true);
    when(one.getInt(1)).thenReturn(1);
    when(statement.executeQuery(startsWith("SELECT count(*)"))).thenReturn(one);
    when(statement.execute(anyString())).thenThrow(new AssertionError("nothing to create"));

    PostgresQueryPlans.createMissing(statement, "");
  }
}

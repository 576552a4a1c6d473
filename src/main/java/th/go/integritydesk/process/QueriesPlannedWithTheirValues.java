package th.go.integritydesk.process;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The engine's data source (and so Cockpit's, which borrows it): on PostgreSQL every query is planned with the
 * values it is sent, every write once per connection.
 * <p>The JDBC driver turns a statement used five times on a connection into a server-side prepared statement, and
 * PostgreSQL may then plan it once, without its values (a generic plan). For a write by primary key that is what one
 * wants. For the engine's queries it is not: Tasklist's variable query for the cards, planned without the task
 * ids, made a page at 100,000 open cases take 1.4 s instead of 0.5 s, and the authorization joins of other queries
 * go quadratic the same way (ADR 0006). Until 2026-11-30 every connection therefore planned every statement
 * anew ({@code plan_cache_mode = force_custom_plan}), which was half of PostgreSQL's statement time per complaint:
 * 106 plans per complaint, for the inserts and the foreign-key checks each of them triggers. Now a query is never
 * prepared on the server (the driver's prepare threshold 0 for that statement, so PostgreSQL plans it with its
 * values, as before), and writes keep the driver's default.
 * <p>It is a {@link TransactionAwareDataSourceProxy} of the same data source, so the engine still takes part in
 * Spring's transactions (the key of a transaction's connection is the data source underneath). On H2 nothing changes.
 */
final class QueriesPlannedWithTheirValues extends TransactionAwareDataSourceProxy {

  QueriesPlannedWithTheirValues(DataSource target) {
    super(target instanceof TransactionAwareDataSourceProxy proxy ? proxy.getTargetDataSource() : target);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = super.getConnection();
    return (Connection) Proxy.newProxyInstance(ConnectionProxy.class.getClassLoader(),
        new Class<?>[] {ConnectionProxy.class}, new PlansQueries(connection));
  }

  /** A query: what the statement starts with, after blanks and opening brackets. */
  static boolean isQuery(String sql) {
    int i = 0;
    while (i < sql.length() && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(')) {
      i++;
    }
    String start = sql.substring(i, Math.min(sql.length(), i + 6)).toLowerCase(Locale.ROOT);
    return start.startsWith("select") || start.startsWith("with");
  }

  private record PlansQueries(Connection target) implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "getTargetConnection":
          return target instanceof ConnectionProxy inner ? inner.getTargetConnection() : target;
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        default:
          break;
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (method.getName().equals("prepareStatement") && args[0] instanceof String sql && isQuery(sql)
          && result instanceof Statement statement && statement.isWrapperFor(PGStatement.class)) {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
      }
      return result;
    }
  }
}

package th.go.integritydesk.storage;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application's transaction manager (the engine's, the job executor's and ours): Spring Boot's
 * {@link JdbcTransactionManager}, whose commit returns only once the commit is in the database's file
 * ({@link DurableCommits#stored(boolean)}: on the embedded H2 file database one store shared by every commit made
 * before it started; nothing on PostgreSQL, whose commit already waits for its WAL). It runs inside the commit,
 * before Spring's after-commit callbacks, so nothing done after a commit (a job run, a mail) acts on a commit that a
 * crash could still undo. Why: docs/adr/0005-durable-intake.md (*Later: one store for concurrent commits*).
 */
public class DurableTransactionManager extends JdbcTransactionManager {

  private final transient DurableCommits durability;

  DurableTransactionManager(DataSource dataSource, DurableCommits durability) {
    super(dataSource);
    this.durability = durability;
    durability.storedByTheTransactionManager();
  }

  @Override
  protected void doCommit(DefaultTransactionStatus status) {
    // a transaction that changed nothing (a query, a Tasklist page) does not wait for the file
    String name = status.getTransactionName();
    Object bound = TransactionSynchronizationManager.getResource(obtainDataSource());
    boolean changed = !status.isReadOnly() && !DurableCommits.STORED_WITH_THE_NEXT.equals(name)
        && durability.changes(bound instanceof ConnectionHolder holder ? holder.getConnection() : null);
    super.doCommit(status);
    if (changed) {
      durability.stored(DurableCommits.FORCED_TO_THE_DEVICE.equals(name));
    }
  }

  /** Takes the place of Spring Boot's transaction manager; Boot's customizers (spring.transaction.*) still apply. */
  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    DurableTransactionManager transactionManager(DataSource dataSource, DurableCommits durability,
                                                 ObjectProvider<TransactionManagerCustomizers> customizers) {
      DurableTransactionManager manager = new DurableTransactionManager(dataSource, durability);
      customizers.ifAvailable(all -> all.customize(manager));
      return manager;
    }
  }
}

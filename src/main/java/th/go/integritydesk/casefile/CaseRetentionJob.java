package th.go.integritydesk.casefile;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupHandler;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandlerConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupRemovalTime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's history cleanup job, doing the application's retention first ({@link CaseRetention}): the handler of
 * the job type {@code history-cleanup} is replaced by one that removes the cases whose time is up, then the engine's
 * own history, in the same run. So the removal keeps the engine's cleanup window, runs on one node of a cluster (the
 * job is one row that one node locks), is rescheduled at once while a batch was full, and runs at once on
 * {@code POST /engine-rest/history/cleanup?immediatelyDue=true}, as the engine's cleanup does. With parallel cleanup
 * jobs ({@code historyCleanupDegreeOfParallelism}) only the first of them does the application's part.
 */
@Component
public class CaseRetentionJob extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CaseRetention> retention;

  public CaseRetentionJob(ObjectProvider<CaseRetention> retention) {
    this.retention = retention;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(new Handler());
    configuration.setCustomJobHandlers(handlers);
  }

  private final class Handler extends HistoryCleanupJobHandler {
    @Override
    protected HistoryCleanupHandler initCleanupHandler(HistoryCleanupJobHandlerConfiguration configuration,
                                                       CommandContext commandContext) {
      return new RemovalThenHistory(retention.getObject())
          .setConfiguration(configuration)
          .setCommandExecutor(commandContext.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew())
          .setJobId(commandContext.getCurrentJob().getId());
    }
  }

  private static final class RemovalThenHistory extends HistoryCleanupRemovalTime {
    private final CaseRetention retention;
    private boolean fullBatch;

    RemovalThenHistory(CaseRetention retention) {
      this.retention = retention;
    }

    @Override
    public void performCleanup() {
      if (configuration.getMinuteFrom() == 0) {
        int batch = getBatchSize();
        fullBatch = retention.removeDue(batch).full(batch);
      }
      super.performCleanup();
    }

    @Override
    protected boolean shouldRescheduleNow() {
      return fullBatch || super.shouldRescheduleNow();
    }
  }
}

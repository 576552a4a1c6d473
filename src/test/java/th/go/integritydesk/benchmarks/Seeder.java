package th.go.integritydesk.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.integritydesk.IntegrityDeskApplication;

/**
 * Seeds open cases quickly and through the engine: the application started inside the harness JVM on the same
 * PostgreSQL database (job executor off), starting complaint-lifecycle as an intake officer's Tasklist start form
 * does (registration gives the tracking number, then the acknowledgement and routing), many cases per transaction,
 * after which each case waits in screen-complaint for the screening group, with its timer, candidate-group link and
 * task authorization, exactly as the running application leaves it.
 */
final class Seeder implements AutoCloseable {

  private static final String[] CATEGORIES = {"BRIBERY", "PROCUREMENT", "ABUSE_OF_POWER", "GIFTS", "MISCONDUCT"};
  private final ConfigurableApplicationContext context;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TransactionTemplate transactions;
  private int sequence;

  private Seeder(ConfigurableApplicationContext context) {
    this.context = context;
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    this.runtime = engine.getRuntimeService();
    this.management = engine.getManagementService();
    this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
  }

  static Seeder start(String jdbcUrl) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.profiles.active", "postgres,demo");
    properties.put("spring.datasource.url", jdbcUrl);
    properties.put("spring.datasource.username", "postgres");
    properties.put("spring.datasource.password", "postgres");
    properties.put("server.port", 0);
    // seeding is set-up, not the measured work: its commits need not wait for the disk
    properties.put("spring.datasource.hikari.connection-init-sql", "SET plan_cache_mode = force_custom_plan; SET synchronous_commit = off");
    properties.put("camunda.bpm.job-execution.enabled", false);
    properties.put("spring.main.banner-mode", "off");
    properties.put("logging.level.root", "WARN");
    properties.put("logging.level.th.go.integritydesk", "WARN");
    String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    return new Seeder(new SpringApplicationBuilder(IntegrityDeskApplication.class).run(arguments));
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  /** Starts {@code count} cases, {@code batch} per transaction, on {@code threads} threads; they leave no address, so
   * each is acknowledged and routed in its start transaction and waits for screening (ADR 0012). */
  void startCases(int count, int batch, int threads) {
    inBatches(count, batch, threads, n -> runtime.startProcessInstanceByKey("complaint-lifecycle", variables(n)));
  }

  /** Runs {@code perCase} for the next {@code count} case numbers, {@code batch} per transaction, on {@code threads}. */
  private void inBatches(int count, int batch, int threads, java.util.function.IntConsumer perCase) {
    List<Runnable> work = new ArrayList<>();
    for (int done = 0; done < count; done += batch) {
      int size = Math.min(batch, count - done);
      int first = sequence + done;
      work.add(() -> transactions.executeWithoutResult(status -> {
        for (int i = 0; i < size; i++) {
          perCase.accept(first + i);
        }
      }));
    }
    sequence += count;
    runAll(work, threads);
  }

  /**
   * Starts {@code count} cases directly at the screening gateway (the engine's own "start before activity"), as
   * registered and acknowledged cases arrive there: each waits in {@code screen-complaint} with its due date, timer,
   * candidate-group link, task authorization and the case on its card, like a case that went the whole way; what
   * it lacks is the history and the complaint row of the steps before (not read by a task list). About three times
   * quicker than {@link #startCases}, so that 100,000 open cases can be seeded in minutes.
   */
  void startWaitingCases(int count, int batch, int threads) {
    inBatches(count, batch, threads, n -> {
      String trackingNumber = String.format("B-%07d", n);
      Map<String, Object> variables = variables(n);
      variables.put("trackingNumber", trackingNumber);
      variables.put("receivedAt", new java.util.Date());
      runtime.createProcessInstanceByKey("complaint-lifecycle").businessKey(trackingNumber)
          .setVariables(variables).startBeforeActivity("screening-merge").execute();
    });
  }

  /**
   * Screens every case waiting in {@code screen-complaint} with "ask the complainant for more facts", as a screening
   * officer would, {@code batch} per transaction on {@code threads} threads: each queues its asynchronous step
   * {@code request-complainant-info} (the status-page message and, where an address was left, the mail; then the
   * wait for the reply with its timer). Returns how many.
   */
  int queueInformationRequests(int batch, int threads) {
    TaskService tasks = engine().getTaskService();
    List<String> waiting = tasks.createTaskQuery().processDefinitionKey("complaint-lifecycle")
        .taskDefinitionKey("screen-complaint").list().stream().map(Task::getId).toList();
    List<Runnable> work = new ArrayList<>();
    for (int from = 0; from < waiting.size(); from += batch) {
      List<String> slice = waiting.subList(from, Math.min(waiting.size(), from + batch));
      work.add(() -> transactions.executeWithoutResult(status -> slice.forEach(id -> {
        tasks.claim(id, "screener");
        tasks.complete(id, Map.of("screeningDecision", "REQUEST_INFO",
            "infoRequest", "วันเวลาที่เกิดเหตุ? / When did it happen?"));
      })));
    }
    runAll(work, threads);
    return waiting.size();
  }

  /** Runs every queued asynchronous step (acknowledgements, then whatever they queue), {@code batch} per
   * transaction, on {@code threads} threads (each thread its own jobs). */
  int runQueuedSteps(int batch, int threads) {
    int total = 0;
    while (true) {
      List<Job> jobs = management.createJobQuery().messages().executable().active()
          .listPage(0, batch * threads);
      if (jobs.isEmpty()) {
        return total;
      }
      List<Runnable> work = new ArrayList<>();
      for (int from = 0; from < jobs.size(); from += batch) {
        List<Job> slice = jobs.subList(from, Math.min(jobs.size(), from + batch));
        work.add(() -> transactions.executeWithoutResult(status ->
            slice.forEach(job -> management.executeJob(job.getId()))));
      }
      runAll(work, threads);
      total += jobs.size();
    }
  }

  private static void runAll(List<Runnable> work, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      work.forEach(w -> running.add(pool.submit(w)));
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("seeding failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Suspends (or activates) the queued steps of complaint-lifecycle, so that no node starts on them yet. */
  void suspendQueuedSteps(boolean suspended) {
    if (suspended) {
      management.updateJobDefinitionSuspensionState().byProcessDefinitionKey("complaint-lifecycle").includeJobs(true)
          .suspend();
    } else {
      management.updateJobDefinitionSuspensionState().byProcessDefinitionKey("complaint-lifecycle").includeJobs(true)
          .activate();
    }
  }

  private static Map<String, Object> variables(int n) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("channel", "WALK_IN");
    variables.put("category", CATEGORIES[n % CATEGORIES.length]);
    variables.put("subject", "เรื่องทดสอบภาระ / Load test case " + n);
    variables.put("description", "ผู้ร้องแจ้งว่ามีการเรียกรับเงิน / The complainant reports a request for money, case " + n);
    variables.put("accusedUnit", "กองคลัง");
    variables.put("accusedRank", "OPERATIONAL");
    return variables;
  }

  @Override
  public void close() {
    context.close();
  }
}

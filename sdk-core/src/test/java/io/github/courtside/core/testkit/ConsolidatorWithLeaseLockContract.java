package io.github.courtside.core.testkit;

import static io.github.courtside.core.testkit.Predictions.DAY;
import static io.github.courtside.core.testkit.Predictions.MAIN;
import static io.github.courtside.core.testkit.Predictions.T0;
import static io.github.courtside.core.testkit.Predictions.active;
import static io.github.courtside.core.testkit.Predictions.all;
import static io.github.courtside.core.testkit.Predictions.prediction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.consolidation.ConsolidationReport;
import io.github.courtside.core.consolidation.ConsolidationReport.Outcome;
import io.github.courtside.core.consolidation.Consolidator;
import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.lock.Lease;
import io.github.courtside.core.lock.LeaseLock;
import io.github.courtside.core.lock.LeaseLockConfig;
import io.github.courtside.core.lock.LeaseLostException;
import io.github.courtside.core.staging.StagingTableName;
import io.github.courtside.core.staging.StagingWriter;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consolidator guarded by the real {@link LeaseLock} on a {@link CoordinationStore}, on any
 * {@link Warehouse} backend. Extend it with a class named {@code *Test}.
 *
 * <pre>{@code
 * class ConsolidatorWithLeaseLockTest extends ConsolidatorWithLeaseLockContract {
 *   protected Warehouse newWarehouse(Clock clock) { ... }
 *   protected CoordinationStore newCoordinationStore() { ... }
 * }
 * }</pre>
 */
public abstract class ConsolidatorWithLeaseLockContract {
  protected ManualClock clock;
  protected Warehouse warehouse;
  protected CoordinationStore store;

  /** A new, empty warehouse whose "now" is {@code clock}; closed after each test. */
  protected abstract Warehouse newWarehouse(Clock clock);

  /** A new, empty coordination store for the lease lock, called after {@link #newWarehouse}. */
  protected abstract CoordinationStore newCoordinationStore();

  /** The clock of the test, the lock and the warehouse (see {@link ConsolidatorContract}). */
  protected ManualClock newClock() {
    return new ManualClock(T0);
  }

  /** Closes what {@link #newWarehouse} and {@link #newCoordinationStore} opened. */
  protected void closeBackend() {
    warehouse.close();
  }

  @BeforeEach
  void setUp() {
    clock = newClock();
    warehouse = newWarehouse(clock);
    store = newCoordinationStore();
    warehouse.createTable(MAIN, Predictions.schema());
  }

  @AfterEach
  void tearDown() {
    closeBackend();
  }

  private LeaseLock lock(String owner) {
    return new LeaseLock(
        store,
        LeaseLockConfig.builder()
            .owner(owner)
            .lease(Duration.ofMinutes(5))
            .pollInterval(Duration.ofMillis(20))
            .waitBudget(Duration.ofSeconds(60))
            .clock(clock)
            .build());
  }

  @Test
  protected void I3_coordinatorsInDifferentProcessesConsolidateEachBatchOnceUnderTheRealLock()
      throws Exception {
    for (int w = 0; w < 3; w++) {
      StagingWriter.of(warehouse, MAIN, "b1", "w" + w)
          .write(List.of(prediction("a" + w, "player" + w, "catboost", 20.5, 22, T0)));
    }
    List<LeaseLock> locks = List.of(lock("coordinator-1"), lock("coordinator-2"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<ConsolidationReport>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Consolidator consolidator =
            Consolidator.create(
                warehouse, locks.get(i % 2).asAcquirer(), Predictions.config(clock));
        calls.add(() -> consolidator.consolidate("b1", DAY));
      }
      List<ConsolidationReport> reports = new ArrayList<>();
      for (Future<ConsolidationReport> future : pool.invokeAll(calls)) {
        reports.add(future.get(60, TimeUnit.SECONDS));
      }
      assertEquals(
          1,
          reports.stream().filter(r -> r.outcome() == Outcome.CONSOLIDATED).count(),
          "" + reports);
      assertTrue(
          reports.stream()
              .filter(r -> r.outcome() != Outcome.CONSOLIDATED)
              .allMatch(r -> r.outcome() == Outcome.ALREADY_CONSOLIDATED),
          "" + reports);
    } finally {
      pool.shutdownNow();
      locks.forEach(LeaseLock::close);
    }
    assertEquals(3, all(warehouse).size());
    assertEquals(3, active(warehouse).size());
  }

  @Test
  protected void H5_aHolderWhoseLeaseWasTakenOverCannotMerge() {
    StagingWriter.of(warehouse, MAIN, "b1", "w0")
        .write(List.of(prediction("a0", "player0", "catboost", 20.5, 22, T0)));
    try (LeaseLock slow = lock("slow-coordinator");
        LeaseLock fast = lock("fast-coordinator")) {
      Consolidator consolidator =
          Consolidator.create(warehouse, slow.asAcquirer(), Predictions.config(clock));
      String lockName = consolidator.lockName(DAY);
      // The slow coordinator's lease lapses (a long GC pause), another takes the lock over.
      Consolidator stale =
          Consolidator.create(
              warehouse,
              name -> {
                Lease lease = slow.acquire(name);
                clock.advance(Duration.ofMinutes(6));
                try (Lease taken = fast.acquire(name)) {
                  assertTrue(taken.token().isNewerThan(lease.token()));
                }
                return lease;
              },
              Predictions.config(clock));
      assertEquals(lockName, stale.lockName(DAY));
      assertThrows(LeaseLostException.class, () -> stale.consolidate("b1", DAY));
      assertEquals(0, all(warehouse).size(), "the stale holder merged nothing");
      ConsolidationReport retry = consolidator.consolidate("b1", DAY);
      assertEquals(Outcome.CONSOLIDATED, retry.outcome());
      assertEquals(1, all(warehouse).size());
    }
  }

  /**
   * Kleppmann's scenario on two real threads: holder 1 passes every check of its own, then pauses
   * right before its MERGE reaches the warehouse; its lease lapses, holder 2 takes over and
   * consolidates a newer batch of the same partition. Holder 1's write must be refused by the
   * warehouse, not merely by a check holder 1 already passed.
   */
  @Test
  protected void H5_aHolderPausedAfterItsLastCheckIsRefusedByTheWarehouse() throws Exception {
    FaultyWarehouse faulty = new FaultyWarehouse(warehouse);
    StagingWriter.of(faulty, MAIN, "b1", "w0")
        .write(List.of(prediction("old", "lebron", "catboost", 25.5, 20, T0)));
    StagingWriter.of(faulty, MAIN, "b2", "w0")
        .write(
            List.of(
                prediction("new", "lebron", "catboost", 25.5, 30, T0.plusSeconds(60)),
                prediction("curry", "curry", "catboost", 27.5, 25, T0.plusSeconds(60))));
    String mainMerge = "MERGE INTO " + warehouse.dialect().table(MAIN);
    CountDownLatch paused = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    AtomicReference<Thread> slowThread = new AtomicReference<>();
    faulty.beforeTransaction(
        statements -> {
          if (Thread.currentThread() == slowThread.get()
              && statements.stream().anyMatch(sql -> sql.startsWith(mainMerge))) {
            paused.countDown();
            try {
              resume.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (LeaseLock slow = lock("slow-coordinator");
        LeaseLock fast = lock("fast-coordinator")) {
      Consolidator first =
          Consolidator.create(faulty, slow.asAcquirer(), Predictions.config(clock));
      Future<ConsolidationReport> stale =
          pool.submit(
              () -> {
                slowThread.set(Thread.currentThread());
                return first.consolidate("b1", DAY);
              });
      while (!paused.await(100, TimeUnit.MILLISECONDS)) {
        if (stale.isDone()) {
          throw new AssertionError("holder 1 ended before its MERGE: " + stale.get());
        }
      }
      clock.advance(Duration.ofMinutes(6)); // holder 1's lease lapses during the pause
      Consolidator second =
          Consolidator.create(faulty, fast.asAcquirer(), Predictions.config(clock));
      ConsolidationReport taken = second.consolidate("b2", DAY);
      assertEquals(Outcome.CONSOLIDATED, taken.outcome());
      resume.countDown();
      ExecutionException refused =
          assertThrows(ExecutionException.class, () -> stale.get(60, TimeUnit.SECONDS));
      assertTrue(
          refused.getCause() instanceof LeaseLostException,
          "holder 1 is fenced by the warehouse: " + refused.getCause());
      assertTrue(
          refused.getCause().getMessage().contains("fenced"), refused.getCause().getMessage());
    } finally {
      resume.countDown();
      pool.shutdownNow();
    }
    List<Row> rows = all(warehouse);
    assertEquals(2, rows.size(), "each row once: " + rows);
    Row lebron =
        rows.stream()
            .filter(r -> "lebron".equals(r.get("player_lookup")))
            .findFirst()
            .orElseThrow();
    assertEquals(30.0, lebron.get("predicted_points"), "holder 2's newer prediction stands");
    assertEquals(
        1,
        warehouse.listTables(MAIN.dataset(), StagingTableName.batchPrefix(MAIN, "b1")).size(),
        "holder 1's staging table is kept for a later round");
  }
}

package io.github.courtside.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.courtside.core.completion.BatchAlreadyActiveException;
import io.github.courtside.core.completion.BatchClosure;
import io.github.courtside.core.completion.BatchId;
import io.github.courtside.core.completion.BatchProgress;
import io.github.courtside.core.completion.CloseReason;
import io.github.courtside.core.completion.Completion;
import io.github.courtside.core.completion.CompletionListener;
import io.github.courtside.core.completion.CompletionTracker;
import io.github.courtside.core.completion.CompletionTrackerConfig;
import io.github.courtside.core.completion.RecordOutcome;
import io.github.courtside.core.completion.RecordOutcome.Status;
import io.github.courtside.core.completion.TriggerClaim;
import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.CoordinationStoreException;
import io.github.courtside.core.testkit.FaultInjectingCoordinationStore.Operation;
import io.github.courtside.core.testkit.FaultInjectingCoordinationStore.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link CompletionTracker} guarantees on a store: idempotent records, one active batch per
 * scope, at most one closing "batch complete" winner, a trigger delivered at least once (RETRIGGER
 * after a lost closure acknowledgement, a crashed winner or a failed consolidation: consolidated
 * exactly once), stall rules, propagated store errors, and a property over random interleavings
 * with duplicates, reordering, faults around every write, a moving clock and redeliveries on other
 * threads.
 *
 * <pre>{@code
 * class DuckDbCompletionTrackerTest extends CompletionTrackerContract {
 *   protected CoordinationStore store() { return store; }
 * }
 * }</pre>
 */
public abstract class CompletionTrackerContract {
  /** The retrigger grace period of the trackers under test (not a whole number of seconds). */
  protected static final Duration GRACE = Duration.ofMinutes(10).plusNanos(123_457);

  protected final ManualClock clock = new ManualClock();

  /** What the trackers under test told their listener. */
  protected final HeardEvents heard = new HeardEvents();

  protected String collection = "";
  private CoordinationStore store;

  /** The store under test; may be shared between tests. */
  protected abstract CoordinationStore store();

  /** Examples the interleaving property tries: a size parameter store test classes choose. */
  protected int propertyExamples() {
    return 40;
  }

  /**
   * The most completion events one example of the interleaving property delivers (2,000 in memory):
   * a size parameter store test classes choose.
   */
  protected int maxEvents() {
    return 2_000;
  }

  /**
   * The fewest completion events one example of the interleaving property delivers: store test
   * classes that run few examples raise it so that each runs at full size.
   */
  protected int minEvents() {
    return 1;
  }

  /** Threads in the concurrency tests. */
  protected int concurrency() {
    return 8;
  }

  @BeforeEach
  void freshCollection() {
    collection = "completion-" + UUID.randomUUID().toString().substring(0, 12);
    store = store();
  }

  protected CompletionTracker tracker(CoordinationStore on) {
    return new CompletionTracker(on, config().build());
  }

  protected CompletionTrackerConfig.Builder config() {
    return CompletionTrackerConfig.builder()
        .collection(collection)
        .clock(clock)
        .retriggerAfter(GRACE)
        .listener(heard);
  }

  private CompletionTracker tracker() {
    return tracker(store);
  }

  @Test
  void theLastItemCompletesTheBatchExactlyOnce() {
    CompletionTracker tracker = tracker();
    BatchId batch = tracker.start("2026-01-30", List.of("a", "b", "c"));
    assertEquals(Status.RECORDED, tracker.record(batch, "a", Completion.rows(3)).status());
    assertEquals(Status.RECORDED, tracker.record(batch, "b", Completion.rows(4)).status());
    RecordOutcome last = tracker.record(batch, "c", Completion.staged(5, "_staging_b_w3"));
    assertTrue(last.completedBatch());
    assertEquals(3, last.completed());
    assertEquals(3, last.expected());
    assertEquals(Status.DUPLICATE, tracker.record(batch, "c", Completion.rows(5)).status());
    assertEquals(Status.DUPLICATE, tracker.record(batch, "a", Completion.rows(3)).status());
    BatchProgress progress = tracker.progress(batch).orElseThrow();
    assertEquals(CloseReason.ALL_RECORDED, progress.closure().orElseThrow().reason());
    assertEquals(12, progress.rows(), "redeliveries do not add rows again");
    assertEquals(List.of(), progress.missing());
    assertTrue(tracker.activeBatch("2026-01-30").isEmpty());
  }

  @Test
  void pipelinedRecordsCountEachItemOnceAndCompleteTheBatchOnce() {
    CompletionTracker tracker = tracker();
    List<String> items = IntStream.range(0, 40).mapToObj(i -> "p/" + i).toList();
    BatchId batch = tracker.start("2026-01-31", items);
    List<CompletableFuture<RecordOutcome>> pending = new ArrayList<>();
    for (String item : items) {
      // each item twice, the redelivery in flight with the original
      pending.add(tracker.recordAsync(batch, item, Completion.rows(2)));
      pending.add(tracker.recordAsync(batch, item, Completion.rows(2)));
    }
    pending.add(tracker.recordAsync(batch, "stranger", Completion.rows(1)));
    Map<Status, Integer> statuses = new HashMap<>();
    for (CompletableFuture<RecordOutcome> outcome : pending) {
      statuses.merge(outcome.join().status(), 1, Integer::sum);
    }
    assertEquals(1, statuses.getOrDefault(Status.COMPLETED_BATCH, 0), statuses.toString());
    // the closing call may be a redelivery (duplicates run the completion check too)
    int recorded = statuses.getOrDefault(Status.RECORDED, 0);
    assertTrue(recorded == items.size() - 1 || recorded == items.size(), statuses.toString());
    assertEquals(
        2 * items.size() - 1,
        recorded + statuses.getOrDefault(Status.DUPLICATE, 0),
        statuses.toString());
    assertEquals(1, statuses.getOrDefault(Status.NOT_EXPECTED, 0), statuses.toString());
    BatchProgress progress = tracker.progress(batch).orElseThrow();
    assertEquals(2L * items.size(), progress.rows(), "each item's rows once");
    assertEquals(CloseReason.ALL_RECORDED, progress.closure().orElseThrow().reason());
    assertEquals(
        Status.UNKNOWN_BATCH,
        tracker
            .recordAsync(new BatchId("2026-01-31", 99), "p/1", Completion.rows(1))
            .join()
            .status());
  }

  @Test
  void progressReportsCompletedExpectedAndMissingItems() {
    CompletionTracker tracker = tracker();
    BatchId batch = tracker.start("d", List.of("p1", "p2", "p3", "p4", "p2"));
    tracker.record(batch, "p3", Completion.rows(2));
    clock.advance(Duration.ofMinutes(2));
    tracker.record(batch, "p1", Completion.skipped("no line"));
    BatchProgress progress = tracker.progress(batch).orElseThrow();
    assertEquals(4, progress.expected());
    assertEquals(2, progress.completed());
    assertEquals(1, progress.skipped());
    assertEquals(2, progress.rows());
    assertEquals(List.of("p2", "p4"), progress.missing());
    // stores keep at least microseconds (Firestore's precision); the clock gives nanoseconds
    Duration lag = Duration.between(progress.lastProgressAt().orElseThrow(), clock.instant());
    assertTrue(
        !lag.isNegative() && lag.compareTo(Duration.ofNanos(1_000)) < 0,
        "last progress at the recording instant (to the microsecond), lag " + lag);
    assertEquals(0.5, progress.fraction());
    assertFalse(progress.isClosed());
    assertEquals(Optional.of(batch), tracker.activeBatch("d"));
  }

  @Test
  void unknownBatchesAndUnexpectedItemsAreTypedOutcomesThatRecordNothing() {
    CompletionTracker tracker = tracker();
    BatchId batch = tracker.start("d", List.of("p1"));
    assertEquals(
        Status.UNKNOWN_BATCH,
        tracker.record(new BatchId("d", 7), "p1", Completion.done()).status());
    RecordOutcome stranger = tracker.record(batch, "p9", Completion.done());
    assertEquals(Status.NOT_EXPECTED, stranger.status());
    assertFalse(stranger.isRecorded());
    assertEquals(0, tracker.progress(batch).orElseThrow().completed());
    assertTrue(tracker.progress(new BatchId("d", 7)).isEmpty());
  }

  @Test
  void aBatchWithoutItemsClosesAtOnce() {
    CompletionTracker tracker = tracker();
    BatchId batch = tracker.start("d", List.of());
    assertEquals(CloseReason.NO_ITEMS, tracker.closure(batch).orElseThrow().reason());
    assertEquals(2, tracker.start("d", List.of("x")).generation());
  }

  @Test
  void concurrentLastCompletionsHaveExactlyOneWinner() throws Exception {
    for (int round = 0; round < 3; round++) {
      CompletionTracker tracker = tracker();
      List<String> items = IntStream.range(0, 24).mapToObj(i -> "player-" + i).toList();
      BatchId batch = tracker.start("race-" + round, items);
      List<String> deliveries = new ArrayList<>(items);
      deliveries.addAll(items.subList(0, 12)); // redeliveries race with first deliveries
      Collections.shuffle(deliveries, new java.util.Random(round));
      List<RecordOutcome> outcomes = recordConcurrently(tracker, batch, deliveries);
      assertEquals(1, outcomes.stream().filter(RecordOutcome::completedBatch).count());
      assertEquals(24, tracker.progress(batch).orElseThrow().completed());
    }
  }

  private List<RecordOutcome> recordConcurrently(
      CompletionTracker tracker, BatchId batch, List<String> deliveries) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<RecordOutcome>> futures = new ArrayList<>();
      for (String item : deliveries) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return tracker.record(batch, item, Completion.rows(1));
                }));
      }
      start.countDown();
      List<RecordOutcome> outcomes = new ArrayList<>();
      for (Future<RecordOutcome> future : futures) {
        outcomes.add(future.get(2, TimeUnit.MINUTES));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void I23_aScopeHasAtMostOneActiveBatch() throws Exception {
    CompletionTracker tracker = tracker();
    BatchId first = tracker.start("2026-01-30", List.of("a"));
    BatchAlreadyActiveException conflict =
        assertThrows(
            BatchAlreadyActiveException.class,
            () -> tracker.start("2026-01-30", List.of("a", "b")));
    assertEquals(first, conflict.active());
    assertEquals("2026-01-30", conflict.scope());

    // scheduler retries and restarts racing to start the same date: one batch, not several
    ExecutorService pool = Executors.newFixedThreadPool(concurrency());
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < concurrency() * 2; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    tracker(store).start("2026-01-31", List.of("a", "b"));
                    started.incrementAndGet();
                  } catch (BatchAlreadyActiveException e) {
                    refused.incrementAndGet();
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> future : futures) {
        future.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, started.get());
    assertEquals(concurrency() * 2 - 1, refused.get());
    assertEquals(Optional.of(new BatchId("2026-01-31", 1)), tracker.activeBatch("2026-01-31"));
  }

  @Test
  void I10_resetLetsANewBatchStartAndTheOldBatchNeverTriggers() {
    CompletionTracker tracker = tracker();
    BatchId stuck = tracker.start("2026-02-08", List.of("a", "b"));
    tracker.record(stuck, "a", Completion.rows(1));
    BatchClosure reset = tracker.reset("2026-02-08").orElseThrow();
    assertEquals(CloseReason.RESET, reset.reason());
    assertEquals(1, reset.completed());
    assertTrue(tracker.activeBatch("2026-02-08").isEmpty());
    BatchId fresh = tracker.start("2026-02-08", List.of("a", "b"));
    assertEquals(2, fresh.generation());
    assertEquals(Status.LATE, tracker.record(stuck, "b", Completion.rows(1)).status());
    assertTrue(tracker.reset("2026-02-09").isEmpty(), "nothing to reset");
    assertEquals(Status.RECORDED, tracker.record(fresh, "a", Completion.rows(1)).status());
    assertTrue(tracker.record(fresh, "b", Completion.rows(1)).completedBatch());
  }

  @Test
  void I20_permanentSkipsAreZeroCountCompletionsSoBatchesFinish() {
    CompletionTracker tracker = tracker();
    BatchId regen = tracker.start("regen_2026-02-03", List.of("p1", "p2", "p3"));
    tracker.record(regen, "p1", Completion.staged(4, "_staging_regen_w1"));
    tracker.record(regen, "p2", Completion.skipped("stale message"));
    assertTrue(tracker.record(regen, "p3", Completion.skipped("no features")).completedBatch());
    BatchProgress progress = tracker.progress(regen).orElseThrow();
    assertEquals(2, progress.skipped());
    assertEquals(4, progress.rows());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Completion(3, Optional.empty(), Optional.of("skipped with rows")));
  }

  @Test
  void I7_playerKeysWithAnyCharactersAreRecorded() {
    CompletionTracker tracker = tracker();
    List<String> players =
        List.of(
            "deaaronfox", "o'neal", "jr.smith", "josé", "a/b", "x,y", "~tilde", "__id__", "1 2");
    BatchId batch = tracker.start("2026-01-30", players);
    for (String player : players.subList(1, players.size())) {
      assertEquals(Status.RECORDED, tracker.record(batch, player, Completion.rows(1)).status());
    }
    assertEquals(List.of("deaaronfox"), tracker.progress(batch).orElseThrow().missing());
    assertTrue(tracker.record(batch, "deaaronfox", Completion.rows(1)).completedBatch());
  }

  @Test
  void I7_I19_storeErrorsPropagateAndTheRedeliveryCountsOnce() {
    FaultInjectingCoordinationStore faulty = new FaultInjectingCoordinationStore(store);
    CompletionTracker tracker = tracker(faulty);
    BatchId batch = tracker.start("2026-01-30", List.of("a", "b"));

    // the write is refused: the caller must see it (the old tracker returned false -> 204)
    faulty.failNext(Operation.CREATE, Timing.BEFORE, path -> path.contains("/done/"));
    assertThrows(
        CoordinationStoreException.class, () -> tracker.record(batch, "a", Completion.rows(2)));
    assertEquals(0, tracker.progress(batch).orElseThrow().completed());
    assertEquals(Status.RECORDED, tracker.record(batch, "a", Completion.rows(2)).status());

    // the last write lands but the completion check fails: the redelivery completes the batch
    faulty.failNext(Operation.COUNT, Timing.BEFORE, path -> path.endsWith("/done"));
    assertThrows(
        CoordinationStoreException.class, () -> tracker.record(batch, "b", Completion.rows(3)));
    assertTrue(tracker.closure(batch).isEmpty());
    RecordOutcome redelivered = tracker.record(batch, "b", Completion.rows(3));
    assertEquals(Status.COMPLETED_BATCH, redelivered.status());
    assertEquals(5, tracker.progress(batch).orElseThrow().rows(), "counted once");
    assertEquals(Status.DUPLICATE, tracker.record(batch, "b", Completion.rows(3)).status());
  }

  @Test
  void I8_stallRulesCloseBatchesThatWouldOtherwiseHangBelowOneHundredPercent() {
    CompletionTracker tracker = tracker();
    List<String> items = IntStream.range(0, 50).mapToObj(i -> "p" + i).toList();
    BatchId nearlyDone = tracker.start("near", items);
    items.subList(0, 48).forEach(item -> tracker.record(nearlyDone, item, Completion.rows(1)));
    clock.advance(Duration.ofMinutes(9));
    assertTrue(tracker.closeIfStalled(nearlyDone).isEmpty(), "96 % but progress 9 min ago");
    clock.advance(Duration.ofMinutes(1));
    BatchClosure stalled = tracker.closeIfStalled(nearlyDone).orElseThrow();
    assertEquals(CloseReason.STALLED, stalled.reason());
    assertEquals(48, stalled.completed());
    assertTrue(tracker.closeIfStalled(nearlyDone).isEmpty(), "closes once");
    assertEquals(Status.LATE, tracker.record(nearlyDone, "p48", Completion.rows(1)).status());
    assertEquals(Status.LATE, tracker.record(nearlyDone, "p49", Completion.rows(1)).status());

    // Jan 30: batches stuck at 48-89 % never met the 95 % rule; the age rule closes them
    BatchId halfDone = tracker.start("half", items);
    items.subList(0, 25).forEach(item -> tracker.record(halfDone, item, Completion.rows(1)));
    clock.advance(Duration.ofMinutes(20));
    assertTrue(tracker.closeIfStalled(halfDone).isEmpty(), "50 % after 20 min is not stalled");
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    assertEquals(CloseReason.TIMED_OUT, tracker.closeIfStalled(halfDone).orElseThrow().reason());

    // the scheduler's 90 % rule is configuration
    CompletionTracker lenient = tracker(store);
    CompletionTracker ninety =
        new CompletionTracker(store, config().minStallFraction(0.90).build());
    BatchId ninetyTwo = lenient.start("ninety", items);
    items.subList(0, 46).forEach(item -> lenient.record(ninetyTwo, item, Completion.rows(1)));
    clock.advance(Duration.ofMinutes(10));
    assertTrue(lenient.closeIfStalled(ninetyTwo).isEmpty(), "92 % is below the default 95 %");
    assertEquals(CloseReason.STALLED, ninety.closeIfStalled(ninetyTwo).orElseThrow().reason());
  }

  @Test
  void stallRulesAreConfigurationWithTheReferenceDefaults() {
    CompletionTrackerConfig defaults = CompletionTrackerConfig.defaults();
    assertEquals(Duration.ofMinutes(30), defaults.maxBatchAge());
    assertEquals(Duration.ofMinutes(10), defaults.stallThreshold());
    assertEquals(0.95, defaults.minStallFraction());
    assertThrows(
        IllegalArgumentException.class,
        () -> CompletionTrackerConfig.builder().minStallFraction(2).build());
  }

  @Test
  void batchIdsTravelAsText() {
    BatchId batch = new BatchId("2026-01-30#regen", 3);
    assertEquals(batch, BatchId.parse(batch.asString()));
    assertThrows(IllegalArgumentException.class, () -> BatchId.parse("no-generation"));
    assertThrows(IllegalArgumentException.class, () -> BatchId.parse("x#y"));
  }

  // ---- "batch complete" is delivered at least once (I-8, H-6) ----

  @Test
  void H6_aClosureWriteThatLandsButReportsFailureStillTriggersConsolidationExactlyOnce() {
    FaultInjectingCoordinationStore faulty = new FaultInjectingCoordinationStore(store);
    CompletionTracker tracker = tracker(faulty);
    ConsolidationLedger ledger = new ConsolidationLedger();
    BatchId batch = tracker.start("2026-02-01", List.of("a", "b"));
    deliver(tracker, ledger, batch, "a");
    faulty.failNext(Operation.CREATE, Timing.AFTER, path -> path.endsWith("/closure/closed"));
    deliver(tracker, ledger, batch, "b");
    assertEquals(1, faulty.injectedFailures(), "the closure write reported a failure");
    runSchedulerFor(tracker, ledger, batch, 3);
    assertEquals(1, ledger.effective(batch), "consolidated exactly once");
    assertEquals(1, ledger.calls(batch), "the closing call recognised its own write");
    assertTrue(tracker.isConsumed(batch));
    assertEquals(List.of(), heard.retriggers());
  }

  @Test
  void H6_aClosingCallThatCannotTellWhetherItsWriteLandedIsRetriggeredAfterTheGracePeriod() {
    FaultInjectingCoordinationStore faulty = new FaultInjectingCoordinationStore(store);
    CompletionTracker tracker = tracker(faulty);
    ConsolidationLedger ledger = new ConsolidationLedger();
    BatchId batch = tracker.start("2026-02-02", List.of("a", "b"));
    deliver(tracker, ledger, batch, "a");
    // the closure write lands, reports a failure, and reading it back fails too (the read of the
    // closure before the close attempt still works)
    faulty.failNext(Operation.CREATE, Timing.AFTER, path -> path.endsWith("/closure/closed"));
    faulty.failNext(
        Operation.GET,
        Timing.BEFORE,
        path -> path.endsWith("/closure/closed") && faulty.injectedFailures() == 1);
    assertThrows(
        CoordinationStoreException.class, () -> tracker.record(batch, "b", Completion.rows(1)));
    // the message is redelivered at once: the batch is closed, its trigger still in its grace
    assertEquals(Status.DUPLICATE, tracker.record(batch, "b", Completion.rows(1)).status());
    assertTrue(tracker.closeIfStalled(batch).isEmpty(), "within the grace period");
    assertEquals(Optional.of(batch), tracker.unconsumedBatch("2026-02-02"));
    assertEquals(0, ledger.effective(batch));
    runSchedulerFor(tracker, ledger, batch, 3);
    assertEquals(1, ledger.effective(batch), "the lost trigger was delivered again");
    assertEquals(1, ledger.calls(batch), "once: it was consumed");
    assertEquals(1, heard.retriggers().size());
    assertEquals(1, heard.retriggers().get(0).attempt());
    assertEquals(Optional.empty(), tracker.unconsumedBatch("2026-02-02"));
    assertEquals(Status.DUPLICATE, tracker.record(batch, "a", Completion.rows(1)).status());
  }

  @Test
  void I8_aWinnerThatCrashesBeforeConsolidatingIsRetriggeredByTheNextRedelivery() {
    CompletionTracker tracker = tracker();
    ConsolidationLedger ledger = new ConsolidationLedger();
    BatchId batch = tracker.start("2026-02-03", List.of("a", "b", "c"));
    deliver(tracker, ledger, batch, "a");
    deliver(tracker, ledger, batch, "b");
    RecordOutcome won = tracker.record(batch, "c", Completion.rows(1));
    assertEquals(Status.COMPLETED_BATCH, won.status());
    TriggerClaim first = won.claim().orElseThrow();
    assertEquals(0, first.attempt());
    assertFalse(first.isRetrigger());
    // ... and its process dies here: no consolidation, no consumed marker
    clock.advance(GRACE.minusNanos(1));
    assertEquals(Status.DUPLICATE, tracker.record(batch, "c", Completion.rows(1)).status());
    clock.advance(Duration.ofNanos(1));
    RecordOutcome again = tracker.record(batch, "a", Completion.rows(1)); // a late redelivery
    assertEquals(Status.RETRIGGER, again.status());
    assertTrue(again.isTrigger());
    assertFalse(again.completedBatch());
    TriggerClaim retrigger = again.claim().orElseThrow();
    assertTrue(retrigger.isRetrigger());
    assertEquals(CloseReason.ALL_RECORDED, retrigger.reason());
    assertNotEquals(first.id(), retrigger.id());
    ledger.consolidate(batch);
    assertTrue(tracker.markConsumed(retrigger));
    assertFalse(tracker.markConsumed(retrigger), "idempotent");
    runSchedulerFor(tracker, ledger, batch, 3);
    assertEquals(Status.DUPLICATE, tracker.record(batch, "b", Completion.rows(1)).status());
    assertEquals(1, ledger.effective(batch));
    assertEquals(1, ledger.calls(batch));
    assertEquals(List.of(retrigger), heard.retriggers());
  }

  @Test
  void H6_aConsolidationThatThrowsIsRetriggeredEachGracePeriodUntilItSucceeds() {
    CompletionTracker tracker = tracker();
    ConsolidationLedger ledger = new ConsolidationLedger();
    ledger.failNext(2); // the lock is busy, then the warehouse is down
    BatchId batch = tracker.start("2026-02-04", List.of("a", "b"));
    deliver(tracker, ledger, batch, "a");
    deliver(tracker, ledger, batch, "b");
    assertEquals(0, ledger.effective(batch));
    assertFalse(tracker.isConsumed(batch));
    runSchedulerFor(tracker, ledger, batch, 5);
    assertEquals(1, ledger.effective(batch), "consolidated exactly once");
    assertEquals(3, ledger.calls(batch), "the closure, then one retrigger per grace period");
    assertEquals(List.of(1L, 2L), heard.retriggers().stream().map(TriggerClaim::attempt).toList());
    assertTrue(tracker.isConsumed(batch));
  }

  @Test
  void aStalledBatchWhoseTriggerWasLostIsRetriggeredByTheStallCheck() {
    CompletionTracker tracker = tracker();
    List<String> items = IntStream.range(0, 20).mapToObj(i -> "p" + i).toList();
    BatchId batch = tracker.start("2026-02-05", items);
    items.subList(0, 19).forEach(item -> tracker.record(batch, item, Completion.rows(1)));
    clock.advance(Duration.ofMinutes(10));
    BatchClosure stalled = tracker.closeIfStalled(batch).orElseThrow();
    assertEquals(CloseReason.STALLED, stalled.reason());
    assertEquals(0, stalled.claim().orElseThrow().attempt());
    assertFalse(tracker.closure(batch).orElseThrow().claim().isPresent(), "readers get no claim");
    // the scheduler crashed before consolidating; a late item within the grace period is LATE
    assertEquals(Status.LATE, tracker.record(batch, "p19", Completion.rows(1)).status());
    clock.advance(GRACE);
    BatchClosure again = tracker.closeIfStalled(batch).orElseThrow();
    assertEquals(CloseReason.STALLED, again.reason());
    TriggerClaim claim = again.claim().orElseThrow();
    assertEquals(1, claim.attempt());
    assertTrue(tracker.closeIfStalled(batch).isEmpty(), "one retrigger per grace period");
    tracker.markConsumed(claim);
    clock.advance(GRACE.multipliedBy(3));
    assertTrue(tracker.closeIfStalled(batch).isEmpty(), "consumed batches never retrigger");
  }

  @Test
  void concurrentRedeliveriesPastTheGracePeriodClaimOneRetriggerPerPeriod() throws Exception {
    CompletionTracker tracker = tracker();
    List<String> items = IntStream.range(0, 12).mapToObj(i -> "player-" + i).toList();
    BatchId batch = tracker.start("2026-02-06", items);
    items.forEach(item -> tracker.record(batch, item, Completion.rows(1)));
    assertTrue(tracker.closure(batch).isPresent());
    for (int period = 1; period <= 2; period++) {
      clock.advance(GRACE);
      List<String> redeliveries = new ArrayList<>(items);
      redeliveries.addAll(items);
      List<RecordOutcome> outcomes = recordConcurrently(tracker(store), batch, redeliveries);
      List<RecordOutcome> triggers = outcomes.stream().filter(RecordOutcome::isTrigger).toList();
      assertEquals(1, triggers.size(), "period " + period + ": " + triggers);
      assertEquals(Status.RETRIGGER, triggers.get(0).status());
      assertEquals(period, triggers.get(0).claim().orElseThrow().attempt());
    }
  }

  @Test
  void resetAndEmptyBatchesNeverTrigger() {
    CompletionTracker tracker = tracker();
    BatchId empty = tracker.start("2026-02-07", List.of());
    BatchId abandoned = tracker.start("2026-02-07", List.of("a", "b"));
    tracker.record(abandoned, "a", Completion.rows(1));
    assertTrue(tracker.reset("2026-02-07").orElseThrow().claim().isEmpty());
    clock.advance(GRACE.multipliedBy(2));
    assertTrue(tracker.closeIfStalled(empty).isEmpty());
    assertTrue(tracker.closeIfStalled(abandoned).isEmpty());
    assertEquals(Status.LATE, tracker.record(abandoned, "b", Completion.rows(1)).status());
    assertEquals(Optional.empty(), tracker.unconsumedBatch("2026-02-07"));
    assertEquals(List.of(), heard.retriggers());
  }

  @Test
  void retriggerSettingsAreConfiguration() {
    assertEquals(Duration.ofMinutes(10), CompletionTrackerConfig.defaults().retriggerAfter());
    assertThrows(
        IllegalArgumentException.class,
        () -> CompletionTrackerConfig.builder().retriggerAfter(Duration.ZERO).build());
    assertTrue(CloseReason.STALLED.triggers());
    assertFalse(CloseReason.RESET.triggers());
  }

  /**
   * One message delivered at least once: recorded (a failed record is redelivered), and when the
   * tracker says so, consolidated through the ledger and marked consumed. A consolidation that
   * throws leaves the batch unconsumed (the message is acknowledged: it was recorded).
   */
  private static void deliver(
      CompletionTracker tracker, ConsolidationLedger ledger, BatchId batch, String item) {
    RecordOutcome outcome = recordWithRedelivery(tracker, batch, item, 1);
    outcome.claim().ifPresent(claim -> consume(tracker, ledger, claim));
  }

  private static void consume(
      CompletionTracker tracker, ConsolidationLedger ledger, TriggerClaim claim) {
    try {
      ledger.consolidate(claim.batch());
    } catch (IllegalStateException consolidationFailed) {
      return;
    }
    tracker.markConsumed(claim);
  }

  /** The scheduler: a stall check every grace period, {@code periods} times. */
  private void runSchedulerFor(
      CompletionTracker tracker, ConsolidationLedger ledger, BatchId batch, int periods) {
    for (int i = 0; i < periods; i++) {
      clock.advance(GRACE);
      tracker
          .closeIfStalled(batch)
          .flatMap(BatchClosure::claim)
          .ifPresent(claim -> consume(tracker, ledger, claim));
    }
  }

  /**
   * "Consolidated" as an idempotent resource sees it: the first consolidation of a batch is
   * effective, later ones find it done; scripted failures throw before anything is done.
   */
  protected static final class ConsolidationLedger {
    private final Map<BatchId, Integer> calls = new HashMap<>();
    private final Map<BatchId, Integer> effective = new HashMap<>();
    private int failuresLeft;

    /** The next {@code n} consolidations throw. */
    synchronized void failNext(int n) {
      failuresLeft = n;
    }

    /** Consolidates {@code batch} (idempotent). */
    synchronized void consolidate(BatchId batch) {
      calls.merge(batch, 1, Integer::sum);
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new IllegalStateException("injected consolidation failure of " + batch);
      }
      effective.putIfAbsent(batch, 1);
    }

    synchronized int calls(BatchId batch) {
      return calls.getOrDefault(batch, 0);
    }

    synchronized int effective(BatchId batch) {
      return effective.getOrDefault(batch, 0);
    }
  }

  /** Records what a tracker's listener heard. */
  protected static final class HeardEvents implements CompletionListener {
    private final List<TriggerClaim> retriggers = new CopyOnWriteArrayList<>();
    private final List<TriggerClaim> consumptions = new CopyOnWriteArrayList<>();

    @Override
    public void retriggered(TriggerClaim claim, String source) {
      retriggers.add(claim);
    }

    @Override
    public void consumed(TriggerClaim claim) {
      consumptions.add(claim);
    }

    public List<TriggerClaim> retriggers() {
      return List.copyOf(retriggers);
    }

    public List<TriggerClaim> consumptions() {
      return List.copyOf(consumptions);
    }
  }

  /**
   * Up to {@link #maxEvents()} completion events for a batch (each item delivered one to three
   * times), shuffled and spread over several threads, with store failures injected before and after
   * every kind of operation (the item writes, the closure write, retrigger claims, consumed markers
   * and every read), a clock that moves by random nanosecond steps, a scheduler thread running the
   * stall check, and consolidations that sometimes throw. A failed record goes back on the shared
   * queue, so its redelivery usually runs on another thread. Every item is counted once, rows are
   * not double counted, at most one call completes the batch, and the batch is consolidated exactly
   * once and marked consumed, however its trigger was lost on the way.
   */
  @Test
  void randomInterleavingsCountEveryItemOnceAndConsolidateExactlyOnce() {
    int maxItems = Math.max(1, maxEvents() / 2);
    qt().withExamples(propertyExamples())
        .withShrinkCycles(0)
        .forAll(
            integers().between(Math.min(maxItems, Math.max(1, minEvents() / 2)), maxItems),
            integers().between(2, 6),
            integers().between(0, 25),
            longs().all())
        .checkAssert(this::interleaving);
  }

  private void interleaving(int itemCount, int threads, int failurePercent, long seed) {
    FaultInjectingCoordinationStore faulty = new FaultInjectingCoordinationStore(store);
    Duration grace = Duration.ofSeconds(2).plusNanos(987_654_321);
    HeardEvents events = new HeardEvents();
    CompletionTracker tracker =
        new CompletionTracker(faulty, config().retriggerAfter(grace).listener(events).build());
    List<String> items = IntStream.range(0, itemCount).mapToObj(i -> "item/" + i).toList();
    BatchId batch = tracker.start("prop-" + UUID.randomUUID(), items);
    SplittableRandom random = new SplittableRandom(seed);
    List<String> deliveries = new ArrayList<>(items);
    for (String item : items) {
      int extra = random.nextInt(3);
      for (int c = 0; c < extra && deliveries.size() < maxEvents(); c++) {
        deliveries.add(item);
      }
    }
    Collections.shuffle(deliveries, new java.util.Random(random.nextLong()));
    Object guard = new Object();
    SplittableRandom faults = random.split();
    faulty.setPlan(
        (operation, path) -> {
          synchronized (guard) {
            if (faults.nextInt(100) >= failurePercent) {
              return Optional.empty();
            }
            return Optional.of(faults.nextBoolean() ? Timing.AFTER : Timing.BEFORE);
          }
        });
    ConsolidationLedger ledger = new ConsolidationLedger();
    SplittableRandom consolidationFaults = random.split();
    java.util.function.Consumer<TriggerClaim> trigger =
        claim -> {
          try {
            boolean fail;
            synchronized (guard) {
              fail = consolidationFaults.nextInt(100) < failurePercent;
            }
            if (fail) {
              ledger.failNext(1);
            }
            ledger.consolidate(claim.batch());
            tracker.markConsumed(claim);
          } catch (IllegalStateException | CoordinationStoreException lost) {
            // the trigger is lost: the tracker must deliver it again
          }
        };
    java.util.concurrent.ConcurrentLinkedQueue<String> queue =
        new java.util.concurrent.ConcurrentLinkedQueue<>(deliveries);
    AtomicInteger outstanding = new AtomicInteger(deliveries.size());
    AtomicInteger attempts = new AtomicInteger();
    int maxAttempts = 500 * deliveries.size();
    Map<String, Integer> firstRecords = new ConcurrentHashMap<>();
    AtomicInteger winners = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SplittableRandom steps = random.split();
        futures.add(
            pool.submit(
                () -> {
                  while (outstanding.get() > 0) {
                    String item = queue.poll();
                    if (item == null) {
                      LockSupport.parkNanos(100_000);
                      continue;
                    }
                    if (attempts.incrementAndGet() > maxAttempts) {
                      throw new AssertionError("no progress after " + maxAttempts + " attempts");
                    }
                    clock.advance(Duration.ofNanos(steps.nextLong(20_000_000L)));
                    RecordOutcome outcome;
                    try {
                      outcome =
                          tracker.record(
                              batch, item, Completion.rows(Long.parseLong(item.substring(5)) + 1));
                    } catch (CoordinationStoreException e) {
                      queue.add(item); // the message is redelivered, to whichever worker is free
                      continue;
                    }
                    outstanding.decrementAndGet();
                    if (outcome.status() == Status.RECORDED) {
                      firstRecords.merge(item, 1, Integer::sum);
                    }
                    if (outcome.completedBatch()) {
                      winners.incrementAndGet();
                    }
                    outcome.claim().ifPresent(trigger);
                  }
                  return null;
                }));
      }
      futures.add(
          pool.submit(
              () -> {
                while (outstanding.get() > 0) {
                  try {
                    tracker.closeIfStalled(batch).flatMap(BatchClosure::claim).ifPresent(trigger);
                  } catch (CoordinationStoreException e) {
                    // the next run of the schedule tries again
                  }
                  LockSupport.parkNanos(1_000_000);
                }
                return null;
              }));
      for (Future<?> future : futures) {
        future.get(5, TimeUnit.MINUTES);
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      pool.shutdownNow();
      faulty.setPlan(FaultInjectingCoordinationStore.FaultPlan.NONE);
    }
    // the scheduler keeps running the stall check until the batch is consumed
    for (int period = 0; period < 5 && !tracker.isConsumed(batch); period++) {
      clock.advance(grace);
      tracker.closeIfStalled(batch).flatMap(BatchClosure::claim).ifPresent(trigger);
    }
    BatchProgress progress = tracker.progress(batch).orElseThrow();
    assertEquals(itemCount, progress.completed(), "every item counted once");
    assertEquals(List.of(), progress.missing());
    assertEquals((long) itemCount * (itemCount + 1) / 2, progress.rows(), "rows counted once");
    assertTrue(winners.get() <= 1, "at most one closing trigger: " + winners.get());
    assertEquals(CloseReason.ALL_RECORDED, progress.closure().orElseThrow().reason());
    assertTrue(tracker.isConsumed(batch), "the trigger was delivered until consumed");
    assertEquals(1, ledger.effective(batch), "consolidated exactly once");
    List<Long> attemptsClaimed =
        events.retriggers().stream().map(TriggerClaim::attempt).sorted().toList();
    assertEquals(
        attemptsClaimed.stream().distinct().count(),
        attemptsClaimed.size(),
        "one retrigger per grace period: " + attemptsClaimed);
    firstRecords.forEach((item, n) -> assertTrue(n <= 1, item + " newly recorded " + n + "x"));
    clock.advance(grace.multipliedBy(3));
    assertTrue(tracker.closeIfStalled(batch).isEmpty(), "a consumed batch is never retriggered");
    assertEquals(
        Status.DUPLICATE, tracker.record(batch, items.get(0), Completion.rows(1)).status());
  }

  private static RecordOutcome recordWithRedelivery(
      CompletionTracker tracker, BatchId batch, String item, long rows) {
    CoordinationStoreException last = null;
    for (int attempt = 0; attempt < 200; attempt++) {
      try {
        return tracker.record(batch, item, Completion.rows(rows));
      } catch (CoordinationStoreException e) {
        last = e;
      }
    }
    throw new AssertionError("no delivery of " + item + " succeeded", last);
  }
}

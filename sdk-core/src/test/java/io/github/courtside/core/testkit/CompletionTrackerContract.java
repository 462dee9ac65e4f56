package io.github.courtside.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.github.courtside.core.completion.CompletionTracker;
import io.github.courtside.core.completion.CompletionTrackerConfig;
import io.github.courtside.core.completion.RecordOutcome;
import io.github.courtside.core.completion.RecordOutcome.Status;
import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.CoordinationStoreException;
import io.github.courtside.core.testkit.FaultInjectingCoordinationStore.Operation;
import io.github.courtside.core.testkit.FaultInjectingCoordinationStore.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link CompletionTracker} guarantees on a store: idempotent records, one active batch per
 * scope, exactly one "batch complete" winner, stall rules, propagated store errors, and a property
 * over random interleavings with duplicates, reordering and injected store failures.
 *
 * <pre>{@code
 * class DuckDbCompletionTrackerTest extends CompletionTrackerContract {
 *   protected CoordinationStore store() { return store; }
 * }
 * }</pre>
 */
public abstract class CompletionTrackerContract {
  protected final ManualClock clock = new ManualClock();
  protected String collection = "";
  private CoordinationStore store;

  /** The store under test; may be shared between tests. */
  protected abstract CoordinationStore store();

  /** Examples the interleaving property tries. */
  protected int propertyExamples() {
    return 40;
  }

  /** The most completion events one example delivers. */
  protected int maxEvents() {
    return 2_000;
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
    return CompletionTrackerConfig.builder().collection(collection).clock(clock);
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
    assertEquals(Optional.of(clock.instant()), progress.lastProgressAt());
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
        () -> CompletionTrackerConfig.builder().minStallFraction(2));
  }

  @Test
  void batchIdsTravelAsText() {
    BatchId batch = new BatchId("2026-01-30#regen", 3);
    assertEquals(batch, BatchId.parse(batch.asString()));
    assertThrows(IllegalArgumentException.class, () -> BatchId.parse("no-generation"));
    assertThrows(IllegalArgumentException.class, () -> BatchId.parse("x#y"));
  }

  /**
   * Up to {@link #maxEvents()} completion events for a batch, each item delivered one to three
   * times, shuffled, spread over several threads, with store failures injected before operations
   * and after item writes; a failed record is retried like a redelivered message. Every item is
   * counted once, rows are not double counted, and exactly one call completes the batch.
   */
  @Test
  void randomInterleavingsCountEveryItemOnceAndTriggerExactlyOnce() {
    int maxItems = Math.max(1, maxEvents() / 3);
    qt().withExamples(propertyExamples())
        .withShrinkCycles(0)
        .forAll(
            integers().between(1, maxItems),
            integers().between(2, 6),
            integers().between(0, 25),
            longs().all())
        .checkAssert(this::interleaving);
  }

  private void interleaving(int itemCount, int threads, int failurePercent, long seed) {
    FaultInjectingCoordinationStore faulty = new FaultInjectingCoordinationStore(store);
    CompletionTracker tracker = tracker(faulty);
    List<String> items = IntStream.range(0, itemCount).mapToObj(i -> "item/" + i).toList();
    BatchId batch = tracker.start("prop-" + UUID.randomUUID(), items);
    SplittableRandom random = new SplittableRandom(seed);
    List<String> events = new ArrayList<>();
    for (String item : items) {
      int copies = 1 + random.nextInt(3);
      for (int c = 0; c < copies && events.size() < maxEvents(); c++) {
        events.add(item);
      }
    }
    for (int i = events.size() - 1; i > 0; i--) {
      Collections.swap(events, i, random.nextInt(i + 1));
    }
    Object guard = new Object();
    SplittableRandom faults = random.split();
    faulty.setPlan(
        (operation, path) -> {
          synchronized (guard) {
            if (faults.nextInt(100) >= failurePercent) {
              return Optional.empty();
            }
            boolean itemWrite = operation == Operation.CREATE && path.contains("/done/");
            return Optional.of(itemWrite && faults.nextBoolean() ? Timing.AFTER : Timing.BEFORE);
          }
        });
    Map<String, Integer> firstRecords = new ConcurrentHashMap<>();
    AtomicInteger winners = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int lane = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int e = lane; e < events.size(); e += threads) {
                    String item = events.get(e);
                    long rows = Long.parseLong(item.substring(5)) + 1;
                    RecordOutcome outcome = recordWithRedelivery(tracker, batch, item, rows);
                    if (outcome.status() == Status.RECORDED) {
                      firstRecords.merge(item, 1, Integer::sum);
                    }
                    if (outcome.completedBatch()) {
                      winners.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get(5, TimeUnit.MINUTES);
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      pool.shutdownNow();
      faulty.setPlan(FaultInjectingCoordinationStore.FaultPlan.NONE);
    }
    BatchProgress progress = tracker.progress(batch).orElseThrow();
    assertEquals(itemCount, progress.completed(), "every item counted once");
    assertEquals(List.of(), progress.missing());
    assertEquals((long) itemCount * (itemCount + 1) / 2, progress.rows(), "rows counted once");
    assertEquals(1, winners.get(), "exactly one trigger");
    assertEquals(CloseReason.ALL_RECORDED, progress.closure().orElseThrow().reason());
    firstRecords.forEach((item, n) -> assertTrue(n <= 1, item + " newly recorded " + n + "x"));
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

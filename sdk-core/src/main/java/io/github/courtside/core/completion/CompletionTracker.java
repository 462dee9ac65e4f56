package io.github.courtside.core.completion;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.CoordinationStoreException;
import io.github.courtside.core.coordination.CountAndDocument;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentPaths;
import io.github.courtside.core.coordination.DocumentQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks fan-out / fan-in batches: a coordinator starts a batch of expected items for a scope key,
 * workers record each item's completion, and exactly one record call learns that the batch is
 * complete and triggers what follows (consolidation).
 *
 * <p><b>Design: create-if-absent documents, no counters, no hot document.</b> The old tracker
 * updated one batch document per completion (hundreds of writes a minute against Firestore's
 * sustained one write per second per document), counted redeliveries twice, swallowed errors and
 * re-triggered on every late event (spec §3.2, I-7). Here:
 *
 * <ul>
 *   <li>{@code <collection>/<scope>/batches/<generation>} is written once when a batch starts; it
 *       holds the expected items. Generations are created with create-if-absent after the previous
 *       batch closed, so a scope has at most one active batch (I-23) and {@link #reset} closes the
 *       active batch so a new one can start (I-10).
 *   <li>Each completion creates {@code .../<generation>/done/<item>}: redeliveries and duplicates
 *       find it there and count once.
 *   <li>After its write, a record call counts the done documents and reads the closure, together
 *       ({@link CoordinationStore#countAndGet}: one round trip on Firestore); when all are there it
 *       creates {@code .../<generation>/closure/closed}. Create-if-absent admits exactly one winner
 *       however the last completions race or arrive again, and stall and reset closures compete for
 *       the same document, so late events never re-trigger.
 *   <li>Duplicates run the completion check too: if the call that wrote the last item failed before
 *       closing the batch, its redelivery closes it.
 *   <li>Store errors propagate (as {@link
 *       io.github.courtside.core.coordination.CoordinationStoreException}); nothing is swallowed,
 *       so the caller fails its message and it is redelivered (I-7, I-19).
 * </ul>
 *
 * <p><b>"Batch complete" is delivered at least once.</b> The closure document holds a claim id, so
 * a closing call whose write landed but reported a failure (a lost acknowledgement) reads it back
 * and still wins. What follows the trigger (consolidation) must be idempotent, and its caller marks
 * the batch consumed with {@link #markConsumed} once it succeeded. A batch that closed and is not
 * consumed {@link CompletionTrackerConfig#retriggerAfter()} after its closure, because the closing
 * call failed, its caller crashed or the consolidation threw (I-8, H-6: the old platform lost these
 * silently), is triggered again: the next record call (a redelivery, a late item) or stall check
 * gets {@link RecordOutcome.Status#RETRIGGER} with a new claim, one per grace period, with a WARN
 * log and a {@link CompletionListener#retriggered} event ({@link MicrometerCompletionMetrics}).
 *
 * <p>Items and scope keys may hold any characters (I-7's non-alphanumeric player keys); they are
 * encoded into document ids. A batch can expect up to about 30,000 items (one document holds them).
 *
 * <pre>{@code
 * CompletionTracker tracker = new CompletionTracker(store, CompletionTrackerConfig.defaults());
 * BatchId batch = tracker.start("2024-04-10", players);
 * // in each worker, after its staging write succeeded (I-19):
 * RecordOutcome outcome = tracker.record(batch, player, Completion.staged(rows, table));
 * if (outcome.isTrigger()) {                              // COMPLETED_BATCH or RETRIGGER
 *   consolidator.consolidate(batchId, day);               // idempotent
 *   tracker.markConsumed(outcome.claim().orElseThrow());  // only once it succeeded
 * }
 * // on a schedule, until the batch is consumed:
 * tracker.closeIfStalled(batch).ifPresent(closure -> {
 *   consolidator.consolidate(batchId, day);
 *   closure.claim().ifPresent(tracker::markConsumed);
 * });
 * }</pre>
 */
public final class CompletionTracker {
  private static final Logger log = LoggerFactory.getLogger(CompletionTracker.class);

  private final CoordinationStore store;
  private final CompletionTrackerConfig config;
  private final Cache<BatchId, BatchDefinition> definitions =
      Caffeine.newBuilder().maximumSize(1_024).build();
  // closures and consumption are written once and never change: what was seen is cached
  private final Cache<BatchId, BatchClosure> closures =
      Caffeine.newBuilder().maximumSize(1_024).build();
  private final Cache<BatchId, Boolean> consumed = Caffeine.newBuilder().maximumSize(1_024).build();

  /** A tracker on {@code store}. */
  public CompletionTracker(CoordinationStore store, CompletionTrackerConfig config) {
    this.store = Objects.requireNonNull(store, "store");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The configuration. */
  public CompletionTrackerConfig config() {
    return config;
  }

  /**
   * Starts a batch of {@code items} (duplicates ignored) for {@code scope}. A batch without items
   * closes at once ({@link CloseReason#NO_ITEMS}).
   *
   * @throws BatchAlreadyActiveException when the scope has an active batch (I-23)
   */
  public BatchId start(String scope, Collection<String> items) {
    Set<String> expected = new LinkedHashSet<>();
    for (String item : items) {
      expected.add(ItemIds.encode(Objects.requireNonNull(item, "item")));
    }
    String batches = batches(scope);
    long newest = newestGeneration(batches);
    if (newest > 0) {
      BatchId current = new BatchId(scope, newest);
      if (readClosure(current).isEmpty()) {
        throw new BatchAlreadyActiveException(scope, current);
      }
    }
    BatchId batch = new BatchId(scope, newest + 1);
    Instant now = config.clock().instant();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("scope", scope);
    fields.put("generation", batch.generation());
    fields.put("expected_count", (long) expected.size());
    fields.put("expected_items", List.copyOf(expected));
    fields.put("started_at", now);
    if (!store.createIfAbsent(Document.of(generationPath(batch), fields))) {
      throw new BatchAlreadyActiveException(scope, batch);
    }
    log.info("started batch {} with {} items", batch, expected.size());
    if (expected.isEmpty()) {
      close(batch, CloseReason.NO_ITEMS, 0, 0, "start");
    }
    return batch;
  }

  /** The scope's active (not yet closed) batch, if any. */
  public Optional<BatchId> activeBatch(String scope) {
    long newest = newestGeneration(batches(scope));
    if (newest == 0) {
      return Optional.empty();
    }
    BatchId batch = new BatchId(scope, newest);
    return readClosure(batch).isPresent() ? Optional.empty() : Optional.of(batch);
  }

  /**
   * Records that {@code item} of {@code batch} is done; idempotent per item.
   *
   * @return what happened; {@link RecordOutcome#completedBatch()} for at most one call per batch
   *     (exactly one unless the closing call failed), {@link RecordOutcome#isTrigger()} whenever
   *     the caller must consolidate and then {@link #markConsumed}
   * @throws io.github.courtside.core.coordination.CoordinationStoreException when the store fails:
   *     fail the message so that it is redelivered, the retry counts once
   */
  public RecordOutcome record(BatchId batch, String item, Completion completion) {
    RecordOutcome outcome = recordOnce(batch, item, completion);
    notify(listener -> listener.recorded(outcome));
    return outcome;
  }

  /**
   * {@link #record} without waiting for the item's write: the future completes with the same
   * outcome once the write is durable (and, for the closing call, once the closure is), or fails
   * with the {@link io.github.courtside.core.coordination.CoordinationStoreException} that {@link
   * #record} would throw. Nothing is reported recorded before the store made it durable.
   *
   * <p>One thread can keep many records in flight, which share the store's commits: on DuckDB a
   * synchronous record waits for one sync (a few hundred records per second per thread), while
   * pipelined records from one thread reach thousands per second. On stores without asynchronous
   * writes ({@link CoordinationStore#createIfAbsentAsync}'s default) it records on the calling
   * thread and returns a completed future. Stages chained to the future may run on a thread of the
   * store: do not wait there for another of its futures.
   *
   * <pre>{@code
   * List<CompletableFuture<RecordOutcome>> pending = new ArrayList<>();
   * for (String player : finished) {
   *   pending.add(tracker.recordAsync(batch, player, Completion.rows(1)));
   * }
   * for (CompletableFuture<RecordOutcome> outcome : pending) {
   *   if (outcome.join().isTrigger()) { ... }  // as for record
   * }
   * }</pre>
   */
  public CompletableFuture<RecordOutcome> recordAsync(
      BatchId batch, String item, Completion completion) {
    CompletableFuture<RecordOutcome> outcome;
    try {
      Prepared prepared = prepare(batch, item, completion);
      Document done = prepared.done();
      if (done == null) {
        outcome = CompletableFuture.completedFuture(prepared.immediate());
      } else {
        BatchDefinition definition = prepared.requireDefinition();
        outcome =
            store
                .createIfAbsentAsync(done)
                .thenApply(created -> afterWrite(batch, item, definition, created));
      }
    } catch (RuntimeException e) {
      outcome = CompletableFuture.failedFuture(e);
    }
    return outcome.whenComplete(
        (recorded, error) -> {
          if (recorded != null) {
            notify(listener -> listener.recorded(recorded));
          }
        });
  }

  private RecordOutcome recordOnce(BatchId batch, String item, Completion completion) {
    Prepared prepared = prepare(batch, item, completion);
    Document done = prepared.done();
    if (done == null) {
      return prepared.immediate();
    }
    return afterWrite(batch, item, prepared.requireDefinition(), store.createIfAbsent(done));
  }

  /**
   * What a record call writes, or its outcome when it writes nothing (an unknown batch, an
   * unexpected item).
   */
  private Prepared prepare(BatchId batch, String item, Completion completion) {
    Objects.requireNonNull(completion, "completion");
    String id = ItemIds.encode(Objects.requireNonNull(item, "item"));
    Optional<BatchDefinition> found = definition(batch);
    if (found.isEmpty()) {
      log.warn("completion of {} for unknown batch {}", item, batch);
      return Prepared.outcome(
          new RecordOutcome(RecordOutcome.Status.UNKNOWN_BATCH, batch, item, 0, 0));
    }
    BatchDefinition definition = found.get();
    String done = donePath(batch);
    if (!definition.expected().contains(id)) {
      log.warn("completion of {} is not expected by batch {}", item, batch);
      return Prepared.outcome(
          new RecordOutcome(
              RecordOutcome.Status.NOT_EXPECTED,
              batch,
              item,
              store.count(done, ""),
              definition.expectedCount()));
    }
    Instant now = config.clock().instant();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("item", item);
    fields.put("recorded_at", now);
    fields.put("rows", completion.rowCount());
    fields.put("skipped", completion.isSkipped());
    completion.stagingTable().ifPresent(table -> fields.put("staging_table", table));
    completion.skipReason().ifPresent(reason -> fields.put("skip_reason", reason));
    return new Prepared(definition, Document.of(DocumentPaths.child(done, id), fields), null);
  }

  /** The outcome of a record call whose item write returned {@code created}. */
  private RecordOutcome afterWrite(
      BatchId batch, String item, BatchDefinition definition, boolean created) {
    long expected = definition.expectedCount();
    Optional<BatchClosure> known = Optional.ofNullable(closures.getIfPresent(batch));
    long completed;
    if (known.isPresent()) {
      completed = store.count(donePath(batch), "");
    } else {
      // the count and the closure in one round trip (two requests in flight on Firestore)
      CountAndDocument read = store.countAndGet(donePath(batch), "", closurePath(batch));
      completed = read.count();
      known = read.document().map(document -> closureOf(batch, document));
      known.ifPresent(closure -> closures.put(batch, closure));
    }
    if (completed >= expected && known.isEmpty()) {
      Optional<BatchClosure> mine =
          close(batch, CloseReason.ALL_RECORDED, completed, expected, item);
      if (mine.isPresent()) {
        return new RecordOutcome(
            RecordOutcome.Status.COMPLETED_BATCH,
            batch,
            item,
            completed,
            expected,
            mine.get().claim());
      }
      known = readClosure(batch); // another call closed it meanwhile
    }
    Optional<BatchClosure> closure = known;
    if (closure.isEmpty()) {
      return new RecordOutcome(
          created ? RecordOutcome.Status.RECORDED : RecordOutcome.Status.DUPLICATE,
          batch,
          item,
          completed,
          expected);
    }
    Optional<TriggerClaim> retrigger = retriggerIfDue(closure.get(), "record");
    if (retrigger.isPresent()) {
      return new RecordOutcome(
          RecordOutcome.Status.RETRIGGER, batch, item, completed, expected, retrigger);
    }
    if (!created) {
      return new RecordOutcome(RecordOutcome.Status.DUPLICATE, batch, item, completed, expected);
    }
    if (closure.get().reason() != CloseReason.ALL_RECORDED) {
      log.info("late completion of {} for batch {} closed as {}", item, batch, closure.get());
      return new RecordOutcome(RecordOutcome.Status.LATE, batch, item, completed, expected);
    }
    return new RecordOutcome(RecordOutcome.Status.RECORDED, batch, item, completed, expected);
  }

  /**
   * A record call's item document to write with its batch's definition, or (without a document) its
   * outcome.
   */
  private record Prepared(
      @Nullable BatchDefinition definition,
      @Nullable Document done,
      @Nullable RecordOutcome outcome) {
    static Prepared outcome(RecordOutcome outcome) {
      return new Prepared(null, null, outcome);
    }

    RecordOutcome immediate() {
      return Objects.requireNonNull(outcome, "outcome");
    }

    BatchDefinition requireDefinition() {
      return Objects.requireNonNull(definition, "definition");
    }
  }

  /**
   * Marks {@code claim}'s batch consumed: call it once what the trigger started (consolidation)
   * succeeded, never before. A consumed batch is never triggered again; a closed batch that nobody
   * marks consumed within {@link CompletionTrackerConfig#retriggerAfter()} is ({@link
   * RecordOutcome.Status#RETRIGGER}), so a lost trigger (a failed closing call, a crashed winner, a
   * consolidation that threw) is delivered again. Idempotent.
   *
   * @return true when this call marked the batch, false when it was marked before
   * @throws io.github.courtside.core.coordination.CoordinationStoreException when the store fails;
   *     retry it, or let the batch be retriggered (what follows is idempotent)
   */
  public boolean markConsumed(TriggerClaim claim) {
    Objects.requireNonNull(claim, "claim");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("claim_id", claim.id());
    fields.put("attempt", claim.attempt());
    fields.put("consumed_at", config.clock().instant());
    boolean marked = store.createIfAbsent(Document.of(consumedPath(claim.batch()), fields));
    consumed.put(claim.batch(), Boolean.TRUE);
    if (marked) {
      log.info(
          "batch {} consumed (claim {}, attempt {})", claim.batch(), claim.id(), claim.attempt());
      notify(listener -> listener.consumed(claim));
    }
    return marked;
  }

  /** Whether {@code batch} was {@linkplain #markConsumed marked consumed}. */
  public boolean isConsumed(BatchId batch) {
    if (consumed.getIfPresent(batch) != null) {
      return true;
    }
    boolean marked = store.get(consumedPath(batch)).isPresent();
    if (marked) {
      consumed.put(batch, Boolean.TRUE);
    }
    return marked;
  }

  /**
   * The scope's newest batch when it closed with a reason that {@linkplain CloseReason#triggers()
   * triggers} and was not yet marked consumed: what a scheduler keeps passing to {@link
   * #closeIfStalled} (which retriggers it once the grace period passed) after {@link #activeBatch}
   * turned empty.
   */
  public Optional<BatchId> unconsumedBatch(String scope) {
    long newest = newestGeneration(batches(scope));
    if (newest == 0) {
      return Optional.empty();
    }
    BatchId batch = new BatchId(scope, newest);
    Optional<BatchClosure> closure = readClosure(batch);
    if (closure.isEmpty() || !closure.get().reason().triggers() || isConsumed(batch)) {
      return Optional.empty();
    }
    return Optional.of(batch);
  }

  /** The batch's progress, or empty when there is no such batch. */
  public Optional<BatchProgress> progress(BatchId batch) {
    Optional<BatchDefinition> found = definition(batch);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    BatchDefinition definition = found.get();
    List<Document> done = store.query(DocumentQuery.in(donePath(batch)).build());
    Set<String> recorded = new HashSet<>();
    long skipped = 0;
    long rows = 0;
    Instant last = null;
    for (Document document : done) {
      recorded.add(document.id());
      if (document.getBoolean("skipped").orElse(false)) {
        skipped++;
      }
      rows += document.getLong("rows").orElse(0L);
      Instant at = document.getTimestamp("recorded_at").orElse(Instant.MIN);
      if (last == null || at.isAfter(last)) {
        last = at;
      }
    }
    List<String> missing = new ArrayList<>();
    for (String id : definition.expected()) {
      if (!recorded.contains(id)) {
        missing.add(ItemIds.decode(id));
      }
    }
    missing.sort(null);
    return Optional.of(
        new BatchProgress(
            batch,
            definition.startedAt(),
            definition.expectedCount(),
            recorded.size(),
            skipped,
            rows,
            missing,
            Optional.ofNullable(last),
            readClosure(batch)));
  }

  /**
   * Applies the stall rules and closes the batch when they say so: first the age rule (older than
   * {@link CompletionTrackerConfig#maxBatchAge()}: {@link CloseReason#TIMED_OUT}, whatever the
   * progress), then the stall rule (at least {@link CompletionTrackerConfig#minStallFraction()}
   * complete and no record for {@link CompletionTrackerConfig#stallThreshold()}: {@link
   * CloseReason#STALLED}). Call it on a schedule (I-8: a stall check that nobody calls never
   * fires).
   *
   * <p>For a batch that already closed, it is the at-least-once check instead: when the batch was
   * not marked consumed within {@link CompletionTrackerConfig#retriggerAfter()} of its closure, it
   * claims a retrigger. Keep calling it for {@link #unconsumedBatch} once {@link #activeBatch} is
   * empty.
   *
   * @return the closure, with the {@link BatchClosure#claim()} to trigger and then mark consumed,
   *     when this call closed the batch or claimed its retrigger; empty when the batch is unknown,
   *     healthy, consumed, or closed and still within its grace period
   */
  public Optional<BatchClosure> closeIfStalled(BatchId batch) {
    Optional<BatchDefinition> found = definition(batch);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Optional<BatchClosure> closed = readClosure(batch);
    if (closed.isPresent()) {
      return retriggerIfDue(closed.get(), "stall-check").map(closed.get()::withClaim);
    }
    BatchDefinition definition = found.get();
    Instant now = config.clock().instant();
    String done = donePath(batch);
    long completed = store.count(done, "");
    long expected = definition.expectedCount();
    Duration age = Duration.between(definition.startedAt(), now);
    if (age.compareTo(config.maxBatchAge()) > 0) {
      log.warn(
          "batch {} timed out: {} min > {} min at {} of {}",
          batch,
          age.toMinutes(),
          config.maxBatchAge().toMinutes(),
          completed,
          expected);
      return close(batch, CloseReason.TIMED_OUT, completed, expected, "stall-check");
    }
    double fraction = expected == 0 ? 1.0 : (double) completed / expected;
    if (fraction < config.minStallFraction()) {
      return Optional.empty();
    }
    List<Document> newest =
        store.query(DocumentQuery.in(done).orderBy("recorded_at", true).limit(1).build());
    Instant lastProgress =
        newest.isEmpty()
            ? definition.startedAt()
            : newest.get(0).getTimestamp("recorded_at").orElse(definition.startedAt());
    Duration quiet = Duration.between(lastProgress, now);
    if (quiet.compareTo(config.stallThreshold()) < 0) {
      return Optional.empty();
    }
    log.warn(
        "batch {} stalled: no progress for {} min at {} of {}",
        batch,
        quiet.toMinutes(),
        completed,
        expected);
    return close(batch, CloseReason.STALLED, completed, expected, "stall-check");
  }

  /**
   * Closes the scope's active batch, if any, so that a new batch can start (I-10: the old reset
   * left the batch looking active). Completions for the reset batch are still recorded but never
   * trigger.
   *
   * @return the closure when this call closed a batch
   */
  public Optional<BatchClosure> reset(String scope) {
    Optional<BatchId> active = activeBatch(scope);
    if (active.isEmpty()) {
      return Optional.empty();
    }
    BatchId batch = active.get();
    long expected = definition(batch).map(BatchDefinition::expectedCount).orElse(0L);
    return close(batch, CloseReason.RESET, store.count(donePath(batch), ""), expected, "reset");
  }

  /** How the batch closed, if it did. */
  public Optional<BatchClosure> closure(BatchId batch) {
    return readClosure(batch);
  }

  private Optional<BatchClosure> close(
      BatchId batch, CloseReason reason, long completed, long expected, String closedBy) {
    Instant now = config.clock().instant();
    String claimId = UUID.randomUUID().toString();
    BatchClosure closure = new BatchClosure(batch, reason, now, completed, expected);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("reason", reason.name());
    fields.put("closed_at", now);
    fields.put("completed", completed);
    fields.put("expected", expected);
    fields.put("closed_by", closedBy);
    fields.put("claim_id", claimId);
    if (!createClaimed(Document.of(closurePath(batch), fields), claimId)) {
      return Optional.empty();
    }
    closures.put(batch, closure);
    log.info("batch {} closed: {} ({} of {})", batch, reason, completed, expected);
    notify(listener -> listener.batchClosed(closure));
    return Optional.of(
        reason.triggers()
            ? closure.withClaim(new TriggerClaim(batch, claimId, 0, reason, now))
            : closure);
  }

  /**
   * Claims the next retrigger of a closed, triggering, unconsumed batch once a grace period has
   * passed since its closure: one create-if-absent claim document per grace period, so among
   * concurrent callers one wins each period.
   */
  private Optional<TriggerClaim> retriggerIfDue(BatchClosure closure, String source) {
    if (!closure.reason().triggers()) {
      return Optional.empty();
    }
    BatchId batch = closure.batch();
    Instant now = config.clock().instant();
    Duration since = Duration.between(closure.closedAt(), now);
    if (since.compareTo(config.retriggerAfter()) < 0 || isConsumed(batch)) {
      return Optional.empty();
    }
    long attempt = since.dividedBy(config.retriggerAfter());
    String claimId = UUID.randomUUID().toString();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("claim_id", claimId);
    fields.put("attempt", attempt);
    fields.put("claimed_at", now);
    fields.put("source", source);
    if (!createClaimed(Document.of(retriggerPath(batch, attempt), fields), claimId)) {
      return Optional.empty();
    }
    TriggerClaim claim = new TriggerClaim(batch, claimId, attempt, closure.reason(), now);
    log.warn(
        "batch {} closed as {} at {} was not consumed within {}: triggering it again (attempt {},"
            + " by {}); a trigger was lost or its consolidation failed",
        batch,
        closure.reason(),
        closure.closedAt(),
        config.retriggerAfter(),
        attempt,
        source);
    notify(listener -> listener.retriggered(claim, source));
    return Optional.of(claim);
  }

  /**
   * Creates a document holding {@code claimId}; when the store reports a failure, reads it back to
   * tell a write that landed (a lost acknowledgement: this call's claim) from one that did not.
   *
   * @return whether this call created the document
   */
  private boolean createClaimed(Document document, String claimId) {
    try {
      return store.createIfAbsent(document);
    } catch (CoordinationStoreException failure) {
      Optional<Document> stored;
      try {
        stored = store.get(document.path());
      } catch (RuntimeException readFailure) {
        failure.addSuppressed(readFailure);
        throw failure;
      }
      if (stored.isEmpty()) {
        throw failure;
      }
      boolean mine = stored.get().getString("claim_id").filter(claimId::equals).isPresent();
      log.info(
          "creating {} reported {}, but it landed{}",
          document.path(),
          failure.getMessage(),
          mine ? " (this call's write)" : " (another caller's write)");
      return mine;
    }
  }

  private void notify(java.util.function.Consumer<CompletionListener> event) {
    try {
      event.accept(config.listener());
    } catch (RuntimeException e) {
      log.warn("completion listener failed", e);
    }
  }

  private Optional<BatchClosure> readClosure(BatchId batch) {
    BatchClosure cached = closures.getIfPresent(batch);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<BatchClosure> read =
        store.get(closurePath(batch)).map(document -> closureOf(batch, document));
    read.ifPresent(closure -> closures.put(batch, closure));
    return read;
  }

  private static BatchClosure closureOf(BatchId batch, Document document) {
    return new BatchClosure(
        batch,
        CloseReason.valueOf(document.getString("reason").orElseThrow()),
        document.getTimestamp("closed_at").orElse(Instant.EPOCH),
        document.getLong("completed").orElse(0L),
        document.getLong("expected").orElse(0L));
  }

  private Optional<BatchDefinition> definition(BatchId batch) {
    BatchDefinition cached = definitions.getIfPresent(batch);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<BatchDefinition> read = store.get(generationPath(batch)).map(BatchDefinition::of);
    read.ifPresent(definition -> definitions.put(batch, definition));
    return read;
  }

  private long newestGeneration(String batches) {
    List<Document> newest =
        store.query(DocumentQuery.in(batches).orderByIdDescending().limit(1).build());
    return newest.isEmpty() ? 0 : Long.parseLong(newest.get(0).id());
  }

  private String batches(String scope) {
    return DocumentPaths.child(config.collection(), ItemIds.encode(scope)) + "/batches";
  }

  private String generationPath(BatchId batch) {
    return DocumentPaths.child(batches(batch.scope()), String.format("%019d", batch.generation()));
  }

  private String donePath(BatchId batch) {
    return generationPath(batch) + "/done";
  }

  private String closurePath(BatchId batch) {
    return generationPath(batch) + "/closure/closed";
  }

  private String consumedPath(BatchId batch) {
    return generationPath(batch) + "/closure/consumed";
  }

  private String retriggerPath(BatchId batch, long attempt) {
    return generationPath(batch) + "/retriggers/" + String.format("%019d", attempt);
  }

  /** The immutable part of a batch: its expected items and start. */
  private record BatchDefinition(Set<String> expected, long expectedCount, Instant startedAt) {
    /**
     * The expected items: an array field; batches started before array fields (a comma-joined
     * string) are still read.
     */
    private static Set<String> expectedItems(Document document) {
      Object items = document.fields().get("expected_items");
      if (items instanceof List<?> list) {
        Set<String> expected = new HashSet<>();
        list.forEach(item -> expected.add(String.valueOf(item)));
        return expected;
      }
      String joined = document.getString("expected_items").orElse("");
      return joined.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(joined.split(",")));
    }

    static BatchDefinition of(Document document) {
      Set<String> expected = expectedItems(document);
      return new BatchDefinition(
          Set.copyOf(expected),
          document.getLong("expected_count").orElse((long) expected.size()),
          document.getTimestamp("started_at").orElse(Instant.EPOCH));
    }
  }
}

package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers rows for one {@link BatchSink} and sends them in requests when the first of these is
 * reached: {@link BatchWriterConfig#maxRows()}, {@link BatchWriterConfig#maxBytes()} (UTF-8 bytes
 * of the rows' JSON form, escapes included), or {@link BatchWriterConfig#maxAge()} of the oldest
 * buffered row; and on {@link #flush()} and {@link #close()}, which drain everything.
 *
 * <p>Every accepted row ends up written or, with its reason, in the {@link DeadLetterSink}; until
 * then it is pending. {@link #stats()} shows {@code accepted == written + deadLettered + pending}
 * at every moment. Failed requests are retried by a Resilience4j {@link Retry} with exponential
 * backoff and jitter when the {@link ErrorClassifier} says the failure is retryable; a sink may
 * also report single rows as failed, and only those are retried or dead-lettered. Row ids ({@link
 * RowIdStrategy}) are fixed when a row is accepted, so a deduplicating sink never stores a retried
 * row twice.
 *
 * <p>This fixes the old platform's writer (spec-prediction-infra §5.1), which held its lock during
 * network I/O and dropped failed rows: here sink requests run on the writer's scheduler, one at a
 * time, never under the buffer lock; the buffer is bounded ({@link BackpressurePolicy}); and
 * streaming sinks are refused for MUTABLE tables ({@link WriteModePolicy}, §5.3).
 *
 * <pre>{@code
 * BatchSink sink = new WarehouseAppendSink(warehouse, TableId.parse("nba_processing.run_history"));
 * try (BatchWriter writer = BatchWriter.builder(sink)
 *     .config(BatchWriterConfig.builder().name("run-history").maxRows(500).build())
 *     .deadLetterFolder(Path.of("/var/courtside/dead-letters/run-history"))
 *     .build()) {
 *   for (Row row : rows) {
 *     writer.add(row);
 *   }
 *   writer.flush().join(); // optional: close() drains too
 * }
 * }</pre>
 */
public final class BatchWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

  private final BatchSink sink;
  private final TableId table;
  private final BatchWriterConfig config;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final ErrorClassifier classifier;
  private final DeadLetterSink deadLetters;
  private final RowIdStrategy rowIds;
  private final BatchWriterMetrics metrics;
  private final Retry retry;
  private final AtomicLong sequences = new AtomicLong();
  private final @Nullable Thread shutdownHook;
  // Set while this writer runs a request, a sink or a dead-letter callback on the current thread.
  private final ThreadLocal<Boolean> onWriterThread = ThreadLocal.withInitial(() -> false);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  // Everything below is guarded by lock.
  private final ArrayDeque<Entry> buffer = new ArrayDeque<>();
  private final List<FlushWaiter> waiters = new ArrayList<>();
  private long bufferedBytes;
  private long nextPosition;
  private long finishedUpTo = -1;
  private long flushUpTo = -1;
  private boolean sending;
  private boolean pumpScheduled;
  private @Nullable ScheduledFuture<?> ageTimer;
  private boolean closed;
  private long accepted;
  private long written;
  private long deadLettered;
  private long inFlight;
  private long refused;
  private long requests;
  private long retries;

  private BatchWriter(Builder builder) {
    this.sink = builder.sink;
    this.table = sink.table();
    this.config = builder.config;
    this.clock = builder.clock;
    this.classifier = builder.classifier;
    this.deadLetters = builder.requireDeadLetters();
    this.rowIds = builder.rowIds;
    builder.writeModes.requireAllowed(table, sink.delivery());
    ScheduledExecutorService given = builder.scheduler;
    if (given == null) {
      String threadName = "courtside-batch-" + config.name();
      this.scheduler =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, threadName);
                thread.setDaemon(true);
                return thread;
              });
      this.ownsScheduler = true;
    } else {
      this.scheduler = given;
      this.ownsScheduler = false;
    }
    this.retry = Retry.of("courtside-batch-" + config.name(), retryConfig(config, classifier));
    this.metrics = builder.metrics.apply(this);
    metrics.bind(this);
    if (builder.closeOnShutdown) {
      Thread hook =
          new Thread(this::closeFromShutdownHook, "courtside-batch-close-" + config.name());
      Runtime.getRuntime().addShutdownHook(hook);
      this.shutdownHook = hook;
    } else {
      this.shutdownHook = null;
    }
  }

  private void closeFromShutdownHook() {
    try {
      close();
    } catch (RuntimeException e) {
      log.error("batch writer {} for {}: close at JVM shutdown failed", config.name(), table, e);
    }
  }

  private static RetryConfig retryConfig(BatchWriterConfig config, ErrorClassifier classifier) {
    IntervalFunction backoff =
        config.jitter() == 0.0
            ? IntervalFunction.ofExponentialBackoff(
                config.initialBackoff(), config.backoffMultiplier(), config.maxBackoff())
            : IntervalFunction.ofExponentialRandomBackoff(
                config.initialBackoff(),
                config.backoffMultiplier(),
                config.jitter(),
                config.maxBackoff());
    Predicate<Throwable> retryable =
        error -> {
          Throwable cause = unwrap(error);
          return cause instanceof RetryableRowFailures || classifier.isRetryable(cause);
        };
    return RetryConfig.custom()
        .maxAttempts(config.maxAttempts())
        .intervalFunction(backoff)
        .retryOnException(retryable)
        .failAfterMaxAttempts(false)
        .build();
  }

  /** A builder for a writer into {@code sink}. */
  public static Builder builder(BatchSink sink) {
    return new Builder(sink);
  }

  /** The sink's table. */
  public TableId table() {
    return table;
  }

  /** The settings. */
  public BatchWriterConfig config() {
    return config;
  }

  /**
   * Accepts a row, or throws without accepting it: {@link BufferFullException} when the buffer
   * stays full ({@link BackpressurePolicy}), {@link BatchWriterClosedException} after {@link
   * #close()}, {@link RowTooLargeException} when the row's JSON form is more UTF-8 bytes than
   * {@link BatchWriterConfig#maxBytes()}. Never performs sink I/O.
   *
   * @return the record with the row's id and sequence number
   */
  public BatchRecord add(Row row) {
    Objects.requireNonNull(row, "row");
    long sequence = sequences.getAndIncrement();
    BatchRecord record = new BatchRecord(rowIds.idOf(row, sequence), sequence, row);
    long bytes = RowSizes.estimate(row);
    boolean wake;
    lock.lock();
    try {
      if (bytes > config.maxBytes()) {
        refuse();
        throw new RowTooLargeException(table, config.name(), record.id(), bytes, config.maxBytes());
      }
      awaitRoom();
      Instant now = clock.instant();
      buffer.addLast(new Entry(record, bytes, now, nextPosition++));
      bufferedBytes += bytes;
      accepted++;
      wake =
          buffer.size() >= config.maxRows()
              || bufferedBytes >= config.maxBytes()
              || buffer.size() >= config.capacity();
      if (!wake && ageTimer == null) {
        armAgeTimer(now);
      }
    } finally {
      lock.unlock();
    }
    metrics.accepted();
    if (wake) {
      schedulePump();
    }
    return record;
  }

  /** Accepts rows one by one, as {@link #add(Row)} does; stops at the first refusal. */
  public List<BatchRecord> addAll(List<Row> rows) {
    List<BatchRecord> records = new ArrayList<>(rows.size());
    for (Row row : rows) {
      records.add(add(row));
    }
    return records;
  }

  private void awaitRoom() {
    if (closed) {
      refuse();
      throw new BatchWriterClosedException(table, config.name());
    }
    if (buffer.size() < config.capacity()) {
      return;
    }
    if (config.backpressure() == BackpressurePolicy.REJECT) {
      refuse();
      throw new BufferFullException(table, config.name(), config.capacity(), "policy REJECT");
    }
    schedulePump();
    long nanos = config.blockTimeout().toNanos();
    try {
      while (buffer.size() >= config.capacity() && !closed) {
        if (nanos <= 0) {
          refuse();
          throw new BufferFullException(
              table,
              config.name(),
              config.capacity(),
              "policy BLOCK, waited " + config.blockTimeout());
        }
        nanos = notFull.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      refuse();
      throw new BufferFullException(
          table, config.name(), config.capacity(), "interrupted while waiting for room");
    }
    if (closed) {
      refuse();
      throw new BatchWriterClosedException(table, config.name());
    }
  }

  private void refuse() {
    refused++;
    metrics.refused();
  }

  /**
   * Sends every row accepted before this call. The future completes when each of them is written or
   * dead-lettered; {@code flush().join()} waits for that.
   */
  public CompletableFuture<Void> flush() {
    CompletableFuture<Void> done;
    lock.lock();
    try {
      long target = nextPosition - 1;
      if (target <= finishedUpTo) {
        return CompletableFuture.completedFuture(null);
      }
      flushUpTo = Math.max(flushUpTo, target);
      done = new CompletableFuture<>();
      waiters.add(new FlushWaiter(target, done));
    } finally {
      lock.unlock();
    }
    schedulePump();
    return done;
  }

  /** A consistent snapshot of the accounting. */
  public BatchWriterStats stats() {
    lock.lock();
    try {
      return new BatchWriterStats(
          accepted, written, deadLettered, buffer.size(), inFlight, refused, requests, retries);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops accepting rows, sends everything buffered and waits up to {@link
   * BatchWriterConfig#closeTimeout()} until each row is written or dead-lettered, then stops the
   * writer's own scheduler (an injected one is left running). Throws {@link
   * BatchWriterCloseException} naming the rows still pending when time runs out. Idempotent.
   *
   * <p>Called from the writer's own thread, i.e. from inside a {@link BatchSink} or {@link
   * DeadLetterSink} callback, it does not wait (that thread is the one draining the buffer): it
   * stops accepting rows and returns at once, and the writer finishes closing in the background
   * when the last pending row is written or dead-lettered.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
    Thread hook = shutdownHook;
    if (hook != null && Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already shutting down; the hook will find the writer closed
      }
    }
    CompletableFuture<Void> drained = flush();
    if (onWriterThread.get()) {
      // Called from the writer's own thread (a sink or dead-letter callback): waiting here would
      // block the very thread that drains the buffer. Finish closing once the drain completes.
      log.info(
          "batch writer {} for {}: close() called from the writer's own thread; closing"
              + " asynchronously once {} pending row(s) are written or dead-lettered",
          config.name(),
          table,
          stats().pending());
      CompletableFuture<Void> unused =
          drained.whenComplete(
              (ignored, error) -> {
                stopTimerAndScheduler();
                logClosed();
              });
      return;
    }
    BatchWriterCloseException failure = null;
    try {
      drained.get(config.closeTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      failure =
          new BatchWriterCloseException(
              table,
              config.name(),
              stats().pending(),
              "close timed out after " + config.closeTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure =
          new BatchWriterCloseException(
              table, config.name(), stats().pending(), "interrupted while closing");
    } catch (ExecutionException e) {
      failure =
          new BatchWriterCloseException(
              table, config.name(), stats().pending(), "draining failed: " + e.getCause());
    } finally {
      stopTimerAndScheduler();
    }
    logClosed();
    if (failure != null) {
      throw failure;
    }
  }

  private void stopTimerAndScheduler() {
    ScheduledFuture<?> timer;
    lock.lock();
    try {
      timer = ageTimer;
      ageTimer = null;
    } finally {
      lock.unlock();
    }
    if (timer != null) {
      timer.cancel(false);
    }
    if (ownsScheduler) {
      scheduler.shutdown();
    }
  }

  private void logClosed() {
    BatchWriterStats stats = stats();
    log.info(
        "batch writer {} for {} closed: accepted={} written={} deadLettered={} pending={}"
            + " refused={} requests={} retries={}",
        config.name(),
        table,
        stats.accepted(),
        stats.written(),
        stats.deadLettered(),
        stats.pending(),
        stats.refused(),
        stats.requests(),
        stats.retries());
  }

  // ---- sending -------------------------------------------------------------------------------

  private void armAgeTimer(Instant oldest) {
    Duration wait = Duration.between(clock.instant(), oldest.plus(config.maxAge()));
    long nanos = Math.max(0, wait.toNanos());
    try {
      ageTimer =
          scheduler.schedule(
              () -> {
                lock.lock();
                try {
                  ageTimer = null;
                } finally {
                  lock.unlock();
                }
                pump();
              },
              nanos,
              TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      log.error("batch writer {}: scheduler refused the age timer", config.name(), e);
    }
  }

  private void schedulePump() {
    lock.lock();
    try {
      if (pumpScheduled) {
        return;
      }
      pumpScheduled = true;
    } finally {
      lock.unlock();
    }
    try {
      scheduler.execute(this::pump);
    } catch (RejectedExecutionException e) {
      lock.lock();
      try {
        pumpScheduled = false;
      } finally {
        lock.unlock();
      }
      log.error(
          "batch writer {} for {}: scheduler refused work; {} row(s) stay pending",
          config.name(),
          table,
          stats().pending(),
          e);
    }
  }

  /** Takes the next request from the buffer if one is due and none is in flight, and sends it. */
  private void pump() {
    InFlightBatch batch;
    lock.lock();
    try {
      pumpScheduled = false;
      if (sending || buffer.isEmpty()) {
        return;
      }
      Entry oldest = buffer.peekFirst();
      Instant now = clock.instant();
      boolean due =
          closed
              || buffer.size() >= config.maxRows()
              || bufferedBytes >= config.maxBytes()
              || buffer.size() >= config.capacity()
              || oldest.position() <= flushUpTo
              || !now.isBefore(oldest.enqueuedAt().plus(config.maxAge()));
      if (!due) {
        if (ageTimer == null) {
          armAgeTimer(oldest.enqueuedAt());
        }
        return;
      }
      List<BatchRecord> records = new ArrayList<>();
      long bytes = 0;
      long lastPosition = oldest.position();
      while (!buffer.isEmpty() && records.size() < config.maxRows()) {
        Entry next = buffer.peekFirst();
        if (!records.isEmpty() && bytes + next.bytes() > config.maxBytes()) {
          break;
        }
        buffer.pollFirst();
        records.add(next.record());
        bytes += next.bytes();
        lastPosition = next.position();
      }
      bufferedBytes -= bytes;
      inFlight = records.size();
      sending = true;
      notFull.signalAll();
      batch = new InFlightBatch(records, lastPosition);
    } finally {
      lock.unlock();
    }
    send(batch);
  }

  private void send(InFlightBatch batch) {
    CompletionStage<Void> outcome;
    try {
      outcome = Retry.decorateCompletionStage(retry, scheduler, () -> attempt(batch)).get();
    } catch (Throwable e) {
      outcome = CompletableFuture.failedFuture(e);
    }
    outcome.whenComplete((ignored, error) -> finish(batch, error));
  }

  private CompletionStage<Void> attempt(InFlightBatch batch) {
    boolean outer = !onWriterThread.get();
    onWriterThread.set(true);
    try {
      return attemptMarked(batch);
    } finally {
      if (outer) {
        onWriterThread.remove();
      }
    }
  }

  private CompletionStage<Void> attemptMarked(InFlightBatch batch) {
    batch.attempts++;
    boolean isRetry = batch.attempts > 1;
    lock.lock();
    try {
      requests++;
      if (isRetry) {
        retries++;
      }
    } finally {
      lock.unlock();
    }
    metrics.request();
    if (isRetry) {
      metrics.retry();
      log.debug(
          "batch writer {}: attempt {} for {} row(s)",
          config.name(),
          batch.attempts,
          batch.remaining.size());
    }
    List<BatchRecord> request = List.copyOf(batch.remaining);
    SinkResult result;
    try {
      result = Objects.requireNonNull(sink.write(request), "sink returned no result");
    } catch (Throwable e) { // an Error from the sink must finish the batch too, never hang it
      log.warn(
          "batch writer {}: request of {} row(s) to {} failed (attempt {}): {}",
          config.name(),
          request.size(),
          table,
          batch.attempts,
          e.toString());
      return CompletableFuture.failedFuture(e);
    }
    Set<String> ids = new HashSet<>();
    request.forEach(record -> ids.add(record.id()));
    Map<String, RowFailure> failures = new HashMap<>();
    for (RowFailure failure : result.failures()) {
      if (ids.contains(failure.recordId())) {
        failures.putIfAbsent(failure.recordId(), failure);
      } else {
        log.warn(
            "batch writer {}: sink reported a failure for unknown row id {}",
            config.name(),
            failure.recordId());
      }
    }
    long writtenNow = 0;
    List<BatchRecord> permanent = new ArrayList<>();
    List<BatchRecord> again = new ArrayList<>();
    for (BatchRecord record : request) {
      RowFailure failure = failures.get(record.id());
      if (failure == null) {
        writtenNow++;
      } else if (failure.retryable()) {
        again.add(record);
        batch.rowReasons.put(record.id(), failure.reason());
      } else {
        permanent.add(record);
        batch.rowReasons.put(record.id(), failure.reason());
      }
    }
    countWritten(writtenNow);
    deadLetter(batch, permanent, record -> batch.reasonOf(record, "rejected by the sink"), null);
    batch.remaining = again;
    if (again.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.failedFuture(
        new RetryableRowFailures(again.size(), batch.reasonOf(again.get(0), "retryable")));
  }

  private void finish(InFlightBatch batch, @Nullable Throwable error) {
    boolean outer = !onWriterThread.get();
    onWriterThread.set(true);
    try {
      deadLetterRemaining(batch, error);
    } catch (Throwable e) {
      log.error(
          "batch writer {}: dead-lettering {} row(s) of {} failed; finishing the batch anyway",
          config.name(),
          batch.remaining.size(),
          table,
          e);
    } finally {
      if (outer) {
        onWriterThread.remove();
      }
    }
    completeBatch(batch);
  }

  private void deadLetterRemaining(InFlightBatch batch, @Nullable Throwable error) {
    if (error != null && !batch.remaining.isEmpty()) {
      Throwable cause = unwrap(error);
      Throwable requestFailure = cause instanceof RetryableRowFailures ? null : cause;
      String prefix =
          requestFailure instanceof RejectedExecutionException
              ? "retry refused by the scheduler after " + batch.attempts + " attempt(s): "
              : requestFailure != null && !classifier.isRetryable(requestFailure)
                  ? "permanent failure: "
                  : "gave up after " + batch.attempts + " attempt(s): ";
      deadLetter(
          batch,
          batch.remaining,
          record ->
              prefix
                  + (requestFailure != null
                      ? String.valueOf(requestFailure)
                      : batch.reasonOf(record, "retryable row failure")),
          requestFailure);
      batch.remaining = List.of();
    }
  }

  private void completeBatch(InFlightBatch batch) {
    List<CompletableFuture<Void>> completed = new ArrayList<>();
    boolean more;
    lock.lock();
    try {
      if (inFlight != 0) {
        log.error(
            "batch writer {}: {} in-flight row(s) unaccounted after a request; counting them"
                + " pending",
            config.name(),
            inFlight);
      }
      sending = false;
      finishedUpTo = Math.max(finishedUpTo, batch.lastPosition);
      for (Iterator<FlushWaiter> it = waiters.iterator(); it.hasNext(); ) {
        FlushWaiter waiter = it.next();
        if (waiter.target() <= finishedUpTo) {
          completed.add(waiter.done());
          it.remove();
        }
      }
      notFull.signalAll();
      more = !buffer.isEmpty();
    } finally {
      lock.unlock();
    }
    completed.forEach(future -> future.complete(null));
    if (more) {
      schedulePump();
    }
  }

  private void countWritten(long rows) {
    if (rows == 0) {
      return;
    }
    lock.lock();
    try {
      written += rows;
      inFlight -= rows;
    } finally {
      lock.unlock();
    }
    metrics.written(rows);
  }

  private void deadLetter(
      InFlightBatch batch,
      List<BatchRecord> records,
      Function<BatchRecord, String> reason,
      @Nullable Throwable cause) {
    if (records.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    for (BatchRecord record : records) {
      DeadLetter letter =
          new DeadLetter(
              table, record, reason.apply(record), batch.attempts, now, Optional.ofNullable(cause));
      try {
        deadLetters.accept(letter);
      } catch (Throwable e) { // the row is counted dead-lettered and logged in full below
        log.error(
            "batch writer {}: dead-letter sink failed for row {} of {} ({}); row={}",
            config.name(),
            record.id(),
            table,
            letter.reason(),
            record.row(),
            e);
      }
    }
    lock.lock();
    try {
      deadLettered += records.size();
      inFlight -= records.size();
    } finally {
      lock.unlock();
    }
    metrics.deadLettered(records.size());
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private record Entry(BatchRecord record, long bytes, Instant enqueuedAt, long position) {}

  private record FlushWaiter(long target, CompletableFuture<Void> done) {}

  /** One request's rows across its attempts; touched by one thread at a time. */
  private static final class InFlightBatch {
    private List<BatchRecord> remaining;
    private final long lastPosition;
    private final Map<String, String> rowReasons = new HashMap<>();
    private int attempts;

    InFlightBatch(List<BatchRecord> records, long lastPosition) {
      this.remaining = records;
      this.lastPosition = lastPosition;
    }

    String reasonOf(BatchRecord record, String fallback) {
      return rowReasons.getOrDefault(record.id(), fallback);
    }
  }

  /** Builds a {@link BatchWriter}. */
  public static final class Builder {
    private final BatchSink sink;
    private BatchWriterConfig config = BatchWriterConfig.defaults();
    private Clock clock = Clock.systemUTC();
    private @Nullable ScheduledExecutorService scheduler;
    private ErrorClassifier classifier = ErrorClassifier.defaults();
    private @Nullable DeadLetterSink deadLetters;
    private RowIdStrategy rowIds = RowIdStrategy.contentHash();
    private WriteModePolicy writeModes = WriteModePolicy.loadOnly();
    private Function<BatchWriter, BatchWriterMetrics> metrics = writer -> BatchWriterMetrics.NOOP;
    private boolean closeOnShutdown;

    private Builder(BatchSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** The settings (default {@link BatchWriterConfig#defaults()}). */
    public Builder config(BatchWriterConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The clock for row ages and dead-letter times (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The scheduler that runs sink requests, age flushes and retry waits. The writer does not shut
     * down an injected scheduler. Default: a daemon thread owned by the writer.
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Which request failures are retried (default {@link ErrorClassifier#defaults()}). */
    public Builder errorClassifier(ErrorClassifier classifier) {
      this.classifier = Objects.requireNonNull(classifier, "classifier");
      return this;
    }

    /**
     * Where rows go that cannot be written. There is no default: {@link #build()} refuses a writer
     * without a dead-letter sink, so losing rows is never a silent default. {@link
     * #deadLetterFolder(Path)} keeps them in replayable NDJSON files; {@link
     * DeadLetterSink#logging()} keeps them only in the log (rows are lost once logs rotate).
     */
    public Builder deadLetters(DeadLetterSink deadLetters) {
      this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
      return this;
    }

    /**
     * Spills rows that cannot be written to newline-delimited JSON files in {@code folder} (created
     * if missing), each line with the table, row id, attempts, time, reason and the row, forced to
     * disk before the row counts as dead-lettered; {@link NdjsonDeadLetterSink#replay} feeds them
     * back once the sink is up. Shorthand for {@code
     * deadLetters(NdjsonDeadLetterSink.inFolder(folder))}.
     */
    public Builder deadLetterFolder(Path folder) {
      this.deadLetters = NdjsonDeadLetterSink.inFolder(Objects.requireNonNull(folder, "folder"));
      return this;
    }

    private DeadLetterSink requireDeadLetters() {
      DeadLetterSink chosen = deadLetters;
      if (chosen == null) {
        throw new IllegalStateException(
            "batch writer "
                + config.name()
                + " for "
                + sink.table()
                + " has no dead-letter sink: choose deadLetterFolder(path) to keep undeliverable"
                + " rows in replayable NDJSON files, deadLetters(sink) for your own durable sink,"
                + " or deadLetters(DeadLetterSink.logging()) to accept losing them to the log");
      }
      return chosen;
    }

    /** How row ids are made (default {@link RowIdStrategy#contentHash()}). */
    public Builder rowIds(RowIdStrategy rowIds) {
      this.rowIds = Objects.requireNonNull(rowIds, "rowIds");
      return this;
    }

    /**
     * The tables' write modes (default {@link WriteModePolicy#loadOnly()}: streaming sinks are
     * refused unless their table is registered APPEND_ONLY).
     */
    public Builder writeModes(WriteModePolicy writeModes) {
      this.writeModes = Objects.requireNonNull(writeModes, "writeModes");
      return this;
    }

    /**
     * Publishes {@code courtside.batch.rows} (tag {@code outcome}: accepted, written,
     * dead_lettered, refused), {@code courtside.batch.requests}, {@code courtside.batch.retries}
     * and the gauge {@code courtside.batch.pending}, tagged with writer name and table.
     */
    public Builder meterRegistry(MeterRegistry registry) {
      Objects.requireNonNull(registry, "registry");
      this.metrics =
          writer ->
              new MicrometerBatchWriterMetrics(
                  registry, writer.config().name(), writer.table().qualifiedName());
      return this;
    }

    /**
     * Also closes the writer (draining its rows) when the JVM shuts down normally, e.g. on SIGTERM
     * from Cloud Run; an explicit {@link BatchWriter#close()} removes the hook.
     */
    public Builder closeOnShutdown() {
      this.closeOnShutdown = true;
      return this;
    }

    /**
     * The writer. Throws {@link IllegalStateException} when no dead-letter sink was chosen ({@link
     * #deadLetters} or {@link #deadLetterFolder}), and {@link WriteModeViolationException} when the
     * sink streams into a table the policy says is MUTABLE.
     */
    public BatchWriter build() {
      return new BatchWriter(this);
    }
  }
}

package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.resilience4j.retry.Retry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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

  private final TableId table;
  private final BatchWriterConfig config;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final RowIdStrategy rowIds;
  private final BatchWriterMetrics metrics;
  private final BatchBuffer buffer;
  private final RequestSender sender;
  private final AtomicLong sequences = new AtomicLong();
  private final AtomicBoolean pumpScheduled = new AtomicBoolean();
  private final AtomicBoolean drainingInline = new AtomicBoolean();
  private final AtomicBoolean inlineAgain = new AtomicBoolean();
  private final @Nullable Thread shutdownHook;
  private final Object timerLock = new Object();
  private @Nullable ScheduledFuture<?> ageTimer; // guarded by timerLock

  private BatchWriter(BatchWriterSetup setup) {
    BatchSink sink = setup.sink();
    this.table = sink.table();
    this.config = setup.config();
    this.clock = setup.clock();
    this.rowIds = setup.rowIds();
    DeadLetterSink deadLetters = setup.chosenDeadLetters();
    setup.writeModes().requireAllowed(table, sink.delivery());
    Optional<ScheduledExecutorService> given = setup.scheduler();
    if (given.isEmpty()) {
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
      this.scheduler = given.get();
      this.ownsScheduler = false;
    }
    // No lambda over MeterRegistry here: Micrometer is optional, and a lambda's type would load it.
    this.metrics =
        setup.meterRegistry().isPresent()
            ? MicrometerBatchWriterMetrics.create(setup, config.name(), table.qualifiedName())
            : BatchWriterMetrics.NOOP;
    this.buffer = new BatchBuffer(config, table, metrics);
    this.sender =
        new RequestSender(
            sink,
            config,
            clock,
            scheduler,
            setup.errorClassifier(),
            deadLetters,
            setup.breaker().orElse(null),
            metrics,
            buffer);
    metrics.bind(this);
    if (setup.closeOnShutdown()) {
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

  /**
   * A builder for a writer into {@code sink}: {@code BatchWriterSetup.builder().sink(sink)}, whose
   * {@link BatchWriterSetup.Builder#build()} makes the writer.
   */
  public static BatchWriterSetup.Builder builder(BatchSink sink) {
    return BatchWriterSetup.builder().sink(sink);
  }

  /**
   * The writer {@code setup} describes. Throws {@link WriteModeViolationException} when the sink
   * streams into a table the setup's policy says is MUTABLE.
   */
  public static BatchWriter create(BatchWriterSetup setup) {
    return new BatchWriter(setup);
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
    BatchBuffer.Offer offer = buffer.offer(record, bytes, clock.instant(), this::schedulePump);
    metrics.accepted();
    if (offer.wake()) {
      schedulePump();
    } else {
      ensureAgeTimer(offer.enqueuedAt());
    }
    return record;
  }

  /**
   * Accepts a row only if there is room now: never waits, whatever the {@link BackpressurePolicy}.
   * Returns empty (the row counted refused) when the buffer is full or the writer closed; throws
   * {@link RowTooLargeException} as {@link #add(Row)} does. For callers that must not block, such
   * as a breaker's transition callback ({@code BreakerAuditTrail}).
   */
  public Optional<BatchRecord> tryAdd(Row row) {
    Objects.requireNonNull(row, "row");
    long sequence = sequences.getAndIncrement();
    BatchRecord record = new BatchRecord(rowIds.idOf(row, sequence), sequence, row);
    long bytes = RowSizes.estimate(row);
    BatchBuffer.Offer offer =
        buffer.offer(record, bytes, clock.instant(), this::schedulePump, false);
    if (offer == null) {
      return Optional.empty();
    }
    metrics.accepted();
    if (offer.wake()) {
      schedulePump();
    } else {
      ensureAgeTimer(offer.enqueuedAt());
    }
    return Optional.of(record);
  }

  /** Accepts rows one by one, as {@link #add(Row)} does; stops at the first refusal. */
  public List<BatchRecord> addAll(List<Row> rows) {
    List<BatchRecord> records = new ArrayList<>(rows.size());
    for (Row row : rows) {
      records.add(add(row));
    }
    return records;
  }

  /**
   * Sends every row accepted before this call. The future completes when each of them is written or
   * dead-lettered; {@code flush().join()} waits for that.
   */
  public CompletableFuture<Void> flush() {
    CompletableFuture<Void> done = buffer.awaitFlush();
    if (done == null) {
      return CompletableFuture.completedFuture(null);
    }
    schedulePump();
    return done;
  }

  /** A consistent snapshot of the accounting. */
  public BatchWriterStats stats() {
    return buffer.stats();
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
    if (!buffer.close()) {
      return;
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
    if (sender.onWriterThread()) {
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
    synchronized (timerLock) {
      timer = ageTimer;
      ageTimer = null;
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

  // ---- scheduling: the buffer says what is due, the sender sends it ---------------------------

  private void ensureAgeTimer(Instant oldest) {
    synchronized (timerLock) {
      if (ageTimer != null) {
        return;
      }
      Duration wait = Duration.between(clock.instant(), oldest.plus(config.maxAge()));
      long nanos = Math.max(0, wait.toNanos());
      try {
        ageTimer =
            scheduler.schedule(
                () -> {
                  synchronized (timerLock) {
                    ageTimer = null;
                  }
                  pump();
                },
                nanos,
                TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        log.error("batch writer {}: scheduler refused the age timer", config.name(), e);
      }
    }
  }

  private void schedulePump() {
    if (!pumpScheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      scheduler.execute(this::pump);
    } catch (RejectedExecutionException e) {
      pumpScheduled.set(false);
      log.error(
          "batch writer {} for {}: scheduler refused work; sending {} pending row(s) on the"
              + " calling thread (a retry it refuses dead-letters them)",
          config.name(),
          table,
          stats().pending(),
          e);
      pumpInline();
    }
  }

  /**
   * Sends what is due on the calling thread, for a scheduler that refuses work: flushes and close
   * still finish. One thread drains at a time, in a loop rather than by recursion (each finished
   * batch asks for the next pump).
   */
  private void pumpInline() {
    inlineAgain.set(true);
    if (!drainingInline.compareAndSet(false, true)) {
      return; // the draining thread loops once more
    }
    try {
      while (inlineAgain.getAndSet(false)) {
        pump();
      }
    } finally {
      drainingInline.set(false);
    }
    if (inlineAgain.get()) {
      pumpInline(); // asked for between the loop's last check and the release
    }
  }

  /** Takes the next request from the buffer if one is due and none is in flight, and sends it. */
  private void pump() {
    pumpScheduled.set(false);
    BatchBuffer.Take take = buffer.takeDue(clock.instant());
    InFlightBatch batch = take.batch();
    if (batch != null) {
      sender.send(batch, this::completed);
    } else if (take.oldest() != null) {
      ensureAgeTimer(take.oldest());
    }
  }

  private void completed(InFlightBatch batch) {
    if (buffer.complete(batch)) {
      schedulePump();
    }
  }
}

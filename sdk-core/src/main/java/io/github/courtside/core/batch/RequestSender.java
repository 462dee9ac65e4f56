package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.TableId;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one {@link InFlightBatch} to the sink on the writer's scheduler: retries it with a
 * Resilience4j {@link Retry} (exponential backoff with jitter) while the {@link ErrorClassifier}
 * says the failure is retryable, retries only the rows a sink reports as retryable, dead-letters
 * the rest with their reasons, and always finishes the batch, whatever the sink throws (an {@link
 * Error} included) and even when the scheduler refuses a retry. Counts into the {@link
 * BatchBuffer}'s accounting.
 */
final class RequestSender {
  private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

  private final BatchSink sink;
  private final TableId table;
  private final BatchWriterConfig config;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final ErrorClassifier classifier;
  private final DeadLetterSink deadLetters;
  private final @Nullable RequestGate breaker;
  private final BatchWriterMetrics metrics;
  private final BatchBuffer accounting;
  private final Retry retry;
  // Set while this sender runs a request, a sink or a dead-letter callback on the current thread.
  private final ThreadLocal<Boolean> onWriterThread = ThreadLocal.withInitial(() -> false);

  RequestSender(
      BatchSink sink,
      BatchWriterConfig config,
      Clock clock,
      ScheduledExecutorService scheduler,
      ErrorClassifier classifier,
      DeadLetterSink deadLetters,
      @Nullable RequestGate breaker,
      BatchWriterMetrics metrics,
      BatchBuffer accounting) {
    this.sink = sink;
    this.table = sink.table();
    this.config = config;
    this.clock = clock;
    this.scheduler = scheduler;
    this.classifier = classifier;
    this.deadLetters = deadLetters;
    this.breaker = breaker;
    this.metrics = metrics;
    this.accounting = accounting;
    RetryRegistry retries = RetryRegistry.ofDefaults();
    this.retry = retries.retry("courtside-batch-" + config.name(), retryConfig(config, classifier));
    metrics.bindRetries(retries);
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

  /** Whether the current thread is running one of this sender's requests or callbacks. */
  boolean onWriterThread() {
    return onWriterThread.get();
  }

  /**
   * Sends the batch with its retries and dead-letters what is left; then hands it to {@code done}
   * (on the thread that finished it), exactly once.
   */
  void send(InFlightBatch batch, Consumer<InFlightBatch> done) {
    CompletionStage<Void> outcome;
    try {
      outcome =
          Retry.decorateCompletionStage(
                  retry, scheduler, () -> whenPermitted(batch).thenCompose(ok -> attempt(batch)))
              .get();
    } catch (Throwable e) {
      outcome = CompletableFuture.failedFuture(e);
    }
    outcome.whenComplete(
        (ignored, error) -> {
          finish(batch, error);
          done.accept(batch);
        });
  }

  /**
   * Completes when the breaker (if any) lets a request through, at once when it does; while it is
   * OPEN, asks again on the scheduler at its {@code openUntil} (at most {@code maxBackoff} later),
   * spending no retry attempt. Fails with the scheduler's refusal when it will not take the wait.
   */
  private CompletableFuture<Void> whenPermitted(InFlightBatch batch) {
    CompletableFuture<Void> permitted = new CompletableFuture<>();
    awaitPermission(batch, permitted, false);
    return permitted;
  }

  private void awaitPermission(
      InFlightBatch batch, CompletableFuture<Void> permitted, boolean wasPaused) {
    RequestGate gate = breaker;
    try {
      if (gate == null || gate.tryAcquire()) {
        if (wasPaused) {
          log.info(
              "batch writer {}: breaker lets requests through again; sending {} held row(s) to {}",
              config.name(),
              batch.remaining().size(),
              table);
        }
        permitted.complete(null);
        return;
      }
      if (!wasPaused) {
        log.warn(
            "batch writer {}: breaker of {} is OPEN{}; holding {} row(s) without spending retries",
            config.name(),
            table,
            gate.openUntil().map(until -> " until " + until).orElse(""),
            batch.remaining().size());
      }
      scheduler.schedule(
          () -> awaitPermission(batch, permitted, true), pauseMillis(gate), TimeUnit.MILLISECONDS);
    } catch (Throwable e) { // a refused schedule or a failing breaker finishes the batch
      permitted.completeExceptionally(e);
    }
  }

  private long pauseMillis(RequestGate gate) {
    long cap = Math.max(1, config.maxBackoff().toMillis());
    long untilOpenEnds =
        gate.openUntil()
            .map(until -> until.toEpochMilli() - clock.instant().toEpochMilli())
            .orElse(config.initialBackoff().toMillis());
    return Math.min(cap, Math.max(1, untilOpenEnds));
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
    int attempt = batch.nextAttempt();
    boolean isRetry = attempt > 1;
    accounting.countRequest(isRetry);
    metrics.request();
    if (isRetry) {
      metrics.retry();
      log.debug(
          "batch writer {}: attempt {} for {} row(s)",
          config.name(),
          attempt,
          batch.remaining().size());
    }
    List<BatchRecord> request = batch.remaining();
    SinkResult result;
    try {
      result = Objects.requireNonNull(sink.write(request), "sink returned no result");
      reportToBreaker(null);
    } catch (Throwable e) { // an Error from the sink must finish the batch too, never hang it
      batch.requestFailed(request, e);
      reportToBreaker(e);
      log.warn(
          "batch writer {}: request of {} row(s) to {} failed (attempt {}): {}",
          config.name(),
          request.size(),
          table,
          attempt,
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
        batch.failed(failure);
      } else {
        permanent.add(record);
        batch.failed(failure);
      }
    }
    countWritten(writtenNow);
    deadLetter(
        batch,
        permanent,
        record -> batch.reasonOf(record, "rejected by the sink"),
        record -> batch.causeOf(record, null));
    batch.remaining(again);
    if (again.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.failedFuture(
        new RetryableRowFailures(again.size(), batch.reasonOf(again.get(0), "retryable")));
  }

  private void reportToBreaker(@Nullable Throwable failure) {
    RequestGate gate = breaker;
    if (gate == null) {
      return;
    }
    try {
      if (failure == null) {
        gate.onSuccess();
      } else {
        gate.onFailure(failure);
      }
    } catch (RuntimeException e) {
      log.warn("batch writer {}: reporting to the breaker of {} failed", config.name(), table, e);
    }
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
          batch.remaining().size(),
          table,
          e);
    } finally {
      if (outer) {
        onWriterThread.remove();
      }
    }
  }

  private void deadLetterRemaining(InFlightBatch batch, @Nullable Throwable error) {
    if (error != null && !batch.remaining().isEmpty()) {
      Throwable cause = unwrap(error);
      Throwable requestFailure = cause instanceof RetryableRowFailures ? null : cause;
      String prefix =
          requestFailure instanceof RejectedExecutionException
              ? "retry refused by the scheduler after " + batch.attempts() + " attempt(s): "
              : requestFailure != null && !classifier.isRetryable(requestFailure)
                  ? "permanent failure: "
                  : "gave up after " + batch.attempts() + " attempt(s): ";
      deadLetter(
          batch,
          batch.remaining(),
          record ->
              prefix
                  + (requestFailure != null
                      ? String.valueOf(requestFailure)
                      : batch.reasonOf(record, "retryable row failure")),
          record -> batch.causeOf(record, requestFailure));
      batch.remaining(List.of());
    }
  }

  private void countWritten(long rows) {
    if (rows == 0) {
      return;
    }
    accounting.countFinished(rows, 0);
    metrics.written(rows);
  }

  private void deadLetter(
      InFlightBatch batch,
      List<BatchRecord> records,
      Function<BatchRecord, String> reason,
      Function<BatchRecord, Optional<Throwable>> cause) {
    if (records.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    for (BatchRecord record : records) {
      DeadLetter letter =
          new DeadLetter(
              table, record, reason.apply(record), batch.attempts(), now, cause.apply(record));
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
    accounting.countFinished(0, records.size());
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
}

package io.github.courtside.core.batch;

import io.github.courtside.core.ComponentStyle;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.immutables.value.Value;

/**
 * What a {@link BatchWriter} is made of: its sink, its settings ({@link BatchWriterConfig}) and its
 * collaborators. Immutable; the builder is generated ({@link ComponentStyle}) and {@link
 * Builder#build()} makes the writer. {@link #check()} refuses a setup without a dead-letter sink,
 * so losing rows is never a silent default.
 *
 * <pre>{@code
 * BatchWriter writer = BatchWriter.builder(sink)          // = BatchWriterSetup.builder().sink(sink)
 *     .config(BatchWriterConfig.builder().name("run-history").build())
 *     .deadLetterFolder(Path.of("/var/courtside/dead-letters/run-history"))
 *     .build();
 * }</pre>
 */
@ComponentStyle
@Value.Immutable
public abstract class BatchWriterSetup {
  BatchWriterSetup() {}

  /** A builder; {@link Builder#sink} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The sink the writer sends its requests to (required). */
  public abstract BatchSink sink();

  /** The settings (default {@link BatchWriterConfig#defaults()}). */
  @Value.Default
  public BatchWriterConfig config() {
    return BatchWriterConfig.defaults();
  }

  /** The clock for row ages and dead-letter times (default UTC system clock). */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The scheduler that runs sink requests, age flushes and retry waits. The writer does not shut
   * down an injected scheduler. Default: a daemon thread owned by the writer.
   */
  public abstract Optional<ScheduledExecutorService> scheduler();

  /** Which request failures are retried (default {@link ErrorClassifier#defaults()}). */
  @Value.Default
  public ErrorClassifier errorClassifier() {
    return ErrorClassifier.defaults();
  }

  /**
   * Where rows go that cannot be written. There is no default: give this or {@link
   * #deadLetterFolder()}. {@link DeadLetterSink#logging()} keeps rows only in the log (they are
   * lost once logs rotate).
   */
  public abstract Optional<DeadLetterSink> deadLetters();

  /**
   * Spills rows that cannot be written to newline-delimited JSON files in this folder (created if
   * missing), each line with the table, row id, attempts, time, reason and the row, forced to disk
   * before the row counts as dead-lettered; {@link NdjsonDeadLetterSink#replay} feeds them back
   * once the sink is up. Shorthand for {@code deadLetters(NdjsonDeadLetterSink.inFolder(folder))}.
   */
  public abstract Optional<Path> deadLetterFolder();

  /** How row ids are made (default {@link RowIdStrategy#contentHash()}). */
  @Value.Default
  public RowIdStrategy rowIds() {
    return RowIdStrategy.contentHash();
  }

  /**
   * The tables' write modes (default {@link WriteModePolicy#loadOnly()}: streaming sinks are
   * refused unless their table is registered APPEND_ONLY).
   */
  @Value.Default
  public WriteModePolicy writeModes() {
    return WriteModePolicy.loadOnly();
  }

  /**
   * Publishes {@code courtside.batch.rows} (tag {@code outcome}: accepted, written, dead_lettered,
   * refused), {@code courtside.batch.requests}, {@code courtside.batch.retries} and the gauges
   * {@code courtside.batch.pending} and {@code courtside.batch.paused}, tagged with writer name and
   * table.
   */
  public abstract Optional<MeterRegistry> meterRegistry();

  /**
   * The sink's circuit breaker (e.g. a {@code core.breaker.Breaker}). Every request asks it first
   * and reports its outcome to it; while it is OPEN the writer pauses instead of spending retry
   * attempts: the batch stays pending (counted in {@link BatchWriterStats#pending()}), the buffer
   * keeps accepting rows up to its capacity, and sending resumes once the breaker lets a trial call
   * through (half-open). A close that times out while paused dead-letters the held rows. Default:
   * none, every retry goes to the sink.
   */
  public abstract Optional<RequestGate> breaker();

  /**
   * Also closes the writer (draining its rows) when the JVM shuts down normally, e.g. on SIGTERM
   * from Cloud Run; an explicit {@link BatchWriter#close()} removes the hook. Default false.
   */
  @Value.Default
  public boolean closeOnShutdown() {
    return false;
  }

  /** The dead-letter sink chosen by {@link #deadLetters()} or {@link #deadLetterFolder()}. */
  @Value.Derived
  @Value.Auxiliary
  DeadLetterSink chosenDeadLetters() {
    return deadLetters()
        .or(() -> deadLetterFolder().map(NdjsonDeadLetterSink::inFolder))
        .orElseThrow(this::noDeadLetters);
  }

  @Value.Check
  void check() {
    if (deadLetters().isPresent() && deadLetterFolder().isPresent()) {
      throw new IllegalArgumentException(
          "batch writer "
              + config().name()
              + " for "
              + sink().table()
              + " has both deadLetters and deadLetterFolder: choose one");
    }
    if (deadLetters().isEmpty() && deadLetterFolder().isEmpty()) {
      throw noDeadLetters();
    }
  }

  private IllegalStateException noDeadLetters() {
    return new IllegalStateException(
        "batch writer "
            + config().name()
            + " for "
            + sink().table()
            + " has no dead-letter sink: choose deadLetterFolder(path) to keep undeliverable"
            + " rows in replayable NDJSON files, deadLetters(sink) for your own durable sink,"
            + " or deadLetters(DeadLetterSink.logging()) to accept losing them to the log");
  }

  /**
   * Builds a {@link BatchWriterSetup} ({@link #buildSetup()}) or directly the {@link BatchWriter}
   * ({@link #build()}).
   */
  public static final class Builder extends ImmutableBatchWriterSetup.Builder {
    Builder() {}

    /**
     * The writer. Throws {@link IllegalStateException} when no dead-letter sink was chosen ({@link
     * #deadLetters} or {@link #deadLetterFolder}), and {@link WriteModeViolationException} when the
     * sink streams into a table the policy says is MUTABLE.
     */
    public BatchWriter build() {
      return BatchWriter.create(buildSetup());
    }
  }
}

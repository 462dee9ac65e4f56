package io.github.courtside.core.batch;

import io.github.courtside.core.ValueStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * Immutable settings of a {@link BatchWriter}: when to flush (row count, estimated bytes, age of
 * the oldest row, whichever comes first), how large the buffer may grow and what happens when it is
 * full, how failed requests are retried, and how long {@link BatchWriter#close()} waits.
 *
 * <p>The defaults follow the old platform's writer (100 rows or 30 s) plus what it lacked: a byte
 * limit under BigQuery's 10 MB streaming request limit, a bounded buffer, and five attempts with
 * exponential backoff from 1 s, factor 2, at most 30 s, with 50 % jitter.
 *
 * <pre>{@code
 * BatchWriterConfig config = BatchWriterConfig.builder()
 *     .name("quality-issues")
 *     .maxRows(500)
 *     .maxBytes(5_000_000)
 *     .maxAge(Duration.ofSeconds(20))
 *     .capacity(10_000)
 *     .backpressure(BackpressurePolicy.BLOCK)
 *     .blockTimeout(Duration.ofSeconds(5))
 *     .maxAttempts(5)
 *     .build();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class BatchWriterConfig {
  BatchWriterConfig() {}

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static BatchWriterConfig defaults() {
    return builder().build();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** The writer's name, used in logs, metrics tags and errors. Default {@code batch-writer}. */
  @Value.Default
  public String name() {
    return "batch-writer";
  }

  /** Flush when this many rows are buffered; also the most rows in one request. Default 100. */
  @Value.Default
  public int maxRows() {
    return 100;
  }

  /**
   * Flush when the buffered rows' size (UTF-8 bytes of their JSON form) reaches this; also the most
   * bytes in one request (a larger row is refused at {@code add} with {@link
   * RowTooLargeException}). Default 9 MB.
   */
  @Value.Default
  public long maxBytes() {
    return 9_000_000;
  }

  /** Flush when the oldest buffered row is this old. Default 30 s. */
  @Value.Default
  public Duration maxAge() {
    return Duration.ofSeconds(30);
  }

  /** The most rows buffered (not counting the request in flight). Default 10,000. */
  @Value.Default
  public int capacity() {
    return 10_000;
  }

  /**
   * What a full buffer does to {@link BatchWriter#add}. Default {@link BackpressurePolicy#BLOCK}.
   */
  @Value.Default
  public BackpressurePolicy backpressure() {
    return BackpressurePolicy.BLOCK;
  }

  /** How long {@link BackpressurePolicy#BLOCK} waits for room. Default 10 s. */
  @Value.Default
  public Duration blockTimeout() {
    return Duration.ofSeconds(10);
  }

  /** Requests per batch, the first included, before its rows are dead-lettered. Default 5. */
  @Value.Default
  public int maxAttempts() {
    return 5;
  }

  /** The wait before the first retry. Default 1 s. */
  @Value.Default
  public Duration initialBackoff() {
    return Duration.ofSeconds(1);
  }

  /** The factor by which each further wait grows. Default 2. */
  @Value.Default
  public double backoffMultiplier() {
    return 2.0;
  }

  /** The longest wait between attempts. Default 30 s. */
  @Value.Default
  public Duration maxBackoff() {
    return Duration.ofSeconds(30);
  }

  /**
   * The randomisation factor of each wait: a wait {@code w} becomes uniform in {@code [w(1-j),
   * w(1+j)]}. Default 0.5.
   */
  @Value.Default
  public double jitter() {
    return 0.5;
  }

  /** How long {@link BatchWriter#close()} waits for the last rows. Default 2 minutes. */
  @Value.Default
  public Duration closeTimeout() {
    return Duration.ofMinutes(2);
  }

  @Value.Check
  void check() {
    require(!name().isBlank(), "name must not be blank");
    require(maxRows() >= 1, "maxRows must be >= 1, was " + maxRows());
    require(maxBytes() >= 1, "maxBytes must be >= 1, was " + maxBytes());
    require(isPositive(maxAge()), "maxAge must be positive, was " + maxAge());
    require(capacity() >= 1, "capacity must be >= 1, was " + capacity());
    require(!blockTimeout().isNegative(), "blockTimeout must not be negative");
    require(maxAttempts() >= 1, "maxAttempts must be >= 1, was " + maxAttempts());
    require(
        initialBackoff().toMillis() >= 1,
        "initialBackoff must be at least 1 ms, was " + initialBackoff());
    require(
        backoffMultiplier() >= 1.0, "backoffMultiplier must be >= 1, was " + backoffMultiplier());
    require(maxBackoff().compareTo(initialBackoff()) >= 0, "maxBackoff must be >= initialBackoff");
    require(jitter() >= 0.0 && jitter() < 1.0, "jitter must be in [0, 1), was " + jitter());
    require(!closeTimeout().isNegative(), "closeTimeout must not be negative");
  }

  private static boolean isPositive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Builds a {@link BatchWriterConfig}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableBatchWriterConfig.Builder {
    Builder() {}
  }
}

package io.github.courtside.core.batch;

import java.time.Duration;
import java.util.Objects;

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
public final class BatchWriterConfig {
  private final String name;
  private final int maxRows;
  private final long maxBytes;
  private final Duration maxAge;
  private final int capacity;
  private final BackpressurePolicy backpressure;
  private final Duration blockTimeout;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final double backoffMultiplier;
  private final Duration maxBackoff;
  private final double jitter;
  private final Duration closeTimeout;

  private BatchWriterConfig(Builder b) {
    this.name = b.name;
    this.maxRows = b.maxRows;
    this.maxBytes = b.maxBytes;
    this.maxAge = b.maxAge;
    this.capacity = b.capacity;
    this.backpressure = b.backpressure;
    this.blockTimeout = b.blockTimeout;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.backoffMultiplier = b.backoffMultiplier;
    this.maxBackoff = b.maxBackoff;
    this.jitter = b.jitter;
    this.closeTimeout = b.closeTimeout;
  }

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
    Builder b = new Builder();
    b.name = name;
    b.maxRows = maxRows;
    b.maxBytes = maxBytes;
    b.maxAge = maxAge;
    b.capacity = capacity;
    b.backpressure = backpressure;
    b.blockTimeout = blockTimeout;
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.backoffMultiplier = backoffMultiplier;
    b.maxBackoff = maxBackoff;
    b.jitter = jitter;
    b.closeTimeout = closeTimeout;
    return b;
  }

  /** The writer's name, used in logs, metrics tags and errors. Default {@code batch-writer}. */
  public String name() {
    return name;
  }

  /** Flush when this many rows are buffered; also the most rows in one request. Default 100. */
  public int maxRows() {
    return maxRows;
  }

  /**
   * Flush when the buffered rows' size (UTF-8 bytes of their JSON form) reaches this; also the most
   * bytes in one request (a larger row is refused at {@code add} with {@link
   * RowTooLargeException}). Default 9 MB.
   */
  public long maxBytes() {
    return maxBytes;
  }

  /** Flush when the oldest buffered row is this old. Default 30 s. */
  public Duration maxAge() {
    return maxAge;
  }

  /** The most rows buffered (not counting the request in flight). Default 10,000. */
  public int capacity() {
    return capacity;
  }

  /**
   * What a full buffer does to {@link BatchWriter#add}. Default {@link BackpressurePolicy#BLOCK}.
   */
  public BackpressurePolicy backpressure() {
    return backpressure;
  }

  /** How long {@link BackpressurePolicy#BLOCK} waits for room. Default 10 s. */
  public Duration blockTimeout() {
    return blockTimeout;
  }

  /** Requests per batch, the first included, before its rows are dead-lettered. Default 5. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The wait before the first retry. Default 1 s. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The factor by which each further wait grows. Default 2. */
  public double backoffMultiplier() {
    return backoffMultiplier;
  }

  /** The longest wait between attempts. Default 30 s. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * The randomisation factor of each wait: a wait {@code w} becomes uniform in {@code [w(1-j),
   * w(1+j)]}. Default 0.5.
   */
  public double jitter() {
    return jitter;
  }

  /** How long {@link BatchWriter#close()} waits for the last rows. Default 2 minutes. */
  public Duration closeTimeout() {
    return closeTimeout;
  }

  @Override
  public String toString() {
    return "BatchWriterConfig[name="
        + name
        + ", maxRows="
        + maxRows
        + ", maxBytes="
        + maxBytes
        + ", maxAge="
        + maxAge
        + ", capacity="
        + capacity
        + ", backpressure="
        + backpressure
        + ", maxAttempts="
        + maxAttempts
        + "]";
  }

  /** Builds a {@link BatchWriterConfig}; {@link #build()} checks the values. */
  public static final class Builder {
    private String name = "batch-writer";
    private int maxRows = 100;
    private long maxBytes = 9_000_000;
    private Duration maxAge = Duration.ofSeconds(30);
    private int capacity = 10_000;
    private BackpressurePolicy backpressure = BackpressurePolicy.BLOCK;
    private Duration blockTimeout = Duration.ofSeconds(10);
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private double backoffMultiplier = 2.0;
    private Duration maxBackoff = Duration.ofSeconds(30);
    private double jitter = 0.5;
    private Duration closeTimeout = Duration.ofMinutes(2);

    private Builder() {}

    /** See {@link BatchWriterConfig#name()}. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** See {@link BatchWriterConfig#maxRows()}. */
    public Builder maxRows(int maxRows) {
      this.maxRows = maxRows;
      return this;
    }

    /** See {@link BatchWriterConfig#maxBytes()}. */
    public Builder maxBytes(long maxBytes) {
      this.maxBytes = maxBytes;
      return this;
    }

    /** See {@link BatchWriterConfig#maxAge()}. */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
      return this;
    }

    /** See {@link BatchWriterConfig#capacity()}. */
    public Builder capacity(int capacity) {
      this.capacity = capacity;
      return this;
    }

    /** See {@link BatchWriterConfig#backpressure()}. */
    public Builder backpressure(BackpressurePolicy backpressure) {
      this.backpressure = Objects.requireNonNull(backpressure, "backpressure");
      return this;
    }

    /** See {@link BatchWriterConfig#blockTimeout()}. */
    public Builder blockTimeout(Duration blockTimeout) {
      this.blockTimeout = Objects.requireNonNull(blockTimeout, "blockTimeout");
      return this;
    }

    /** See {@link BatchWriterConfig#maxAttempts()}. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** See {@link BatchWriterConfig#initialBackoff()}. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
      return this;
    }

    /** See {@link BatchWriterConfig#backoffMultiplier()}. */
    public Builder backoffMultiplier(double backoffMultiplier) {
      this.backoffMultiplier = backoffMultiplier;
      return this;
    }

    /** See {@link BatchWriterConfig#maxBackoff()}. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
      return this;
    }

    /** See {@link BatchWriterConfig#jitter()}. */
    public Builder jitter(double jitter) {
      this.jitter = jitter;
      return this;
    }

    /** See {@link BatchWriterConfig#closeTimeout()}. */
    public Builder closeTimeout(Duration closeTimeout) {
      this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
      return this;
    }

    /** Checks the values and builds the config. */
    public BatchWriterConfig build() {
      require(!name.isBlank(), "name must not be blank");
      require(maxRows >= 1, "maxRows must be >= 1, was " + maxRows);
      require(maxBytes >= 1, "maxBytes must be >= 1, was " + maxBytes);
      require(isPositive(maxAge), "maxAge must be positive, was " + maxAge);
      require(capacity >= 1, "capacity must be >= 1, was " + capacity);
      require(!blockTimeout.isNegative(), "blockTimeout must not be negative");
      require(maxAttempts >= 1, "maxAttempts must be >= 1, was " + maxAttempts);
      require(
          initialBackoff.toMillis() >= 1,
          "initialBackoff must be at least 1 ms, was " + initialBackoff);
      require(backoffMultiplier >= 1.0, "backoffMultiplier must be >= 1, was " + backoffMultiplier);
      require(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff must be >= initialBackoff");
      require(jitter >= 0.0 && jitter < 1.0, "jitter must be in [0, 1), was " + jitter);
      require(!closeTimeout.isNegative(), "closeTimeout must not be negative");
      return new BatchWriterConfig(this);
    }

    private static boolean isPositive(Duration d) {
      return !d.isNegative() && !d.isZero();
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}

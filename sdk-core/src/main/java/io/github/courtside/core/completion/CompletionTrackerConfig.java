package io.github.courtside.core.completion;

import io.github.courtside.core.coordination.DocumentPaths;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable configuration of a {@link CompletionTracker}: where its documents live, its clock and
 * its stall rules. The defaults are the reference's (spec §3.4): a batch older than 30 minutes
 * times out; a batch at least 95 % complete with no progress for 10 minutes has stalled.
 *
 * <pre>{@code
 * CompletionTrackerConfig config = CompletionTrackerConfig.builder()
 *     .minStallFraction(0.90)                 // the scheduler's rule (I-8)
 *     .stallThreshold(Duration.ofMinutes(10))
 *     .maxBatchAge(Duration.ofMinutes(30))
 *     .retriggerAfter(Duration.ofMinutes(10)) // a closed batch nobody consumed triggers again
 *     .listener(new MicrometerCompletionMetrics(registry))
 *     .build();
 * }</pre>
 */
public final class CompletionTrackerConfig {
  /** Default root collection. */
  public static final String DEFAULT_COLLECTION = "completion";

  /** Default grace period before a closed, unconsumed batch is triggered again: 10 minutes. */
  public static final Duration DEFAULT_RETRIGGER_AFTER = Duration.ofMinutes(10);

  private final String collection;
  private final Clock clock;
  private final Duration maxBatchAge;
  private final Duration stallThreshold;
  private final double minStallFraction;
  private final Duration retriggerAfter;
  private final CompletionListener listener;

  private CompletionTrackerConfig(Builder builder) {
    this.collection = builder.collection;
    this.clock = builder.clock;
    this.maxBatchAge = builder.maxBatchAge;
    this.stallThreshold = builder.stallThreshold;
    this.minStallFraction = builder.minStallFraction;
    this.retriggerAfter = builder.retriggerAfter;
    this.listener = builder.listener;
  }

  /** The defaults. */
  public static CompletionTrackerConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The root collection of the tracker's documents. */
  public String collection() {
    return collection;
  }

  /** The clock batches are timed with. */
  public Clock clock() {
    return clock;
  }

  /** A batch older than this times out, whatever its progress. */
  public Duration maxBatchAge() {
    return maxBatchAge;
  }

  /** A batch far enough along with no record for this long has stalled. */
  public Duration stallThreshold() {
    return stallThreshold;
  }

  /** The completed fraction from which the stall rule applies. */
  public double minStallFraction() {
    return minStallFraction;
  }

  /**
   * The grace period of at-least-once delivery: a batch that closed (with a reason that {@linkplain
   * CloseReason#triggers() triggers}) and is not {@linkplain CompletionTracker#markConsumed marked
   * consumed} this long after its closure is triggered again ({@link
   * RecordOutcome.Status#RETRIGGER}), once per grace period. Longer than a consolidation normally
   * takes, so that a running one is not duplicated (a duplicate is harmless, only wasted work).
   */
  public Duration retriggerAfter() {
    return retriggerAfter;
  }

  /** Who hears closures, retriggers and consumptions. */
  public CompletionListener listener() {
    return listener;
  }

  @Override
  public String toString() {
    return "CompletionTrackerConfig[collection="
        + collection
        + ", maxBatchAge="
        + maxBatchAge
        + ", stallThreshold="
        + stallThreshold
        + ", minStallFraction="
        + minStallFraction
        + ", retriggerAfter="
        + retriggerAfter
        + "]";
  }

  /** Builds a {@link CompletionTrackerConfig}. */
  public static final class Builder {
    private String collection = DEFAULT_COLLECTION;
    private Clock clock = Clock.systemUTC();
    private Duration maxBatchAge = Duration.ofMinutes(30);
    private Duration stallThreshold = Duration.ofMinutes(10);
    private double minStallFraction = 0.95;
    private Duration retriggerAfter = DEFAULT_RETRIGGER_AFTER;
    private CompletionListener listener = CompletionListener.NONE;

    private Builder() {}

    /** The root collection; {@code completion} unless set. */
    public Builder collection(String collection) {
      this.collection = DocumentPaths.requireCollectionPath(collection);
      return this;
    }

    /** The clock; the system UTC clock unless set. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Maximum batch age (positive); 30 minutes unless set. */
    public Builder maxBatchAge(Duration maxBatchAge) {
      this.maxBatchAge = positive("maxBatchAge", maxBatchAge);
      return this;
    }

    /** No-progress threshold of the stall rule (positive); 10 minutes unless set. */
    public Builder stallThreshold(Duration stallThreshold) {
      this.stallThreshold = positive("stallThreshold", stallThreshold);
      return this;
    }

    /** Completed fraction (0 to 1) from which the stall rule applies; 0.95 unless set. */
    public Builder minStallFraction(double minStallFraction) {
      if (!(minStallFraction >= 0 && minStallFraction <= 1)) {
        throw new IllegalArgumentException(
            "minStallFraction must lie in [0, 1], was " + minStallFraction);
      }
      this.minStallFraction = minStallFraction;
      return this;
    }

    /**
     * The grace period after which a closed, unconsumed batch is triggered again (positive); 10
     * minutes unless set.
     */
    public Builder retriggerAfter(Duration retriggerAfter) {
      this.retriggerAfter = positive("retriggerAfter", retriggerAfter);
      return this;
    }

    /** Who hears closures, retriggers and consumptions; nobody unless set. */
    public Builder listener(CompletionListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The configuration. */
    public CompletionTrackerConfig build() {
      return new CompletionTrackerConfig(this);
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}

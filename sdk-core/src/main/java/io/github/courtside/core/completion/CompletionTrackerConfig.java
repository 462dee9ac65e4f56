package io.github.courtside.core.completion;

import io.github.courtside.core.ValueStyle;
import io.github.courtside.core.coordination.DocumentPaths;
import java.time.Clock;
import java.time.Duration;
import org.immutables.value.Value;

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
@ValueStyle
@Value.Immutable
public abstract class CompletionTrackerConfig {
  /** Default root collection. */
  public static final String DEFAULT_COLLECTION = "completion";

  /** Default grace period before a closed, unconsumed batch is triggered again: 10 minutes. */
  public static final Duration DEFAULT_RETRIGGER_AFTER = Duration.ofMinutes(10);

  CompletionTrackerConfig() {}

  /** The defaults. */
  public static CompletionTrackerConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** The root collection of the tracker's documents; {@code completion} unless set. */
  @Value.Default
  public String collection() {
    return DEFAULT_COLLECTION;
  }

  /** The clock batches are timed with; the system UTC clock unless set. */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /** A batch older than this times out, whatever its progress (positive); 30 minutes unless set. */
  @Value.Default
  public Duration maxBatchAge() {
    return Duration.ofMinutes(30);
  }

  /**
   * A batch far enough along with no record for this long has stalled (positive); 10 minutes unless
   * set.
   */
  @Value.Default
  public Duration stallThreshold() {
    return Duration.ofMinutes(10);
  }

  /** The completed fraction (0 to 1) from which the stall rule applies; 0.95 unless set. */
  @Value.Default
  public double minStallFraction() {
    return 0.95;
  }

  /**
   * The grace period of at-least-once delivery: a batch that closed (with a reason that {@linkplain
   * CloseReason#triggers() triggers}) and is not {@linkplain CompletionTracker#markConsumed marked
   * consumed} this long after its closure is triggered again ({@link
   * RecordOutcome.Status#RETRIGGER}), once per grace period. Longer than a consolidation normally
   * takes, so that a running one is not duplicated (a duplicate is harmless, only wasted work).
   * Positive; {@link #DEFAULT_RETRIGGER_AFTER} unless set.
   */
  @Value.Default
  public Duration retriggerAfter() {
    return DEFAULT_RETRIGGER_AFTER;
  }

  /** Who hears closures, retriggers and consumptions; nobody unless set. */
  @Value.Default
  public CompletionListener listener() {
    return CompletionListener.NONE;
  }

  @Value.Check
  void check() {
    DocumentPaths.requireCollectionPath(collection());
    positive("maxBatchAge", maxBatchAge());
    positive("stallThreshold", stallThreshold());
    if (!(minStallFraction() >= 0 && minStallFraction() <= 1)) {
      throw new IllegalArgumentException(
          "minStallFraction must lie in [0, 1], was " + minStallFraction());
    }
    positive("retriggerAfter", retriggerAfter());
  }

  private static void positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  @Override
  public String toString() {
    return "CompletionTrackerConfig[collection="
        + collection()
        + ", maxBatchAge="
        + maxBatchAge()
        + ", stallThreshold="
        + stallThreshold()
        + ", minStallFraction="
        + minStallFraction()
        + ", retriggerAfter="
        + retriggerAfter()
        + "]";
  }

  /** Builds a {@link CompletionTrackerConfig}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableCompletionTrackerConfig.Builder {
    Builder() {}
  }
}

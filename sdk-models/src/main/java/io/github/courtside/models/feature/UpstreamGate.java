package io.github.courtside.models.feature;

import io.github.courtside.core.ValueStyle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * Refuses to build features while an upstream table is incomplete (spec-ml §6 #10: the feature
 * store ran before the precompute phase finished, every player got defaults, and false high-edge
 * UNDERs followed). An upstream is complete for a date when it has at least {@code minimumRows}
 * rows and, for a same-day run, was written no more than {@code maximumAge} ago.
 *
 * <pre>{@code
 * UpstreamGate gate = UpstreamGate.builder().clock(clock).build(); // 50 rows, 6 hours
 * gate.requireComplete("player_composite_factors", rowCount, lastWrite, sameDay);
 * List<FeatureVector> slate = extractor.extractAll(requests);
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class UpstreamGate {
  UpstreamGate() {}

  /** A builder with the reference thresholds: 50 rows, 6 hours, the system UTC clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** The gate with the reference thresholds. */
  public static UpstreamGate defaults() {
    return builder().build();
  }

  /** The fewest rows an upstream needs for the date (not negative); 50 unless set. */
  @Value.Default
  public long minimumRows() {
    return 50;
  }

  /** The oldest a same-day upstream may be (not negative); 6 hours unless set. */
  @Value.Default
  public Duration maximumAge() {
    return Duration.ofHours(6);
  }

  /** The clock ages are measured with; the system UTC clock unless set. */
  @Value.Default
  @Value.Auxiliary
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Value.Check
  void check() {
    if (minimumRows() < 0) {
      throw new IllegalArgumentException("minimum rows must be >= 0: " + minimumRows());
    }
    if (maximumAge().isNegative()) {
      throw new IllegalArgumentException("maximum age must not be negative: " + maximumAge());
    }
  }

  /**
   * Passes when the upstream is complete.
   *
   * @param upstream the upstream table's name (for the error)
   * @param rows the upstream's row count for the date
   * @param lastWrite when the upstream was last written
   * @param sameDay whether the run is for today (freshness applies only then)
   * @throws UpstreamIncompleteException when it is not
   */
  public void requireComplete(String upstream, long rows, Instant lastWrite, boolean sameDay) {
    if (rows < minimumRows()) {
      throw new UpstreamIncompleteException(
          upstream, "has " + rows + " rows, needs at least " + minimumRows());
    }
    Duration age = Duration.between(lastWrite, clock().instant());
    if (sameDay && age.compareTo(maximumAge()) > 0) {
      throw new UpstreamIncompleteException(
          upstream, "was last written " + age + " ago, more than " + maximumAge());
    }
  }

  /** Builds an {@link UpstreamGate}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableUpstreamGate.Builder {
    Builder() {}
  }
}

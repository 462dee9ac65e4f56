package io.github.courtside.models.feature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

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
public final class UpstreamGate {
  private final long minimumRows;
  private final Duration maximumAge;
  private final Clock clock;

  private UpstreamGate(long minimumRows, Duration maximumAge, Clock clock) {
    this.minimumRows = minimumRows;
    this.maximumAge = maximumAge;
    this.clock = clock;
  }

  /** A builder with the reference thresholds: 50 rows, 6 hours, the system UTC clock. */
  public static Builder builder() {
    return new Builder();
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
    if (rows < minimumRows) {
      throw new UpstreamIncompleteException(
          upstream, "has " + rows + " rows, needs at least " + minimumRows);
    }
    Duration age = Duration.between(lastWrite, clock.instant());
    if (sameDay && age.compareTo(maximumAge) > 0) {
      throw new UpstreamIncompleteException(
          upstream, "was last written " + age + " ago, more than " + maximumAge);
    }
  }

  /** Builds an {@link UpstreamGate}. */
  public static final class Builder {
    private long minimumRows = 50;
    private Duration maximumAge = Duration.ofHours(6);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The fewest rows an upstream needs for the date. */
    public Builder minimumRows(long value) {
      if (value < 0) {
        throw new IllegalArgumentException("minimum rows must be >= 0: " + value);
      }
      minimumRows = value;
      return this;
    }

    /** The oldest a same-day upstream may be. */
    public Builder maximumAge(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("maximum age must not be negative: " + value);
      }
      maximumAge = value;
      return this;
    }

    /** The clock ages are measured with. */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The gate. */
    public UpstreamGate build() {
      return new UpstreamGate(minimumRows, maximumAge, clock);
    }
  }
}

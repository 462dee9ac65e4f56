package io.github.courtside.models.grading;

import io.github.courtside.core.ValueStyle;
import org.immutables.value.Value;

/**
 * Settings of the {@link AccuracyMonitor}.
 *
 * <pre>{@code
 * AccuracyMonitorConfig config = AccuracyMonitorConfig.builder()
 *     .windowDays(7).threshold(AccuracyMonitor.BREAK_EVEN_AT_MINUS_110).minimumPicks(30).build();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class AccuracyMonitorConfig {
  AccuracyMonitorConfig() {}

  /** Seven-day window, break-even threshold, 50 picks minimum. */
  public static AccuracyMonitorConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The rolling window length in days (at least 1); 7 unless set. */
  @Value.Default
  public int windowDays() {
    return 7;
  }

  /**
   * The hit rate a window's 95% Wilson upper bound must fall below to alert, within (0, 1); {@link
   * AccuracyMonitor#BREAK_EVEN_AT_MINUS_110} unless set.
   */
  @Value.Default
  public double threshold() {
    return AccuracyMonitor.BREAK_EVEN_AT_MINUS_110;
  }

  /** The fewest decided picks a window needs before it can alert (at least 1); 50 unless set. */
  @Value.Default
  public long minimumPicks() {
    return 50;
  }

  @Value.Check
  void check() {
    if (windowDays() < 1) {
      throw new IllegalArgumentException("window must be at least one day: " + windowDays());
    }
    if (!(threshold() > 0 && threshold() < 1)) {
      throw new IllegalArgumentException("threshold must be within (0, 1): " + threshold());
    }
    if (minimumPicks() < 1) {
      throw new IllegalArgumentException("minimum picks must be at least 1: " + minimumPicks());
    }
  }

  /** Builds an {@link AccuracyMonitorConfig}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableAccuracyMonitorConfig.Builder {
    Builder() {}
  }
}

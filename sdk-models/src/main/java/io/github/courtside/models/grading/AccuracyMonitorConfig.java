package io.github.courtside.models.grading;

/**
 * Settings of the {@link AccuracyMonitor}.
 *
 * <pre>{@code
 * AccuracyMonitorConfig config = AccuracyMonitorConfig.builder()
 *     .windowDays(7).threshold(AccuracyMonitor.BREAK_EVEN_AT_MINUS_110).minimumPicks(30).build();
 * }</pre>
 *
 * @param windowDays the rolling window length in days
 * @param threshold the hit rate a window's 95% Wilson upper bound must fall below to alert
 * @param minimumPicks the fewest decided picks a window needs before it can alert
 */
public record AccuracyMonitorConfig(int windowDays, double threshold, long minimumPicks) {
  public AccuracyMonitorConfig {
    if (windowDays < 1) {
      throw new IllegalArgumentException("window must be at least one day: " + windowDays);
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be within (0, 1): " + threshold);
    }
    if (minimumPicks < 1) {
      throw new IllegalArgumentException("minimum picks must be at least 1: " + minimumPicks);
    }
  }

  /** Seven-day window, break-even threshold, 50 picks minimum. */
  public static AccuracyMonitorConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AccuracyMonitorConfig}. */
  public static final class Builder {
    private int windowDays = 7;
    private double threshold = AccuracyMonitor.BREAK_EVEN_AT_MINUS_110;
    private long minimumPicks = 50;

    private Builder() {}

    /** The rolling window in days. */
    public Builder windowDays(int value) {
      windowDays = value;
      return this;
    }

    /** The alert threshold. */
    public Builder threshold(double value) {
      threshold = value;
      return this;
    }

    /** The fewest decided picks for an alert. */
    public Builder minimumPicks(long value) {
      minimumPicks = value;
      return this;
    }

    /** The config. */
    public AccuracyMonitorConfig build() {
      return new AccuracyMonitorConfig(windowDays, threshold, minimumPicks);
    }
  }
}

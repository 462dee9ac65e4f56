package io.github.courtside.models.grading;

/**
 * A Wilson score interval for a hit rate: with 29 picks a 58.6% hit rate is [40.7%, 74.5%], so it
 * says nothing about beating the 52.38% break-even. Alerts use the upper bound: a model is below
 * break-even only when even the interval's top is.
 *
 * <pre>{@code
 * HitRateInterval ci = HitRateInterval.wilson95(17, 29);
 * boolean provablyLosing = ci.upper() < AccuracyMonitor.BREAK_EVEN_AT_MINUS_110;
 * }</pre>
 *
 * @param wins the wins
 * @param decided the decided picks (wins plus losses)
 * @param lower the interval's lower bound
 * @param upper the interval's upper bound
 */
public record HitRateInterval(long wins, long decided, double lower, double upper) {
  /** The normal quantile of a two-sided 95% interval. */
  public static final double Z_95 = 1.959963984540054;

  public HitRateInterval {
    if (decided < 1 || wins < 0 || wins > decided) {
      throw new IllegalArgumentException(
          "need 0 <= wins <= decided and decided >= 1: " + wins + " of " + decided);
    }
  }

  /** The 95% Wilson interval of {@code wins} out of {@code decided}. */
  public static HitRateInterval wilson95(long wins, long decided) {
    return wilson(wins, decided, Z_95);
  }

  /**
   * The Wilson interval of {@code wins} out of {@code decided} for the normal quantile {@code z}.
   */
  public static HitRateInterval wilson(long wins, long decided, double z) {
    if (decided < 1) {
      throw new IllegalArgumentException("an interval needs at least one decided pick");
    }
    double n = decided;
    double p = wins / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double center = (p + z2 / (2 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    return new HitRateInterval(
        wins, decided, Math.max(0, center - half), Math.min(1, center + half));
  }

  /** The point estimate wins / decided. */
  public double hitRate() {
    return (double) wins / decided;
  }

  /** Whether the whole interval lies below {@code threshold}. */
  public boolean entirelyBelow(double threshold) {
    return upper < threshold;
  }
}

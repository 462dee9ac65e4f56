package io.github.courtside.examples.report;

/**
 * The Wilson score interval of a hit rate: where the true rate lies with 95% confidence given
 * {@code wins} of {@code decided} picks. Unlike the normal approximation it stays within [0, 1] and
 * is honest for small samples.
 *
 * @param low the lower bound
 * @param high the upper bound
 */
record Wilson(double low, double high) {
  private static final double Z = 1.959963984540054;

  static Wilson of(long wins, long decided) {
    if (decided <= 0) {
      return new Wilson(0, 1);
    }
    double n = decided;
    double p = wins / n;
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    return new Wilson(Math.max(0, centre - half), Math.min(1, centre + half));
  }
}

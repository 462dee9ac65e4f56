package io.github.courtside.models.feature;

import java.util.List;

/** Small descriptive statistics over lists of doubles. */
final class Stats {
  private Stats() {}

  static double mean(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.size();
  }

  /** Sample standard deviation; 0 with fewer than two values. */
  static double sampleStd(List<Double> values) {
    int n = values.size();
    if (n < 2) {
      return 0.0;
    }
    double mean = mean(values);
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return Math.sqrt(squares / (n - 1));
  }

  /** OLS slope of values against x = firstX, firstX+1, ...; 0 when the denominator is 0. */
  static double slope(List<Double> values, int firstX) {
    int n = values.size();
    double sx = 0;
    double sy = 0;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      double x = firstX + i;
      double y = values.get(i);
      sx += x;
      sy += y;
      sxy += x * y;
      sxx += x * x;
    }
    double denominator = n * sxx - sx * sx;
    if (denominator == 0) {
      return 0.0;
    }
    return (n * sxy - sx * sy) / denominator;
  }
}

package io.github.courtside.models.prediction;

/**
 * What a prediction recommends against the betting line.
 *
 * <pre>{@code
 * Recommendation pick = Recommendation.of(predicted - line, 1.5); // OVER, UNDER or PASS
 * }</pre>
 */
public enum Recommendation {
  /** The prediction exceeds the line by at least the minimum edge. */
  OVER,
  /** The prediction falls short of the line by at least the minimum edge. */
  UNDER,
  /** The edge is too small, or there is no usable line. */
  PASS;

  /**
   * The recommendation for {@code edge = predicted - line}: OVER when {@code edge >= minEdge},
   * UNDER when {@code edge <= -minEdge}, PASS otherwise (including a NaN edge).
   *
   * @param minEdge the smallest absolute edge worth a pick, in points; must be positive
   */
  public static Recommendation of(double edge, double minEdge) {
    if (!(minEdge > 0) || Double.isInfinite(minEdge)) {
      throw new IllegalArgumentException("minimum edge must be a positive number, was " + minEdge);
    }
    if (edge >= minEdge) {
      return OVER;
    }
    if (edge <= -minEdge) {
      return UNDER;
    }
    return PASS;
  }

  /** Whether this is a pick (OVER or UNDER) that counts towards hit rate. */
  public boolean isPick() {
    return this != PASS;
  }
}

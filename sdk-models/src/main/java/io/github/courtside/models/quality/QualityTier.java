package io.github.courtside.models.quality;

/**
 * Feature-store quality tiers (spec-ml §1.6): ≥95 gold, ≥85 silver, ≥70 bronze, ≥50 poor, else
 * critical.
 *
 * <pre>{@code
 * QualityTier tier = QualityTier.of(87.0); // SILVER
 * }</pre>
 */
public enum QualityTier {
  /** Score ≥ 95. */
  GOLD,
  /** Score ≥ 85. */
  SILVER,
  /** Score ≥ 70. */
  BRONZE,
  /** Score ≥ 50. */
  POOR,
  /** Score below 50. */
  CRITICAL;

  /** The tier of a 0-100 score. */
  public static QualityTier of(double score) {
    if (score >= 95) {
      return GOLD;
    }
    if (score >= 85) {
      return SILVER;
    }
    if (score >= 70) {
      return BRONZE;
    }
    if (score >= 50) {
      return POOR;
    }
    return CRITICAL;
  }

  /** The lowest score of this tier. */
  public double floor() {
    return switch (this) {
      case GOLD -> 95;
      case SILVER -> 85;
      case BRONZE -> 70;
      case POOR -> 50;
      case CRITICAL -> 0;
    };
  }
}

package io.github.courtside.models.quality;

/**
 * Quality alert level (spec-ml §1.6): red when the matchup quality is below 50 or the score is
 * below 50; yellow when a required feature is defaulted, the score is below 70 or the matchup
 * quality is below 70; else green.
 *
 * <pre>{@code
 * boolean hardBlock = report.alertLevel() == AlertLevel.RED;
 * }</pre>
 */
public enum AlertLevel {
  /** Nothing to report. */
  GREEN,
  /** Degraded: defaults present or quality below 70. */
  YELLOW,
  /** Unusable: blocks a prediction. */
  RED
}

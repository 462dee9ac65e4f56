package io.github.courtside.bigquery.quality;

/**
 * How bad a {@link QualityIssue} is. {@link #HIGH} and {@link #CRITICAL} issues are also logged at
 * WARN when recorded.
 *
 * <pre>{@code
 * QualityIssue.of("player_game", "lebronjames", "missing_minutes", IssueSeverity.HIGH, details, now);
 * }</pre>
 */
public enum IssueSeverity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}

package io.github.courtside.models.quality;

import io.github.courtside.core.CourtsideException;

/**
 * A feature vector blocked by the readiness gate (spec-ml §1.6, §2.15): it must not be predicted
 * on. Carries the full {@link QualityReport}.
 *
 * <pre>{@code
 * try {
 *   scorer.requireReady(vector);
 * } catch (QualityGateException e) {
 *   log.warn("blocked: {}", e.report().blockingReasons());
 * }
 * }</pre>
 */
public final class QualityGateException extends CourtsideException {
  private static final long serialVersionUID = 1L;
  private final transient QualityReport report;

  /** The vector described by {@code report} is not quality-ready. */
  public QualityGateException(QualityReport report) {
    super("feature vector blocked by the quality gate: " + report.blockingReasons());
    this.report = report;
  }

  /** The quality report, with the blocking reasons. */
  public QualityReport report() {
    return report;
  }
}

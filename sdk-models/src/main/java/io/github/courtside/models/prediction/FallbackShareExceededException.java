package io.github.courtside.models.prediction;

import io.github.courtside.core.CourtsideException;
import java.util.Locale;

/**
 * More than the configured share of a slate fell back or was blocked by the quality gate: the slate
 * is not published ({@link FallbackPredictorSetup#maxFallbackShare}).
 *
 * <pre>{@code
 * try {
 *   predictor.predictAll(slate);
 * } catch (FallbackShareExceededException e) {
 *   alert(e.getMessage()); // "... 7 of 10 (70.0%) ... threshold 50.0%"
 * }
 * }</pre>
 */
public final class FallbackShareExceededException extends CourtsideException {
  private static final long serialVersionUID = 1L;
  private final int fellBack;
  private final int slateSize;
  private final double threshold;

  /** {@code fellBack} of {@code slateSize} predictions of model {@code modelId} fell back. */
  public FallbackShareExceededException(
      String modelId, int fellBack, int slateSize, double threshold) {
    super(
        String.format(
            Locale.ROOT,
            "model %s: %d of %d predictions (%.1f%%) fell back or were blocked, above the"
                + " threshold %.1f%%",
            modelId,
            fellBack,
            slateSize,
            100.0 * fellBack / slateSize,
            100.0 * threshold));
    this.fellBack = fellBack;
    this.slateSize = slateSize;
    this.threshold = threshold;
  }

  /** The share of the slate that fell back or was blocked. */
  public double share() {
    return (double) fellBack / slateSize;
  }

  /** The configured threshold. */
  public double threshold() {
    return threshold;
  }

  /** How many predictions fell back or were blocked. */
  public int fellBack() {
    return fellBack;
  }

  /** The slate size. */
  public int slateSize() {
    return slateSize;
  }
}

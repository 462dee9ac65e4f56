package io.github.courtside.models.grading;

/**
 * How one graded prediction turned out. Only {@link #WIN} and {@link #LOSS} count towards hit rate;
 * everything else is reported separately (spec-ml §4.4).
 *
 * <pre>{@code
 * long picks = graded.stream().filter(g -> g.outcome().isDecided()).count();
 * }</pre>
 */
public enum Outcome {
  /** The OVER/UNDER pick was right. */
  WIN,
  /** The OVER/UNDER pick was wrong. */
  LOSS,
  /** The actual points equalled the line. */
  PUSH,
  /** The player did not play (or no result): the bet is void. */
  VOID,
  /** The prediction recommended no bet. */
  PASS,
  /** The prediction had no line (graded for error only). */
  NO_LINE;

  /** Whether this outcome counts towards hit rate (a win or a loss). */
  public boolean isDecided() {
    return this == WIN || this == LOSS;
  }
}

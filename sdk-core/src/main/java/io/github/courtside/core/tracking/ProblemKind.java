package io.github.courtside.core.tracking;

/**
 * Whether a recorded problem is an error or a soft issue.
 *
 * <pre>{@code
 * if (problem.kind() == ProblemKind.ERROR) { ... }
 * }</pre>
 */
public enum ProblemKind {
  /**
   * Something went wrong while handling an element that was there: an exception was caught or the
   * element had to be dropped. Errors count towards the section's threshold.
   */
  ERROR,
  /**
   * An expected element was not found, or was kept in a degraded form. Issues are counted and
   * sampled but never make a section incomplete.
   */
  ISSUE
}

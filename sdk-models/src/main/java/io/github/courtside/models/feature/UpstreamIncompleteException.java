package io.github.courtside.models.feature;

import io.github.courtside.core.CourtsideException;

/**
 * An upstream table is not complete enough to build features from.
 *
 * <pre>{@code
 * try {
 *   gate.requireComplete("player_daily_cache", rows, lastWrite, true);
 * } catch (UpstreamIncompleteException e) {
 *   scheduler.retryLater(e.upstream());
 * }
 * }</pre>
 */
public final class UpstreamIncompleteException extends CourtsideException {
  private static final long serialVersionUID = 1L;
  private final String upstream;

  /** {@code upstream} is incomplete because {@code why}. */
  public UpstreamIncompleteException(String upstream, String why) {
    super("upstream " + upstream + " is incomplete: " + why + "; refusing to build features");
    this.upstream = upstream;
  }

  /** The incomplete upstream. */
  public String upstream() {
    return upstream;
  }
}

package io.github.courtside.core.completion;

import io.github.courtside.core.CourtsideException;

/**
 * A batch was started for a scope that already has an active batch (I-23: one active batch per
 * scope key, so completions are never scattered over several batches). Reset the scope or let the
 * active batch close first.
 *
 * <pre>{@code
 * try {
 *   tracker.start(date, players);
 * } catch (BatchAlreadyActiveException e) {
 *   return conflict(e.active());       // the old HTTP 409
 * }
 * }</pre>
 */
public class BatchAlreadyActiveException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final String scope;
  private final BatchId active;

  public BatchAlreadyActiveException(String scope, BatchId active) {
    super(
        "scope "
            + scope
            + " already has an active batch "
            + active.asString()
            + "; reset the scope or wait for it to close");
    this.scope = scope;
    this.active = active;
  }

  /** The scope key. */
  public String scope() {
    return scope;
  }

  /** The batch that is still active. */
  public BatchId active() {
    return active;
  }
}

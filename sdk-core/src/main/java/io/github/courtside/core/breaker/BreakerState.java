package io.github.courtside.core.breaker;

/**
 * The state of a {@link Breaker}.
 *
 * <pre>{@code
 * if (breakers.breaker(systemId).state() == BreakerState.OPEN) { ... }
 * }</pre>
 */
public enum BreakerState {
  /** Calls pass; failures are counted. */
  CLOSED,
  /** Calls are refused until the open duration has passed. */
  OPEN,
  /** A limited number of trial calls pass; their outcome closes or re-opens the breaker. */
  HALF_OPEN
}

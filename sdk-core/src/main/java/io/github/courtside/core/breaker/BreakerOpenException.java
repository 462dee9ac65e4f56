package io.github.courtside.core.breaker;

import io.github.courtside.core.CourtsideException;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A call was refused because its breaker is open (or half open with every trial call taken).
 *
 * <pre>{@code
 * try {
 *   breaker.execute(() -> model.predict(features));
 * } catch (BreakerOpenException e) {
 *   log.info("skipping {} until {}", e.key(), e.openUntil());
 * }
 * }</pre>
 */
public final class BreakerOpenException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final BreakerState state;
  private final @Nullable Instant openUntil;

  BreakerOpenException(String key, BreakerState state, @Nullable Instant openUntil) {
    super(
        "circuit breaker "
            + key
            + " is "
            + state
            + (openUntil == null ? "" : " until " + openUntil)
            + "; the call was not made");
    this.key = key;
    this.state = state;
    this.openUntil = openUntil;
  }

  /** The breaker's key. */
  public String key() {
    return key;
  }

  /** The breaker's state when the call was refused. */
  public BreakerState state() {
    return state;
  }

  /** When the breaker lets trial calls through, if known. */
  public Optional<Instant> openUntil() {
    return Optional.ofNullable(openUntil);
  }
}

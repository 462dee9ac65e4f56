package io.github.courtside.core.breaker;

import java.time.Instant;
import java.util.Objects;

/**
 * A state change of one breaker, as given to listeners.
 *
 * <pre>{@code
 * BreakerRegistry.builder().listener(t -> alerts.send(t.key() + " is " + t.to())).build();
 * }</pre>
 *
 * @param key the breaker's key
 * @param profile the breaker's profile name
 * @param from the state before
 * @param to the state after
 * @param at when it happened (registry clock)
 * @param shared whether it was caused by an OPEN decided in another JVM
 */
public record BreakerTransition(
    String key, String profile, BreakerState from, BreakerState to, Instant at, boolean shared) {
  public BreakerTransition {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
  }
}

package io.github.courtside.core.breaker;

/** Where breakers report; a no-op unless a Micrometer registry was given. */
interface BreakerMetrics {
  BreakerMetrics NOOP = new BreakerMetrics() {};

  default void transition(BreakerTransition transition) {}

  default void rejected(Breaker breaker) {}

  default void bind(Breaker breaker) {}
}

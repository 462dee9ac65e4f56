package io.github.courtside.core.breaker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code courtside.breaker.transitions} (tags breaker, profile, from, to), {@code
 * courtside.breaker.rejected} (tag breaker) and the gauge {@code courtside.breaker.state} (0
 * closed, 1 open, 2 half open).
 */
final class MicrometerBreakerMetrics implements BreakerMetrics {
  private final MeterRegistry registry;

  MicrometerBreakerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void transition(BreakerTransition t) {
    Counter.builder("courtside.breaker.transitions")
        .description("circuit breaker state transitions")
        .tag("breaker", t.key())
        .tag("profile", t.profile())
        .tag("from", t.from().name())
        .tag("to", t.to().name())
        .tag("shared", Boolean.toString(t.shared()))
        .register(registry)
        .increment();
  }

  @Override
  public void rejected(Breaker breaker) {
    Counter.builder("courtside.breaker.rejected")
        .description("calls refused by an open breaker")
        .tag("breaker", breaker.key())
        .register(registry)
        .increment();
  }

  @Override
  public void bind(Breaker breaker) {
    Gauge.builder("courtside.breaker.state", breaker, b -> b.state().ordinal())
        .description("0 closed, 1 open, 2 half open")
        .tag("breaker", breaker.key())
        .tag("profile", breaker.profile().name())
        .register(registry);
  }
}

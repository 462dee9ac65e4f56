package io.github.courtside.core.breaker;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code courtside.breaker.transitions} (tags breaker, profile, from, to, shared), plus
 * Resilience4j's own tagged meters through {@code resilience4j-micrometer} (tag {@code name}, the
 * breaker's key): {@code resilience4j.circuitbreaker.state} (one gauge per state, 1 for the current
 * one), {@code resilience4j.circuitbreaker.calls} (by kind), {@code
 * resilience4j.circuitbreaker.not.permitted.calls}, {@code
 * resilience4j.circuitbreaker.failure.rate} and {@code resilience4j.circuitbreaker.buffered.calls}.
 */
final class MicrometerBreakerMetrics implements BreakerMetrics {
  private static final Logger log = LoggerFactory.getLogger(MicrometerBreakerMetrics.class);
  private static final String TAGGED_METRICS =
      "io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics";

  private final MeterRegistry registry;

  /** The meters of a registry whose setup names a meter registry (only called when it does). */
  static MicrometerBreakerMetrics create(BreakerRegistrySetup setup) {
    return new MicrometerBreakerMetrics(setup.meterRegistry().orElseThrow());
  }

  MicrometerBreakerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Binds Resilience4j's tagged meters of every breaker {@code breakers} holds or will hold. */
  void bindResilience4j(CircuitBreakerRegistry breakers) {
    if (!onClassPath(TAGGED_METRICS)) {
      log.warn(
          "io.github.resilience4j:resilience4j-micrometer is not on the class path: breakers"
              + " publish courtside.breaker.transitions only, no resilience4j.circuitbreaker.*"
              + " meters");
      return;
    }
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
  }

  static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, MicrometerBreakerMetrics.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
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
}

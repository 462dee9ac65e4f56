/**
 * Circuit breakers on Resilience4j, one per dynamic key (for example one per prediction-system id):
 * {@link io.github.courtside.core.breaker.BreakerRegistry} hands out {@link
 * io.github.courtside.core.breaker.Breaker}s configured by named {@link
 * io.github.courtside.core.breaker.BreakerProfile}s, reports transitions to SLF4J, Micrometer and
 * listeners, and can share OPEN decisions between JVMs through the {@link
 * io.github.courtside.core.coordination.CoordinationStore} SPI.
 */
@NullMarked
package io.github.courtside.core.breaker;

import org.jspecify.annotations.NullMarked;

package io.github.courtside.core.lock;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;

/**
 * Counts a {@link LeaseLock}'s events in a Micrometer registry (Micrometer is an optional
 * dependency: only this class needs it): {@code courtside.lock.events}, tags {@code lock} (the lock
 * name) and {@code type} (the event type in lower case: {@code acquired}, {@code taken_over},
 * {@code acquisition_failed} for a refused or timed-out acquisition, {@code renewed}, {@code
 * renewal_failed}, {@code lost}, {@code released}, {@code release_failed}, {@code
 * proceeded_unlocked}).
 *
 * <pre>{@code
 * LeaseLockConfig config = LeaseLockConfig.builder()
 *     .listener(new MicrometerLockMetrics(registry))
 *     .build();
 * }</pre>
 */
public final class MicrometerLockMetrics implements LockEventListener {
  private final MeterRegistry registry;

  /** Metrics in {@code registry}. */
  public MicrometerLockMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void onEvent(LockEvent event) {
    registry
        .counter(
            "courtside.lock.events",
            "lock",
            event.lockName(),
            "type",
            event.type().name().toLowerCase(Locale.ROOT))
        .increment();
  }
}

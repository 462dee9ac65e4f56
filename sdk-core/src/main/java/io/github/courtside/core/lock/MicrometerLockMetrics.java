package io.github.courtside.core.lock;

import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  private static final Logger log = LoggerFactory.getLogger(MicrometerLockMetrics.class);

  private final MeterRegistry registry;

  /** Metrics in {@code registry}. */
  public MicrometerLockMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Publishes Resilience4j's tagged {@code resilience4j.retry.calls} meters of the lock's polling
   * {@code Retry} (named {@code lease-lock:<collection>}): {@code successful_without_retry} and
   * {@code successful_with_retry} count acquisitions that ended, holding the lock or at the end of
   * their budget (those also count as {@code acquisition_failed} events). Needs {@code
   * resilience4j-micrometer} on the class path; without it, only the events are counted.
   */
  void bindResilience4j(RetryRegistry retries) {
    try {
      Class.forName(
          "io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics",
          false,
          MicrometerLockMetrics.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      log.warn(
          "io.github.resilience4j:resilience4j-micrometer is not on the class path: locks"
              + " publish courtside.lock.events only, no resilience4j.retry.* meters");
      return;
    }
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
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

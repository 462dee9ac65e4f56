package io.github.courtside.core.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.coordination.CoordinationStoreException;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.core.testkit.FaultInjectingCoordinationStore;
import io.github.courtside.core.testkit.FaultInjectingCoordinationStore.Timing;
import io.github.courtside.core.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The acquisition poll runs on a Resilience4j {@code Retry}: store failures and a held lock are
 * retried every poll interval (through the injected sleeper) until the wait budget is spent, and
 * the Retry's tagged meters reach Micrometer.
 */
class LeaseLockPollRetryTest {
  private static final String LOCK = "consolidate-2026-02-01";

  private final ManualClock clock = ManualClock.at("2026-02-01T06:00:00Z");
  private final List<Duration> pauses = new ArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private LeaseLockConfig.Builder config(String owner) {
    return LeaseLockConfig.builder()
        .owner(owner)
        .clock(clock)
        .pollInterval(Duration.ofSeconds(5))
        .waitBudget(Duration.ofSeconds(12))
        .renewInBackground(false)
        .sleeper(
            pause -> {
              pauses.add(pause);
              clock.advance(pause);
            })
        .listener(new MicrometerLockMetrics(meters));
  }

  @Test
  void storeFailuresAreRetriedEveryPollIntervalThenTheLockIsAcquired() {
    FaultInjectingCoordinationStore store =
        new FaultInjectingCoordinationStore(new InMemoryCoordinationStore());
    AtomicInteger calls = new AtomicInteger();
    // The first two attempts fail at their first store call.
    store.setPlan(
        (operation, path) ->
            calls.incrementAndGet() <= 2 ? Optional.of(Timing.BEFORE) : Optional.empty());
    try (LeaseLock lock = new LeaseLock(store, config("a").build())) {
      Instant start = clock.instant();
      Lease lease = lock.acquire(LOCK);
      assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5)), pauses);
      assertEquals(start.plusSeconds(10), clock.instant());
      assertEquals(1L, lease.token().value());
      lease.close();
    }
    assertEquals(1.0, retryCalls("successful_with_retry"));
    assertEquals(0.0, retryCalls("successful_without_retry"));
  }

  @Test
  void aHeldLockIsPolledUntilTheBudgetIsSpentThenRefusedNamingTheAttempts() {
    InMemoryCoordinationStore store = new InMemoryCoordinationStore();
    try (LeaseLock holder = new LeaseLock(store, config("holder").build());
        LeaseLock waiter = new LeaseLock(store, config("waiter").build())) {
      Optional<Lease> held = holder.tryAcquire(LOCK);
      assertTrue(held.isPresent());
      LockNotAcquiredException refused =
          assertThrows(LockNotAcquiredException.class, () -> waiter.acquire(LOCK));
      // 12 s budget, 5 s polls: attempts at 0, 5, 10 and 12 s, the last pause capped at 2 s.
      assertEquals(
          List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2)), pauses);
      assertTrue(refused.getMessage().contains("(4 attempts)"), refused.getMessage());
      assertTrue(refused.getMessage().contains("within PT12S"), refused.getMessage());
      // each poll read the lock again: once the holder released, the next poll takes it
      held.get().close();
      pauses.clear();
      Lease taken = waiter.acquire(LOCK);
      assertEquals(List.of(), pauses, "free at the first poll");
      assertEquals(2L, taken.token().value());
      taken.close();
      assertEquals(
          1.0,
          meters
              .get("courtside.lock.events")
              .tags("lock", LOCK, "type", "acquisition_failed")
              .counter()
              .count());
    }
  }

  @Test
  void theLastStoreErrorIsTheCauseWhenEveryAttemptFailed() {
    FaultInjectingCoordinationStore store =
        new FaultInjectingCoordinationStore(new InMemoryCoordinationStore());
    store.setPlan((operation, path) -> Optional.of(Timing.BEFORE));
    try (LeaseLock lock =
        new LeaseLock(store, config("a").waitBudget(Duration.ofSeconds(5)).build())) {
      LockNotAcquiredException refused =
          assertThrows(LockNotAcquiredException.class, () -> lock.acquire(LOCK));
      assertInstanceOf(CoordinationStoreException.class, refused.getCause());
      assertTrue(refused.getMessage().contains("(2 attempts)"), refused.getMessage());
      // a store error is retried after the poll interval, like a held lock, not at once
      assertEquals(List.of(Duration.ofSeconds(5)), pauses);
      assertTrue(refused.getMessage().contains("last error"), refused.getMessage());
    }
  }

  @Test
  void anInterruptedPauseStopsPollingWithAClearError() {
    InMemoryCoordinationStore store = new InMemoryCoordinationStore();
    LeaseLockConfig interrupting =
        config("waiter")
            .sleeper(
                pause -> {
                  throw new InterruptedException("shutdown");
                })
            .build();
    try (LeaseLock holder = new LeaseLock(store, config("holder").build());
        LeaseLock waiter = new LeaseLock(store, interrupting)) {
      assertTrue(holder.tryAcquire(LOCK).isPresent());
      LockNotAcquiredException refused =
          assertThrows(LockNotAcquiredException.class, () -> waiter.acquire(LOCK));
      assertTrue(
          refused.getMessage().contains("interrupted while waiting for the lock after 1 attempts"),
          refused.getMessage());
      assertEquals(
          0.0, retryCalls("successful_with_retry"), "no second attempt after the interrupt");
      assertInstanceOf(InterruptedException.class, refused.getCause());
      assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    }
  }

  private double retryCalls(String kind) {
    return meters
        .get("resilience4j.retry.calls")
        .tags("name", "lease-lock:locks", "kind", kind)
        .functionCounter()
        .count();
  }
}

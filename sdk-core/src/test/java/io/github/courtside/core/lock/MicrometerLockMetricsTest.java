package io.github.courtside.core.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.core.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MicrometerLockMetricsTest {

  @Test
  void acquisitionsRefusalsAndReleasesAreCountedPerLock() {
    ManualClock clock = ManualClock.at("2026-01-30T08:00:00Z");
    InMemoryCoordinationStore store = new InMemoryCoordinationStore();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    MicrometerLockMetrics metrics = new MicrometerLockMetrics(meters);
    LeaseLockConfig.Builder config =
        LeaseLockConfig.builder()
            .clock(clock)
            .sleeper(clock::advance)
            .renewInBackground(false)
            .listener(metrics);
    try (LeaseLock a = new LeaseLock(store, config.owner("a").build());
        LeaseLock b = new LeaseLock(store, config.owner("b").build())) {
      Optional<Lease> lease = a.tryAcquire("consolidate-2026-01-30");
      assertTrue(lease.isPresent());
      assertTrue(b.tryAcquire("consolidate-2026-01-30").isEmpty());
      lease.get().close();
    }
    assertEquals(1.0, count(meters, "acquired"));
    assertEquals(1.0, count(meters, "released"));
    assertEquals(0.0, meters.find("courtside.lock.events").tag("type", "lost").counters().size());
  }

  private static double count(SimpleMeterRegistry meters, String type) {
    return meters
        .get("courtside.lock.events")
        .tags("lock", "consolidate-2026-01-30", "type", type)
        .counter()
        .count();
  }
}

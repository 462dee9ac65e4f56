package io.github.courtside.testkit.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.coordination.CoordinationStoreException;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.core.lock.LeaseLockConfig;
import io.github.courtside.testkit.Generator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SchedulesTest {
  @Test
  void theSameSeedGivesTheSameSchedules() {
    assertEquals(
        Schedules.completions().samples(3L, 200), Schedules.completions().samples(3L, 200));
    assertEquals(Schedules.locks().samples(3L, 200), Schedules.locks().samples(3L, 200));
    assertNotEquals(Schedules.locks().samples(3L, 20), Schedules.locks().samples(4L, 20));
  }

  @Test
  void completionSchedulesAreWellFormed() {
    SplittableRandom random = new SplittableRandom(5);
    boolean duplicates = false;
    boolean faults = false;
    boolean longPauses = false;
    for (int i = 0; i < 3_000; i++) {
      int size = i % (Generator.MAX_SIZE + 1);
      CompletionSchedule schedule = Schedules.completions().generate(random, size);
      assertFalse(schedule.items().isEmpty());
      assertEquals(schedule.items().size(), new HashSet<>(schedule.items()).size());
      Set<String> seen = new HashSet<>();
      for (CompletionStep step : schedule.steps()) {
        if (step.action() == CompletionStep.Action.RECORD) {
          assertTrue(schedule.items().contains(step.item()), step.item());
          duplicates |= !seen.add(step.item());
        }
        faults |= step.fault() != null;
        longPauses |= step.pause().compareTo(Duration.ofMinutes(30)) > 0;
      }
      assertEquals(new HashSet<>(schedule.items()), seen, "every item recorded");
      if (size == 0) {
        assertEquals(1, schedule.steps().size(), "size 0 records one item once");
        assertEquals(null, schedule.steps().get(0).fault());
      }
    }
    assertTrue(duplicates && faults && longPauses);
  }

  @Test
  void lockSchedulesAreWellFormed() {
    SplittableRandom random = new SplittableRandom(6);
    Set<LockStep.Action> actions = new HashSet<>();
    boolean aroundLeaseEnd = false;
    for (int i = 0; i < 3_000; i++) {
      int size = i % (Generator.MAX_SIZE + 1);
      LockSchedule schedule = Schedules.locks().generate(random, size);
      for (Duration skew : schedule.skews()) {
        assertTrue(
            skew.abs().multipliedBy(2).compareTo(LeaseLockConfig.DEFAULT_MAX_CLOCK_SKEW) <= 0,
            "two skews differ by at most the allowance");
      }
      for (LockStep step : schedule.steps()) {
        assertTrue(step.contender() < schedule.contenders());
        actions.add(step.action());
        aroundLeaseEnd |=
            step.pause().minus(Schedules.LEASE).abs().compareTo(Duration.ofSeconds(3)) <= 0;
      }
      if (size == 0) {
        assertEquals(1, schedule.contenders());
        assertEquals(1, schedule.steps().size());
      }
    }
    assertEquals(Set.of(LockStep.Action.values()), actions);
    assertTrue(aroundLeaseEnd);
  }

  @Test
  void theFaultingStoreFailsBeforeOrAfterTheChosenWriteOfTheArmingThreadOnly() throws Exception {
    InMemoryCoordinationStore real = new InMemoryCoordinationStore();
    FaultingStore store = new FaultingStore(real);
    store.arm(new Fault(Fault.Timing.BEFORE_WRITE, 1));
    assertTrue(store.createIfAbsent(Document.of("c/a", Map.of("v", 1L))));
    assertThrows(
        CoordinationStoreException.class,
        () -> store.createIfAbsent(Document.of("c/b", Map.of("v", 1L))));
    assertTrue(real.get("c/b").isEmpty(), "nothing written before the write");
    store.arm(new Fault(Fault.Timing.AFTER_WRITE, 0));
    AtomicReference<Boolean> other = new AtomicReference<>();
    Thread background =
        new Thread(() -> other.set(store.createIfAbsent(Document.of("c/x", Map.of("v", 1L)))));
    background.start();
    background.join();
    assertTrue(other.get(), "another thread's write is not faulted");
    assertThrows(
        CoordinationStoreException.class,
        () -> store.createIfAbsent(Document.of("c/c", Map.of("v", 1L))));
    assertTrue(real.get("c/c").isPresent(), "the write landed");
    store.disarm();
    assertTrue(store.delete("c/c"));
    assertEquals(2, store.injectedFailures());
  }

  @Test
  void theScheduleClockOnlyMovesForwardAndItsViewsMoveWithIt() {
    ScheduleClock clock = new ScheduleClock(Instant.parse("2026-02-01T00:00:00Z"));
    ScheduleClock ahead = clock.skewed(Duration.ofSeconds(1));
    clock.advance(Duration.ofMinutes(5));
    assertEquals(Instant.parse("2026-02-01T00:05:01Z"), ahead.instant());
    assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
  }
}

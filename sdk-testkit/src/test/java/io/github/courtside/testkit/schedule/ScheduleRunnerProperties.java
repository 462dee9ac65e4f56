package io.github.courtside.testkit.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.core.lock.LeaseLockConfig;
import io.github.courtside.duckdb.DuckDbDatabase;
import io.github.courtside.duckdb.coordination.DuckDbCoordinationStore;
import io.github.courtside.testkit.QuickTheoriesGenerators;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Completion and lock schedules with duplicates, reordering, pauses, clock moves and faults, run by
 * {@link ScheduleRunner} against the in-memory and the DuckDB store: every invariant holds. The
 * mutation checks show the invariants catch a tracker that loses its redeliveries (a store that
 * swallows retrigger claims) and a lock that ignores clock skew.
 */
class ScheduleRunnerProperties {
  private static DuckDbDatabase database;
  private static final AtomicInteger TABLES = new AtomicInteger();

  @BeforeAll
  static void open() {
    database = DuckDbDatabase.inMemory();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private static final Supplier<CoordinationStore> IN_MEMORY = InMemoryCoordinationStore::new;
  private static final Supplier<CoordinationStore> DUCKDB =
      () -> new DuckDbCoordinationStore(database, "docs_" + TABLES.incrementAndGet());

  @Test
  void completionInvariantsHoldInMemory() {
    qt().withExamples(300)
        .forAll(QuickTheoriesGenerators.gen(Schedules.completions()))
        .checkAssert(schedule -> assertHolds(ScheduleRunner.run(IN_MEMORY.get(), schedule)));
  }

  @Test
  void completionInvariantsHoldOnDuckDb() {
    qt().withExamples(40)
        .forAll(QuickTheoriesGenerators.gen(Schedules.completions()))
        .checkAssert(schedule -> assertHolds(ScheduleRunner.run(DUCKDB.get(), schedule)));
  }

  @Test
  void lockInvariantsHoldInMemory() {
    qt().withExamples(300)
        .forAll(QuickTheoriesGenerators.gen(Schedules.locks()))
        .checkAssert(
            schedule -> {
              ScheduleRunner.LockRun run = ScheduleRunner.run(IN_MEMORY.get(), schedule);
              assertEquals(List.of(), run.violations(), () -> String.join("\n", run.log()));
            });
  }

  @Test
  void lockInvariantsHoldOnDuckDb() {
    qt().withExamples(40)
        .forAll(QuickTheoriesGenerators.gen(Schedules.locks()))
        .checkAssert(
            schedule -> {
              ScheduleRunner.LockRun run = ScheduleRunner.run(DUCKDB.get(), schedule);
              assertEquals(List.of(), run.violations(), () -> String.join("\n", run.log()));
            });
  }

  @Test
  void schedulesExerciseFaultsRetriggersAndTakeovers() {
    int faults = 0;
    int retriggers = 0;
    for (CompletionSchedule schedule : Schedules.completions().samples(1L, 100)) {
      ScheduleRunner.CompletionRun run = ScheduleRunner.run(IN_MEMORY.get(), schedule);
      faults += run.injectedFaults();
      retriggers += (int) run.deliveries().stream().filter(d -> d.claim().attempt() > 0).count();
    }
    int takeovers = 0;
    for (LockSchedule schedule : Schedules.locks().samples(1L, 100)) {
      ScheduleRunner.LockRun run = ScheduleRunner.run(IN_MEMORY.get(), schedule);
      faults += run.injectedFaults();
      for (int i = 1; i < run.acquisitions().size(); i++) {
        takeovers +=
            run.acquisitions().get(i).contender() != run.acquisitions().get(i - 1).contender()
                ? 1
                : 0;
      }
    }
    assertTrue(faults > 50, "faults injected: " + faults);
    assertTrue(retriggers > 5, "retriggers delivered: " + retriggers);
    assertTrue(takeovers > 20, "the lock changed hands " + takeovers + " times");
  }

  @Test
  void theInvariantsCatchATrackerThatLosesItsRedeliveries() {
    int caught = 0;
    for (CompletionSchedule schedule : Schedules.completions().samples(2L, 60)) {
      assertHolds(ScheduleRunner.run(IN_MEMORY.get(), schedule));
      if (!ScheduleRunner.run(
              // the mutant: every retrigger claim was "already taken"
              FaultingStore.refusingCreates(
                  new InMemoryCoordinationStore(), path -> path.contains("/retriggers/")),
              schedule)
          .violations()
          .isEmpty()) {
        caught++;
      }
    }
    assertTrue(caught >= 8, "the mutant broke an invariant in only " + caught + " of 60");
  }

  @Test
  void theInvariantsCatchALockThatIgnoresClockSkew() {
    LeaseLockConfig noSkew =
        LeaseLockConfig.builder()
            .renewInBackground(false)
            .waitBudget(Duration.ZERO)
            .maxClockSkew(Duration.ZERO)
            .build();
    int caught = 0;
    for (LockSchedule schedule : Schedules.locks().samples(2L, 150)) {
      if (!ScheduleRunner.run(IN_MEMORY.get(), schedule, noSkew).violations().isEmpty()) {
        caught++;
      }
    }
    assertTrue(caught >= 30, "the mutant broke an invariant in only " + caught + " of 150");
  }

  private static void assertHolds(ScheduleRunner.CompletionRun run) {
    assertEquals(List.of(), run.violations(), () -> String.join("\n", run.log()));
  }
}

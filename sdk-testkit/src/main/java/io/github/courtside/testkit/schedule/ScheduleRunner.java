package io.github.courtside.testkit.schedule;

import io.github.courtside.core.completion.BatchClosure;
import io.github.courtside.core.completion.BatchId;
import io.github.courtside.core.completion.BatchProgress;
import io.github.courtside.core.completion.Completion;
import io.github.courtside.core.completion.CompletionTracker;
import io.github.courtside.core.completion.CompletionTrackerConfig;
import io.github.courtside.core.completion.RecordOutcome;
import io.github.courtside.core.completion.TriggerClaim;
import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.lock.Lease;
import io.github.courtside.core.lock.LeaseLock;
import io.github.courtside.core.lock.LeaseLockConfig;
import io.github.courtside.core.lock.LeaseLostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Drives a {@link CompletionTracker} or contending {@link LeaseLock}s through a schedule against
 * any {@link CoordinationStore}, injecting the schedule's faults ({@link FaultingStore}) and moving
 * its clock ({@link ScheduleClock}), and reports what happened with the invariants checked.
 *
 * <p>Completion: each record is a worker's message; one that fails is redelivered the step's {@code
 * redeliverAfter} steps later (at-least-once delivery). A trigger (the batch completed, or a
 * retrigger) starts a consolidation, which fails when the step says so and otherwise marks the
 * batch consumed. After the schedule, a quiet drain redelivers what is pending and runs stall
 * checks past the batch's maximum age and its retrigger grace periods. Invariants ({@link
 * CompletionRun#violations()}): the batch closes; a batch that closes with a triggering reason is
 * delivered (COMPLETED_BATCH or RETRIGGER) at least once and is consumed by the end; it completes
 * at most once; nothing is delivered after its consumption was acknowledged; no acknowledged
 * completion is lost.
 *
 * <p>Locks: each contender has its own {@code LeaseLock} on the store with its own skewed clock,
 * renewing only when the schedule says so. Invariants ({@link LockRun#violations()}): no contender
 * acquires while another's lease still runs by that holder's own clock; at no moment do two leases
 * report {@link Lease#isHeld()}; tokens of successive acquisitions strictly increase; no holder
 * writes to the fenced resource with a token older than one already written.
 *
 * <pre>{@code
 * CompletionRun run = ScheduleRunner.run(store, Schedules.completions().sample(7L));
 * assertEquals(List.of(), run.violations(), String.join("\n", run.log()));
 * LockRun locks = ScheduleRunner.run(store, Schedules.locks().sample(7L));
 * }</pre>
 */
public final class ScheduleRunner {
  /** Where every schedule's clock starts. */
  public static final Instant START = Instant.parse("2026-02-01T18:00:00.123456789Z");

  /** The lock every lock schedule contends for. */
  public static final String LOCK = "consolidation:nba.predictions:2026-02-01";

  private ScheduleRunner() {}

  /** Runs a completion schedule with the default tracker configuration. */
  public static CompletionRun run(CoordinationStore store, CompletionSchedule schedule) {
    return run(store, schedule, CompletionTrackerConfig.defaults());
  }

  /** Runs a completion schedule; the config's clock is replaced by the schedule's. */
  public static CompletionRun run(
      CoordinationStore store, CompletionSchedule schedule, CompletionTrackerConfig config) {
    return new CompletionDriver(store, schedule, config).run();
  }

  /**
   * Runs a lock schedule with the default lock configuration (background renewal off, one attempt
   * per acquisition).
   */
  public static LockRun run(CoordinationStore store, LockSchedule schedule) {
    return run(
        store,
        schedule,
        LeaseLockConfig.builder().renewInBackground(false).waitBudget(Duration.ZERO).build());
  }

  /** Runs a lock schedule; each contender gets the config with its own owner name and clock. */
  public static LockRun run(
      CoordinationStore store, LockSchedule schedule, LeaseLockConfig config) {
    return new LockDriver(store, schedule, config).run();
  }

  /** One delivered trigger: the step it came from ({@code -1} for the drain), how, which claim. */
  public record Delivery(int step, String how, TriggerClaim claim) {}

  /**
   * What a completion schedule did.
   *
   * @param log one line per event, for failure messages
   * @param deliveries the triggers delivered, in order
   * @param closure how the batch closed, read back from the store after the run
   * @param consumed whether the store says the batch was consumed after the run
   * @param consumedAfter the index in {@code deliveries} of the first delivery whose consumption
   *     was acknowledged, {@code -1} if none
   * @param lost acknowledged completions the store does not hold
   * @param injectedFaults how many faults the store injected
   */
  public record CompletionRun(
      List<String> log,
      List<Delivery> deliveries,
      Optional<BatchClosure> closure,
      boolean consumed,
      int consumedAfter,
      List<String> lost,
      int injectedFaults) {

    public CompletionRun {
      log = List.copyOf(log);
      deliveries = List.copyOf(deliveries);
      lost = List.copyOf(lost);
    }

    /** The broken invariants, each described; empty when all held. */
    public List<String> violations() {
      List<String> violations = new ArrayList<>();
      if (closure.isEmpty()) {
        violations.add("the batch never closed, even past its maximum age");
      } else if (closure.get().reason().triggers()) {
        if (deliveries.isEmpty()) {
          violations.add(
              "the batch closed as " + closure.get().reason() + " but was never delivered");
        }
        if (!consumed) {
          violations.add(
              "the batch closed as " + closure.get().reason() + " but was never consumed");
        }
      }
      long completions = deliveries.stream().filter(d -> d.how().equals("COMPLETED_BATCH")).count();
      if (completions > 1) {
        violations.add("the batch completed " + completions + " times");
      }
      if (consumedAfter >= 0) {
        for (Delivery delivery : deliveries.subList(consumedAfter + 1, deliveries.size())) {
          violations.add(
              "delivered again ("
                  + delivery.how()
                  + " at step "
                  + delivery.step()
                  + ") after its consumption was acknowledged at step "
                  + deliveries.get(consumedAfter).step());
        }
      }
      lost.forEach(item -> violations.add("the acknowledged completion of " + item + " was lost"));
      return violations;
    }
  }

  /** One successful acquisition. */
  public record Acquisition(int step, int contender, long token, Instant at) {}

  /**
   * What a lock schedule did.
   *
   * @param log one line per event, for failure messages
   * @param acquisitions the successful acquisitions, in order
   * @param violations the broken invariants, each described; empty when all held
   * @param injectedFaults how many faults the store injected
   */
  public record LockRun(
      List<String> log,
      List<Acquisition> acquisitions,
      List<String> violations,
      int injectedFaults) {
    public LockRun {
      log = List.copyOf(log);
      acquisitions = List.copyOf(acquisitions);
      violations = List.copyOf(violations);
    }
  }

  private static final class CompletionDriver {
    private final FaultingStore store;
    private final CoordinationStore real;
    private final CompletionSchedule schedule;
    private final CompletionTrackerConfig config;
    private final ScheduleClock clock = new ScheduleClock(START);
    private final List<String> log = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Set<String> acknowledged = new LinkedHashSet<>();
    private final TreeMap<Integer, List<String>> redeliveries = new TreeMap<>();
    private int consumedAfter = -1;

    CompletionDriver(
        CoordinationStore store, CompletionSchedule schedule, CompletionTrackerConfig config) {
      this.real = Objects.requireNonNull(store, "store");
      this.store = new FaultingStore(store);
      this.schedule = Objects.requireNonNull(schedule, "schedule");
      this.config = config.toBuilder().clock(clock).build();
    }

    CompletionRun run() {
      CompletionTracker tracker = new CompletionTracker(store, config);
      BatchId batch = tracker.start("2026-02-01", schedule.items());
      log.add("start " + batch + " with " + schedule.items().size() + " items");
      List<CompletionStep> steps = schedule.steps();
      for (int i = 0; i < steps.size(); i++) {
        List<String> due = redeliveries.remove(i);
        if (due != null) {
          for (String item : due) {
            record(tracker, batch, i, item, null, false, 1);
          }
        }
        CompletionStep step = steps.get(i);
        switch (step.action()) {
          case PAUSE -> {
            clock.advance(step.pause());
            log.add(i + ": pause " + step.pause() + " to " + clock.instant());
          }
          case RECORD ->
              record(
                  tracker,
                  batch,
                  i,
                  step.item(),
                  step.fault(),
                  step.consolidationFails(),
                  step.redeliverAfter());
          case STALL_CHECK ->
              stallCheck(tracker, batch, i, step.fault(), step.consolidationFails());
        }
      }
      // The drain: quiet, every pending message redelivered, the scheduler keeps checking.
      store.disarm();
      for (List<String> due : redeliveries.values()) {
        for (String item : due) {
          record(tracker, batch, -1, item, null, false, 1);
        }
      }
      redeliveries.clear();
      clock.advance(config.maxBatchAge().plusMinutes(1));
      for (int round = 0; round < 4; round++) {
        stallCheck(tracker, batch, -1, null, false);
        clock.advance(config.retriggerAfter().plusMinutes(1));
      }
      // Judge from the store, with a fresh tracker (no caches).
      CompletionTracker fresh = new CompletionTracker(real, config);
      Optional<BatchClosure> closure = fresh.closure(batch);
      boolean consumed = fresh.isConsumed(batch);
      List<String> lost = new ArrayList<>();
      Optional<BatchProgress> progress = fresh.progress(batch);
      for (String item : acknowledged) {
        if (progress.map(p -> p.missing().contains(item)).orElse(true)) {
          lost.add(item);
        }
      }
      return new CompletionRun(
          log, deliveries, closure, consumed, consumedAfter, lost, store.injectedFailures());
    }

    private void record(
        CompletionTracker tracker,
        BatchId batch,
        int step,
        String item,
        @Nullable Fault fault,
        boolean consolidationFails,
        int redeliverAfter) {
      store.arm(fault);
      try {
        RecordOutcome outcome =
            tracker.record(batch, item, Completion.staged(1, "staging_" + step));
        acknowledged.add(item);
        log.add(step + ": record " + item + " -> " + outcome.status() + faultText(fault));
        if (outcome.isTrigger()) {
          deliver(
              tracker,
              step,
              outcome.status().name(),
              outcome.claim().orElseThrow(),
              consolidationFails);
        }
      } catch (RuntimeException e) {
        log.add(step + ": record " + item + " failed: " + e.getMessage() + "; redelivered later");
        if (step >= 0) {
          redeliveries.computeIfAbsent(step + redeliverAfter, k -> new ArrayList<>()).add(item);
        } else {
          throw e;
        }
      } finally {
        store.disarm();
      }
    }

    private void stallCheck(
        CompletionTracker tracker,
        BatchId batch,
        int step,
        @Nullable Fault fault,
        boolean consolidationFails) {
      store.arm(fault);
      try {
        Optional<BatchClosure> closure = tracker.closeIfStalled(batch);
        log.add(
            step
                + ": stall check -> "
                + closure.map(Object::toString).orElse("nothing")
                + faultText(fault));
        if (closure.isPresent() && closure.get().claim().isPresent()) {
          deliver(tracker, step, "STALL_CHECK", closure.get().claim().get(), consolidationFails);
        }
      } catch (RuntimeException e) {
        log.add(step + ": stall check failed: " + e.getMessage());
      } finally {
        store.disarm();
      }
    }

    private void deliver(
        CompletionTracker tracker, int step, String how, TriggerClaim claim, boolean fails) {
      deliveries.add(new Delivery(step, how, claim));
      if (fails) {
        log.add(step + ": consolidation of " + claim + " failed; not consumed");
        return;
      }
      try {
        tracker.markConsumed(claim);
        if (consumedAfter == -1) {
          consumedAfter = deliveries.size() - 1;
        }
        log.add(step + ": consumed " + claim);
      } catch (RuntimeException e) {
        log.add(step + ": marking " + claim + " consumed failed: " + e.getMessage());
      }
    }
  }

  private static final class LockDriver {
    private final FaultingStore store;
    private final LockSchedule schedule;
    private final LeaseLockConfig config;
    private final ScheduleClock clock = new ScheduleClock(START);
    private final List<String> log = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final List<Acquisition> acquisitions = new ArrayList<>();

    LockDriver(CoordinationStore store, LockSchedule schedule, LeaseLockConfig config) {
      this.store = new FaultingStore(Objects.requireNonNull(store, "store"));
      this.schedule = Objects.requireNonNull(schedule, "schedule");
      this.config = Objects.requireNonNull(config, "config");
    }

    LockRun run() {
      int n = schedule.contenders();
      List<LeaseLock> locks = new ArrayList<>();
      List<ScheduleClock> clocks = new ArrayList<>();
      List<@Nullable Lease> held = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        ScheduleClock own = clock.skewed(schedule.skews().get(c));
        clocks.add(own);
        locks.add(new LeaseLock(store, config.toBuilder().owner("c" + c).clock(own).build()));
        held.add(null);
      }
      long written = 0;
      try {
        List<LockStep> steps = schedule.steps();
        for (int i = 0; i < steps.size(); i++) {
          LockStep step = steps.get(i);
          int c = step.contender();
          Lease lease = held.get(c);
          store.arm(step.fault());
          try {
            switch (step.action()) {
              case PAUSE -> {
                clock.advance(step.pause());
                log.add(i + ": pause " + step.pause());
              }
              case ACQUIRE -> {
                Optional<Lease> acquired = locks.get(c).tryAcquire(LOCK);
                log.add(
                    i
                        + ": c"
                        + c
                        + " acquire -> "
                        + acquired.map(Object::toString).orElse("no")
                        + faultText(step.fault()));
                if (acquired.isPresent()) {
                  acquired(i, c, acquired.get(), held, clocks);
                  held.set(c, acquired.get());
                }
              }
              case RENEW -> {
                if (lease != null) {
                  try {
                    locks.get(c).renew(lease);
                    log.add(i + ": c" + c + " renewed until " + lease.expiresAt());
                  } catch (LeaseLostException e) {
                    log.add(i + ": c" + c + " lost its lease renewing: " + e.getMessage());
                    held.set(c, null);
                  }
                }
              }
              case WORK -> {
                if (lease != null) {
                  try {
                    lease.ensureHeld();
                    long token = lease.token().value();
                    if (token < written) {
                      violations.add(
                          "step "
                              + i
                              + ": c"
                              + c
                              + " wrote with token "
                              + token
                              + " after token "
                              + written
                              + " had written");
                    }
                    written = Math.max(written, token);
                    log.add(i + ": c" + c + " wrote with token " + token);
                  } catch (LeaseLostException e) {
                    log.add(i + ": c" + c + " found its lease lost: " + e.getMessage());
                    held.set(c, null);
                  }
                }
              }
              case RELEASE -> {
                if (lease != null) {
                  lease.close();
                  held.set(c, null);
                  log.add(i + ": c" + c + " released" + faultText(step.fault()));
                }
              }
            }
          } catch (RuntimeException e) {
            log.add(i + ": c" + c + " " + step.action() + " failed: " + e.getMessage());
          } finally {
            store.disarm();
          }
          int holding = 0;
          List<String> holders = new ArrayList<>();
          for (int d = 0; d < n; d++) {
            Lease other = held.get(d);
            if (other != null && other.isHeld()) {
              holding++;
              holders.add("c" + d + " (token " + other.token().value() + ")");
            }
          }
          if (holding > 1) {
            violations.add("after step " + i + " " + holders + " all hold the lock");
          }
        }
      } finally {
        locks.forEach(LeaseLock::close);
      }
      return new LockRun(log, acquisitions, violations, store.injectedFailures());
    }

    private void acquired(
        int step, int c, Lease lease, List<@Nullable Lease> held, List<ScheduleClock> clocks) {
      Instant now = clock.instant();
      long token = lease.token().value();
      if (!acquisitions.isEmpty() && token <= acquisitions.get(acquisitions.size() - 1).token()) {
        violations.add(
            "step "
                + step
                + ": token "
                + token
                + " does not exceed the previous token "
                + acquisitions.get(acquisitions.size() - 1).token());
      }
      for (int d = 0; d < held.size(); d++) {
        Lease other = held.get(d);
        if (d == c || other == null) {
          continue;
        }
        // the other holder's lease end by its own clock, in schedule time
        Instant end = other.expiresAt().minus(clocks.get(d).skew());
        if (now.isBefore(end)) {
          violations.add(
              "step "
                  + step
                  + ": c"
                  + c
                  + " acquired token "
                  + token
                  + " at "
                  + now
                  + " while c"
                  + d
                  + "'s lease (token "
                  + other.token().value()
                  + ") ran until "
                  + end);
        }
      }
      acquisitions.add(new Acquisition(step, c, token, now));
    }
  }

  private static String faultText(@Nullable Fault fault) {
    return fault == null ? "" : " [fault " + fault.timing() + " #" + fault.onWrite() + "]";
  }
}

package io.github.courtside.testkit.schedule;

import io.github.courtside.core.lock.LeaseLockConfig;
import io.github.courtside.testkit.Generator;
import io.github.courtside.testkit.internal.Draws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Generators of completion and lock event schedules.
 *
 * <p>Completion schedules record every item at least once, in a shuffled order, with duplicates
 * (redeliveries), pauses from seconds to past the batch's maximum age, stall checks, faults before
 * and after the store's writes, and consolidations that fail. Lock schedules have two to four
 * contenders with clock skews within the default {@link LeaseLockConfig#DEFAULT_MAX_CLOCK_SKEW}
 * allowance, acquiring, renewing, working under and releasing the lock, with pauses that land
 * around the lease's end, takeover races (a contender tries just before another's lease ends, by
 * less than the skew allowance), and faults. Size scales the number of items, contenders and steps:
 * size {@code 0} is one item recorded once, or one contender acquiring once.
 *
 * <pre>{@code
 * CompletionSchedule schedule = Schedules.completions().sample(3L);
 * LockSchedule locks = Schedules.locks().sample(3L);
 * }</pre>
 */
public final class Schedules {
  /** The lease the lock schedules' pauses are drawn around: the default lease. */
  public static final Duration LEASE = LeaseLockConfig.DEFAULT_LEASE;

  private Schedules() {}

  /** Completion schedules of 1 to 12 items. */
  public static Generator<CompletionSchedule> completions() {
    return (random, size) -> {
      int count = 1 + Draws.scaled(random, 11, size);
      List<String> items = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        // item names with characters that need encoding in document ids
        items.add(i % 3 == 2 ? "o'neal/" + i : "player" + i);
      }
      List<String> order = new ArrayList<>(items);
      Draws.shuffle(order, random);
      List<CompletionStep> steps = new ArrayList<>();
      boolean eventful = size > 0;
      for (int i = 0; i < order.size(); i++) {
        if (eventful) {
          while (random.nextInt(3) == 0) {
            steps.add(extra(random, order.subList(0, i)));
          }
        }
        steps.add(record(order.get(i), eventful ? fault(random, 5) : null, random));
      }
      if (eventful) {
        int tail = random.nextInt(4);
        for (int i = 0; i < tail; i++) {
          steps.add(extra(random, order));
        }
      }
      return new CompletionSchedule(items, steps);
    };
  }

  /** Lock schedules of 1 to 4 contenders and 1 to 60 steps. */
  public static Generator<LockSchedule> locks() {
    return (random, size) -> {
      int contenders = size == 0 ? 1 : 2 + Draws.scaled(random, 2, size);
      long skewMillis = LeaseLockConfig.DEFAULT_MAX_CLOCK_SKEW.toMillis() / 2;
      List<Duration> skews = new ArrayList<>();
      for (int c = 0; c < contenders; c++) {
        skews.add(Duration.ofMillis(random.nextLong(-skewMillis, skewMillis + 1)));
      }
      int count = 1 + Draws.scaled(random, 59, size);
      List<LockStep> steps = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int contender = random.nextInt(contenders);
        if (size == 0) {
          steps.add(new LockStep(LockStep.Action.ACQUIRE, 0, Duration.ZERO, null));
          continue;
        }
        if (contenders > 1 && random.nextInt(10) == 0) {
          // a takeover race: a contender acquires, the clock moves to just before its lease ends
          // (by less than the skew allowance), and another contender tries at once
          int other = (contender + 1 + random.nextInt(contenders - 1)) % contenders;
          long skew = LeaseLockConfig.DEFAULT_MAX_CLOCK_SKEW.toMillis();
          steps.add(new LockStep(LockStep.Action.ACQUIRE, contender, Duration.ZERO, null));
          steps.add(
              new LockStep(
                  LockStep.Action.PAUSE,
                  0,
                  LEASE.minusMillis(random.nextLong(0, skew / 2 + 1)),
                  null));
          steps.add(new LockStep(LockStep.Action.ACQUIRE, other, Duration.ZERO, fault(random, 7)));
          i += 2;
          continue;
        }
        int pick = random.nextInt(11);
        LockStep.Action action =
            pick < 3
                ? LockStep.Action.ACQUIRE
                : pick < 5
                    ? LockStep.Action.RENEW
                    : pick < 8
                        ? LockStep.Action.WORK
                        : pick < 9 ? LockStep.Action.RELEASE : LockStep.Action.PAUSE;
        if (action == LockStep.Action.PAUSE) {
          steps.add(new LockStep(action, 0, lockPause(random), null));
        } else {
          steps.add(new LockStep(action, contender, Duration.ZERO, fault(random, 7)));
        }
      }
      return new LockSchedule(skews, steps);
    };
  }

  private static CompletionStep extra(SplittableRandom random, List<String> recorded) {
    int pick = random.nextInt(recorded.isEmpty() ? 2 : 3);
    if (pick == 0) {
      return new CompletionStep(
          CompletionStep.Action.PAUSE, "", completionPause(random), null, false, 1);
    }
    if (pick == 1) {
      return new CompletionStep(
          CompletionStep.Action.STALL_CHECK,
          "",
          Duration.ZERO,
          fault(random, 5),
          random.nextInt(4) == 0,
          1);
    }
    return record(recorded.get(random.nextInt(recorded.size())), fault(random, 5), random);
  }

  private static CompletionStep record(
      String item, @Nullable Fault fault, SplittableRandom random) {
    return new CompletionStep(
        CompletionStep.Action.RECORD,
        item,
        Duration.ZERO,
        fault,
        (fault != null && random.nextInt(4) == 0) || random.nextInt(6) == 0,
        1 + random.nextInt(4));
  }

  /** Mostly seconds; sometimes past the stall threshold, the grace period or the maximum age. */
  private static Duration completionPause(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> Duration.ofMinutes(10).plusSeconds(random.nextInt(120));
      case 1 -> Duration.ofMinutes(31);
      default -> Duration.ofSeconds(random.nextInt(90));
    };
  }

  /**
   * Seconds, or within the clock-skew allowance of the lease's end (where a contender whose clock
   * runs ahead would take over too early without that allowance), or past it.
   */
  private static Duration lockPause(SplittableRandom random) {
    long skew = LeaseLockConfig.DEFAULT_MAX_CLOCK_SKEW.toMillis();
    return switch (random.nextInt(5)) {
      case 0, 1 -> LEASE.plusMillis(random.nextLong(-skew, skew + 1));
      case 2 -> LEASE.multipliedBy(2);
      default -> Duration.ofSeconds(random.nextInt(20));
    };
  }

  /** A fault one time in {@code oneIn}: before or after one of the step's first writes. */
  private static @Nullable Fault fault(SplittableRandom random, int oneIn) {
    if (random.nextInt(oneIn) != 0) {
      return null;
    }
    return new Fault(
        random.nextBoolean() ? Fault.Timing.BEFORE_WRITE : Fault.Timing.AFTER_WRITE,
        random.nextInt(3));
  }
}

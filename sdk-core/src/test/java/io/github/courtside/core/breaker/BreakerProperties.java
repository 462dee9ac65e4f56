package io.github.courtside.core.breaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.core.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The breaker state machine under a controllable clock, checked against small reference models of
 * the documented behaviour for random sequences of successes, counted and ignored failures and time
 * steps.
 */
class BreakerProperties {
  private static final Duration OPEN = Duration.ofSeconds(10);

  /** Reference model of a consecutive-failures breaker. */
  private static final class ConsecutiveModel {
    final int threshold;
    final int trials;
    BreakerState state = BreakerState.CLOSED;
    int run;
    int trialsTaken;
    int trialSuccesses;
    Instant until = Instant.MIN;

    ConsecutiveModel(int threshold, int trials) {
      this.threshold = threshold;
      this.trials = trials;
    }

    /** Returns whether the call is permitted; applies its outcome (0 ok, 1 failure, 2 ignored). */
    boolean call(Instant now, int outcome) {
      if (state == BreakerState.OPEN) {
        if (!now.isAfter(until)) {
          return false;
        }
        state = BreakerState.HALF_OPEN;
        trialsTaken = 0;
        trialSuccesses = 0;
      }
      if (state == BreakerState.HALF_OPEN) {
        if (trialsTaken >= trials) {
          return false;
        }
        trialsTaken++;
        if (outcome == 0 && ++trialSuccesses == trials) {
          state = BreakerState.CLOSED;
          run = 0;
        } else if (outcome == 1) {
          open(now);
        } else if (outcome == 2) {
          trialsTaken--;
        }
        return true;
      }
      if (outcome == 0) {
        run = 0;
      } else if (outcome == 1 && ++run >= threshold) {
        open(now);
      }
      return true;
    }

    private void open(Instant now) {
      state = BreakerState.OPEN;
      until = now.plus(OPEN);
    }
  }

  @Test
  void consecutiveFailureBreakerFollowsTheReferenceModel() {
    qt().withExamples(400)
        .forAll(
            integers().between(1, 5),
            integers().between(1, 5),
            lists().of(integers().between(0, 3999)).ofSizeBetween(0, 80))
        .assuming((threshold, trials, events) -> trials <= threshold)
        .checkAssert(
            (threshold, trials, events) -> {
              ManualClock clock = ManualClock.at("2026-01-19T00:00:00Z");
              BreakerRegistry registry =
                  BreakerRegistry.builder()
                      .profile(
                          BreakerProfile.consecutiveFailures("p", threshold)
                              .openDuration(OPEN)
                              .halfOpenTrialCalls(trials)
                              .build())
                      .defaultProfile("p")
                      .failureClassifier(error -> !(error instanceof IllegalArgumentException))
                      .clock(clock)
                      .build();
              Breaker breaker = registry.breaker("system-" + threshold);
              ConsecutiveModel model = new ConsecutiveModel(threshold, trials);
              for (int event : events) {
                int kind = event % 4;
                if (kind == 3) {
                  clock.advance(Duration.ofMillis((event / 4) * 15L));
                } else {
                  boolean expected = model.call(clock.instant(), kind);
                  boolean permitted = breaker.tryAcquire();
                  assertEquals(expected, permitted, () -> "permission at " + clock.instant());
                  if (permitted) {
                    switch (kind) {
                      case 0 -> breaker.onSuccess();
                      case 1 -> breaker.onFailure(new IllegalStateException("down"));
                      default -> breaker.onFailure(new IllegalArgumentException("caller bug"));
                    }
                  }
                }
                assertEquals(model.state, breaker.state());
                if (model.state == BreakerState.OPEN) {
                  assertEquals(model.until, breaker.openUntil().orElseThrow());
                }
              }
            });
  }

  @Test
  void failureRateBreakerOpensExactlyAtTheThresholdOnceEnoughCallsWereMade() {
    qt().withExamples(300)
        .forAll(
            floats().between(1f, 100f),
            integers().between(1, 8),
            lists().of(integers().between(0, 2)).ofSizeBetween(0, 40))
        .checkAssert(
            (percent, minimumCalls, outcomes) -> {
              ManualClock clock = ManualClock.at("2026-01-19T00:00:00Z");
              Breaker breaker =
                  BreakerRegistry.builder()
                      .profile(
                          BreakerProfile.failureRate("rate", percent, Duration.ofSeconds(60))
                              .minimumCalls(minimumCalls)
                              .openDuration(OPEN)
                              .build())
                      .defaultProfile("rate")
                      .failureClassifier(error -> !(error instanceof IllegalArgumentException))
                      .clock(clock)
                      .build()
                      .breaker("scraper");
              int calls = 0;
              int failures = 0;
              boolean open = false;
              for (int outcome : outcomes) {
                boolean permitted = breaker.tryAcquire();
                assertEquals(!open, permitted);
                if (!permitted) {
                  continue;
                }
                if (outcome == 0) {
                  breaker.onSuccess();
                  calls++;
                } else if (outcome == 1) {
                  breaker.onFailure(new IllegalStateException("down"));
                  calls++;
                  failures++;
                } else {
                  breaker.onFailure(new IllegalArgumentException("not counted"));
                }
                open = calls >= minimumCalls && failures * 100.0f / calls >= percent;
                assertEquals(open ? BreakerState.OPEN : BreakerState.CLOSED, breaker.state());
              }
            });
  }

  @Test
  void aSharedOpenReachesEveryInstanceWithinTheDelayAndNeverBeforeItWasDecided() {
    qt().withExamples(200)
        .forAll(
            integers().between(0, 60), lists().of(integers().between(0, 999)).ofSizeBetween(1, 40))
        .checkAssert(
            (delaySeconds, steps) -> {
              ManualClock clock = ManualClock.at("2026-01-19T00:00:00Z");
              InMemoryCoordinationStore store = new InMemoryCoordinationStore();
              Duration delay = Duration.ofSeconds(delaySeconds);
              BreakerProfile profile =
                  BreakerProfile.consecutiveFailures("p", 1)
                      .openDuration(Duration.ofHours(1))
                      .build();
              BreakerRegistry a =
                  BreakerRegistry.builder()
                      .profile(profile)
                      .defaultProfile("p")
                      .clock(clock)
                      .sharedState(store, delay)
                      .sharedStateExecutor(Runnable::run)
                      .instanceId("a")
                      .build();
              BreakerRegistry b =
                  BreakerRegistry.builder()
                      .profile(profile)
                      .defaultProfile("p")
                      .clock(clock)
                      .sharedState(store, delay)
                      .sharedStateExecutor(Runnable::run)
                      .instanceId("b")
                      .build();
              Instant openedAt = null;
              for (int step : steps) {
                clock.advance(Duration.ofMillis(step * 100L));
                if (step % 7 == 0 && openedAt == null) {
                  a.breaker("k").tryAcquire();
                  a.breaker("k").onFailure(new IllegalStateException("down"));
                  openedAt = clock.instant();
                }
                boolean permitted = b.breaker("k").tryAcquire();
                if (permitted) {
                  b.breaker("k").onSuccess();
                }
                if (openedAt == null) {
                  assertEquals(true, permitted, "B refused before anyone opened");
                } else if (!clock.instant().isBefore(openedAt.plus(delay))) {
                  assertEquals(false, permitted, "B missed an OPEN older than the delay");
                }
              }
            });
  }
}

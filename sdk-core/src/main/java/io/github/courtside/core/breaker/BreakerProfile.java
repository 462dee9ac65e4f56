package io.github.courtside.core.breaker;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A named breaker configuration: when to open (a run of consecutive failures, or a failure rate
 * over a time window), how long to stay open, and how many trial calls to let through when half
 * open.
 *
 * <p>With {@link Policy#CONSECUTIVE_FAILURES} any failed trial call re-opens the breaker and all
 * trial calls must succeed to close it (the old platform's external-service and per-system
 * breakers, §4.2-4.3); its trial calls may not outnumber its failure count. With {@link
 * Policy#FAILURE_RATE} the trial calls close the breaker when their failure rate stays below the
 * threshold (Resilience4j's rule). Unlike the old breakers, the number of concurrent trial calls is
 * capped.
 *
 * <pre>{@code
 * BreakerProfile perSystem = BreakerProfile.consecutiveFailures("prediction-system", 5)
 *     .openDuration(Duration.ofMinutes(30))
 *     .halfOpenTrialCalls(2)
 *     .build();
 * BreakerProfile scrapers = BreakerProfile.failureRate("scrapers", 50.0f, Duration.ofSeconds(60))
 *     .minimumCalls(5)
 *     .openDuration(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 */
public final class BreakerProfile {
  /** How a profile decides to open. */
  public enum Policy {
    /** Open after N failures in a row; a success resets the run. */
    CONSECUTIVE_FAILURES,
    /** Open when the failure rate over a time window reaches a threshold. */
    FAILURE_RATE
  }

  private final String name;
  private final Policy policy;
  private final int consecutiveFailures;
  private final float failureRatePercent;
  private final Duration window;
  private final int minimumCalls;
  private final Duration openDuration;
  private final int halfOpenTrialCalls;

  private BreakerProfile(Builder b) {
    this.name = b.name;
    this.policy = b.policy;
    this.consecutiveFailures = b.consecutiveFailures;
    this.failureRatePercent = b.failureRatePercent;
    this.window = b.window;
    this.minimumCalls = b.minimumCalls;
    this.openDuration = b.openDuration;
    this.halfOpenTrialCalls = b.halfOpenTrialCalls;
  }

  /**
   * A profile that opens after {@code failures} consecutive failures; trial calls default to 3, or
   * {@code failures} when fewer.
   */
  public static Builder consecutiveFailures(String name, int failures) {
    Builder b = new Builder(name, Policy.CONSECUTIVE_FAILURES);
    b.consecutiveFailures = failures;
    b.halfOpenTrialCalls = Math.max(1, Math.min(b.halfOpenTrialCalls, failures));
    return b;
  }

  /**
   * A profile that opens when at least {@link Builder#minimumCalls(int)} calls in the last {@code
   * window} (whole seconds) failed at {@code percent} % or more.
   */
  public static Builder failureRate(String name, float percent, Duration window) {
    Builder b = new Builder(name, Policy.FAILURE_RATE);
    b.failureRatePercent = percent;
    b.window = Objects.requireNonNull(window, "window");
    return b;
  }

  /**
   * The default profile {@code default}: 5 consecutive failures, open 5 minutes, 3 trial calls (the
   * old external-service breaker).
   */
  public static BreakerProfile defaults() {
    return consecutiveFailures("default", 5)
        .openDuration(Duration.ofMinutes(5))
        .halfOpenTrialCalls(3)
        .build();
  }

  /** The profile's name. */
  public String name() {
    return name;
  }

  /** How it decides to open. */
  public Policy policy() {
    return policy;
  }

  /** Failures in a row that open it ({@link Policy#CONSECUTIVE_FAILURES}). */
  public int consecutiveFailures() {
    return consecutiveFailures;
  }

  /** The failure rate in percent that opens it ({@link Policy#FAILURE_RATE}). */
  public float failureRatePercent() {
    return failureRatePercent;
  }

  /** The time window of the failure rate ({@link Policy#FAILURE_RATE}). */
  public Duration window() {
    return window;
  }

  /** Calls needed in the window before the rate is judged ({@link Policy#FAILURE_RATE}). */
  public int minimumCalls() {
    return minimumCalls;
  }

  /** How long it stays open before letting trial calls through. */
  public Duration openDuration() {
    return openDuration;
  }

  /** Trial calls let through when half open. */
  public int halfOpenTrialCalls() {
    return halfOpenTrialCalls;
  }

  CircuitBreakerConfig toResilience4j(Clock clock, FailureClassifier classifier) {
    CircuitBreakerConfig.Builder config =
        CircuitBreakerConfig.custom()
            .clock(clock)
            .waitDurationInOpenState(openDuration)
            .permittedNumberOfCallsInHalfOpenState(halfOpenTrialCalls)
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .recordException(classifier::countsAsFailure)
            .ignoreException(error -> !classifier.countsAsFailure(error))
            .writableStackTraceEnabled(false);
    if (policy == Policy.CONSECUTIVE_FAILURES) {
      // "n failures among the last n calls" is n consecutive failures.
      config
          .slidingWindow(consecutiveFailures, consecutiveFailures, SlidingWindowType.COUNT_BASED)
          .failureRateThreshold(100.0f);
    } else {
      int seconds = (int) Math.max(1, window.toSeconds());
      config
          .slidingWindow(seconds, minimumCalls, SlidingWindowType.TIME_BASED)
          .failureRateThreshold(failureRatePercent);
    }
    return config.build();
  }

  @Override
  public String toString() {
    return "BreakerProfile["
        + name
        + ", "
        + (policy == Policy.CONSECUTIVE_FAILURES
            ? consecutiveFailures + " consecutive failures"
            : failureRatePercent + "% of >= " + minimumCalls + " calls in " + window)
        + ", open "
        + openDuration
        + ", "
        + halfOpenTrialCalls
        + " trial calls]";
  }

  /** Builds a {@link BreakerProfile}. */
  public static final class Builder {
    private final String name;
    private final Policy policy;
    private int consecutiveFailures = 5;
    private float failureRatePercent = 50.0f;
    private Duration window = Duration.ofSeconds(60);
    private int minimumCalls = 5;
    private Duration openDuration = Duration.ofMinutes(5);
    private int halfOpenTrialCalls = 3;

    private Builder(String name, Policy policy) {
      this.name = Objects.requireNonNull(name, "name");
      this.policy = policy;
    }

    /** Calls needed in the window before the rate is judged (default 5). */
    public Builder minimumCalls(int calls) {
      this.minimumCalls = calls;
      return this;
    }

    /** How long to stay open (default 5 minutes). */
    public Builder openDuration(Duration duration) {
      this.openDuration = Objects.requireNonNull(duration, "duration");
      return this;
    }

    /**
     * Trial calls let through when half open (default 3; at most the failure count of a
     * consecutive-failures profile).
     */
    public Builder halfOpenTrialCalls(int calls) {
      this.halfOpenTrialCalls = calls;
      return this;
    }

    /** Checks the values and builds the profile. */
    public BreakerProfile build() {
      if (name.isBlank()) {
        throw new IllegalArgumentException("a profile needs a name");
      }
      if (consecutiveFailures < 1) {
        throw new IllegalArgumentException(
            "consecutive failures must be >= 1, was " + consecutiveFailures);
      }
      if (!(failureRatePercent > 0 && failureRatePercent <= 100)) {
        throw new IllegalArgumentException(
            "failure rate must be in (0, 100], was " + failureRatePercent);
      }
      if (window.toSeconds() < 1) {
        throw new IllegalArgumentException("window must be at least 1 s, was " + window);
      }
      if (minimumCalls < 1) {
        throw new IllegalArgumentException("minimum calls must be >= 1, was " + minimumCalls);
      }
      if (openDuration.toMillis() < 1) {
        throw new IllegalArgumentException("open duration must be >= 1 ms, was " + openDuration);
      }
      if (policy == Policy.CONSECUTIVE_FAILURES && halfOpenTrialCalls > consecutiveFailures) {
        // Resilience4j judges half-open trials after min(window, trials) calls; the window of a
        // consecutive-failures profile is its failure count.
        throw new IllegalArgumentException(
            "a consecutive-failures profile needs halfOpenTrialCalls ("
                + halfOpenTrialCalls
                + ") <= consecutiveFailures ("
                + consecutiveFailures
                + ")");
      }
      if (halfOpenTrialCalls < 1) {
        throw new IllegalArgumentException(
            "half-open trial calls must be >= 1, was " + halfOpenTrialCalls);
      }
      return new BreakerProfile(this);
    }
  }
}

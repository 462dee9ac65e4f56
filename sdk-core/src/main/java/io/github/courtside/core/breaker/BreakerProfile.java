package io.github.courtside.core.breaker;

import io.github.courtside.core.ValueStyle;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Clock;
import java.time.Duration;
import org.immutables.value.Value;

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
@ValueStyle
@Value.Immutable
public abstract class BreakerProfile {
  /** How a profile decides to open. */
  public enum Policy {
    /** Open after N failures in a row; a success resets the run. */
    CONSECUTIVE_FAILURES,
    /** Open when the failure rate over a time window reaches a threshold. */
    FAILURE_RATE
  }

  BreakerProfile() {}

  /**
   * A builder with the defaults of {@link #defaults()} but no name; set {@link Builder#name} and
   * {@link Builder#policy} (or start from {@link #consecutiveFailures} or {@link #failureRate}).
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A profile that opens after {@code failures} consecutive failures; trial calls default to 3, or
   * {@code failures} when fewer.
   */
  public static Builder consecutiveFailures(String name, int failures) {
    return builder().name(name).policy(Policy.CONSECUTIVE_FAILURES).consecutiveFailures(failures);
  }

  /**
   * A profile that opens when at least {@link Builder#minimumCalls(int)} calls in the last {@code
   * window} (whole seconds) failed at {@code percent} % or more.
   */
  public static Builder failureRate(String name, float percent, Duration window) {
    return builder()
        .name(name)
        .policy(Policy.FAILURE_RATE)
        .failureRatePercent(percent)
        .window(window);
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

  /** A builder starting from this profile. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** The profile's name. */
  public abstract String name();

  /** How it decides to open. Default {@link Policy#CONSECUTIVE_FAILURES}. */
  @Value.Default
  public Policy policy() {
    return Policy.CONSECUTIVE_FAILURES;
  }

  /** Failures in a row that open it ({@link Policy#CONSECUTIVE_FAILURES}). Default 5. */
  @Value.Default
  public int consecutiveFailures() {
    return 5;
  }

  /** The failure rate in percent that opens it ({@link Policy#FAILURE_RATE}). Default 50. */
  @Value.Default
  public float failureRatePercent() {
    return 50.0f;
  }

  /** The time window of the failure rate ({@link Policy#FAILURE_RATE}). Default 60 s. */
  @Value.Default
  public Duration window() {
    return Duration.ofSeconds(60);
  }

  /**
   * Calls needed in the window before the rate is judged ({@link Policy#FAILURE_RATE}). Default 5.
   */
  @Value.Default
  public int minimumCalls() {
    return 5;
  }

  /** How long it stays open before letting trial calls through. Default 5 minutes. */
  @Value.Default
  public Duration openDuration() {
    return Duration.ofMinutes(5);
  }

  /**
   * Trial calls let through when half open: default 3, or the failure count of a
   * consecutive-failures profile when fewer (it may not be more).
   */
  @Value.Default
  public int halfOpenTrialCalls() {
    return policy() == Policy.CONSECUTIVE_FAILURES
        ? Math.max(1, Math.min(3, consecutiveFailures()))
        : 3;
  }

  @Value.Check
  void check() {
    if (name().isBlank()) {
      throw new IllegalArgumentException("a profile needs a name");
    }
    if (consecutiveFailures() < 1) {
      throw new IllegalArgumentException(
          "consecutive failures must be >= 1, was " + consecutiveFailures());
    }
    if (!(failureRatePercent() > 0 && failureRatePercent() <= 100)) {
      throw new IllegalArgumentException(
          "failure rate must be in (0, 100], was " + failureRatePercent());
    }
    if (window().toSeconds() < 1) {
      throw new IllegalArgumentException("window must be at least 1 s, was " + window());
    }
    if (minimumCalls() < 1) {
      throw new IllegalArgumentException("minimum calls must be >= 1, was " + minimumCalls());
    }
    if (openDuration().toMillis() < 1) {
      throw new IllegalArgumentException("open duration must be >= 1 ms, was " + openDuration());
    }
    if (policy() == Policy.CONSECUTIVE_FAILURES && halfOpenTrialCalls() > consecutiveFailures()) {
      // Resilience4j judges half-open trials after min(window, trials) calls; the window of a
      // consecutive-failures profile is its failure count.
      throw new IllegalArgumentException(
          "a consecutive-failures profile needs halfOpenTrialCalls ("
              + halfOpenTrialCalls()
              + ") <= consecutiveFailures ("
              + consecutiveFailures()
              + ")");
    }
    if (halfOpenTrialCalls() < 1) {
      throw new IllegalArgumentException(
          "half-open trial calls must be >= 1, was " + halfOpenTrialCalls());
    }
  }

  CircuitBreakerConfig toResilience4j(Clock clock, FailureClassifier classifier) {
    CircuitBreakerConfig.Builder config =
        CircuitBreakerConfig.custom()
            .clock(clock)
            .waitDurationInOpenState(openDuration())
            .permittedNumberOfCallsInHalfOpenState(halfOpenTrialCalls())
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .recordException(classifier::countsAsFailure)
            .ignoreException(error -> !classifier.countsAsFailure(error))
            .writableStackTraceEnabled(false);
    if (policy() == Policy.CONSECUTIVE_FAILURES) {
      // "n failures among the last n calls" is n consecutive failures.
      config
          .slidingWindow(
              consecutiveFailures(), consecutiveFailures(), SlidingWindowType.COUNT_BASED)
          .failureRateThreshold(100.0f);
    } else {
      int seconds = (int) Math.max(1, window().toSeconds());
      config
          .slidingWindow(seconds, minimumCalls(), SlidingWindowType.TIME_BASED)
          .failureRateThreshold(failureRatePercent());
    }
    return config.build();
  }

  @Override
  public String toString() {
    return "BreakerProfile["
        + name()
        + ", "
        + (policy() == Policy.CONSECUTIVE_FAILURES
            ? consecutiveFailures() + " consecutive failures"
            : failureRatePercent() + "% of >= " + minimumCalls() + " calls in " + window())
        + ", open "
        + openDuration()
        + ", "
        + halfOpenTrialCalls()
        + " trial calls]";
  }

  /** Builds a {@link BreakerProfile}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableBreakerProfile.Builder {
    Builder() {}
  }
}

package io.github.courtside.core.breaker;

import io.github.courtside.core.batch.RequestGate;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.IllegalStateTransitionException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One circuit breaker of a {@link BreakerRegistry}, for one key (for example a prediction-system
 * id). Thread-safe; built on a Resilience4j {@link CircuitBreaker}.
 *
 * <p>Use {@link #execute} to protect a call, or {@link #tryAcquire()} with {@link #onSuccess()} /
 * {@link #onFailure(Throwable)} when the caller wants to skip work rather than catch an exception
 * (the per-model graceful degradation of the old worker, §4.3).
 *
 * <pre>{@code
 * Breaker breaker = breakers.breaker("catboost_v12");
 * if (breaker.tryAcquire()) {
 *   try {
 *     predictions.add(model.predict(features));
 *     breaker.onSuccess();
 *   } catch (RuntimeException e) {
 *     breaker.onFailure(e);
 *   }
 * } else {
 *   skipped.add("catboost_v12");
 * }
 * }</pre>
 */
public final class Breaker implements RequestGate {
  private final String key;
  private final BreakerProfile profile;
  private final CircuitBreaker delegate;
  private final FailureClassifier classifier;
  private final Clock clock;
  private final BreakerMetrics metrics;
  private final @Nullable SharedOpenState shared;
  private volatile @Nullable Instant openUntil;
  // Set on the thread applying a shared OPEN, so a local OPEN on another thread is never
  // mislabelled
  private final ThreadLocal<@Nullable Instant> applyingSharedUntil = new ThreadLocal<>();
  private volatile @Nullable Instant openedAt;
  private volatile @Nullable String lastAppliedShared;

  Breaker(
      String key,
      BreakerProfile profile,
      CircuitBreaker delegate,
      FailureClassifier classifier,
      Clock clock,
      BreakerMetrics metrics,
      @Nullable SharedOpenState shared) {
    this.key = key;
    this.profile = profile;
    this.delegate = delegate;
    this.classifier = classifier;
    this.clock = clock;
    this.metrics = metrics;
    this.shared = shared;
  }

  /** The key this breaker guards. */
  public String key() {
    return key;
  }

  /** The profile it was configured with. */
  public BreakerProfile profile() {
    return profile;
  }

  /**
   * The current state. An OPEN breaker whose open duration has passed reports OPEN until the next
   * {@link #tryAcquire()} moves it to HALF_OPEN.
   */
  public BreakerState state() {
    switch (delegate.getState()) {
      case OPEN:
      case FORCED_OPEN:
        return BreakerState.OPEN;
      case HALF_OPEN:
        return BreakerState.HALF_OPEN;
      default:
        return BreakerState.CLOSED;
    }
  }

  /** While OPEN, when trial calls will be let through. */
  @Override
  public Optional<Instant> openUntil() {
    return state() == BreakerState.OPEN ? Optional.ofNullable(openUntil) : Optional.empty();
  }

  /**
   * Asks to make a call: true when it may proceed (then report it with {@link #onSuccess()} or
   * {@link #onFailure(Throwable)}), false when the breaker refuses it. With shared state, an OPEN
   * decided by another JVM is applied here first.
   */
  @Override
  public boolean tryAcquire() {
    syncShared();
    boolean permitted = delegate.tryAcquirePermission();
    if (!permitted) {
      metrics.rejected(this);
    }
    return permitted;
  }

  /** Reports that a permitted call succeeded. */
  @Override
  public void onSuccess() {
    delegate.onSuccess(0, TimeUnit.NANOSECONDS);
  }

  /**
   * Reports that a permitted call failed. Errors the {@link FailureClassifier} does not count leave
   * the statistics alone. With a {@link BreakerProfile.Policy#CONSECUTIVE_FAILURES} profile a
   * counted failure while HALF_OPEN re-opens the breaker at once.
   */
  @Override
  public void onFailure(Throwable error) {
    Objects.requireNonNull(error, "error");
    if (profile.policy() == BreakerProfile.Policy.CONSECUTIVE_FAILURES
        && delegate.getState() == CircuitBreaker.State.HALF_OPEN
        && classifier.countsAsFailure(error)) {
      try {
        delegate.transitionToOpenState();
      } catch (IllegalStateTransitionException raced) {
        // another thread moved the breaker first; its transition stands
      }
    }
    delegate.onError(0, TimeUnit.NANOSECONDS, error);
  }

  /**
   * Runs {@code call} if the breaker permits it, recording the outcome; throws {@link
   * BreakerOpenException} without running it otherwise. Exceptions of the call propagate.
   */
  public <T> T execute(Supplier<T> call) {
    Objects.requireNonNull(call, "call");
    if (!tryAcquire()) {
      throw new BreakerOpenException(key, state(), openUntil);
    }
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      onFailure(e);
      throw e;
    } catch (Error e) {
      delegate.releasePermission();
      throw e;
    }
    onSuccess();
    return result;
  }

  /** Like {@link #execute(Supplier)} for a call without a result. */
  public void run(Runnable call) {
    Objects.requireNonNull(call, "call");
    if (!tryAcquire()) {
      throw new BreakerOpenException(key, state(), openUntil);
    }
    try {
      call.run();
    } catch (RuntimeException e) {
      onFailure(e);
      throw e;
    } catch (Error e) {
      delegate.releasePermission();
      throw e;
    }
    onSuccess();
  }

  /** Back to CLOSED with empty statistics (e.g. after an operator fixed the cause). */
  public void reset() {
    delegate.reset();
  }

  /**
   * Resets this breaker and, with shared state, every instance's breaker for the key: each closes
   * an OPEN that began before now at its next call after at most the sync delay. Without shared
   * state, the same as {@link #reset()}.
   */
  public void resetEverywhere() {
    Instant at = clock.instant();
    delegate.reset();
    SharedOpenState state = shared;
    if (state != null) {
      state.publishReset(key, profile.name(), at);
    }
  }

  /** Called by the registry on every transition of the delegate; returns the OPEN deadline. */
  @Nullable Instant onTransitionTo(BreakerState to, Instant at) {
    if (to != BreakerState.OPEN) {
      openUntil = null;
      if (to == BreakerState.CLOSED) {
        openedAt = null;
      }
      return null;
    }
    Instant fromShared = applyingSharedUntil.get();
    Instant until = fromShared != null ? fromShared : at.plus(profile.openDuration());
    openUntil = until;
    openedAt = at;
    if (fromShared == null && shared != null) {
      shared.publish(key, profile.name(), at, until);
    }
    return until;
  }

  /** Whether the transition being reported was caused by shared state. */
  boolean applyingShared() {
    return applyingSharedUntil.get() != null;
  }

  private void syncShared() {
    SharedOpenState state = shared;
    if (state == null) {
      return;
    }
    Optional<SharedOpenState.OpenRecord> newest = state.newest(key);
    if (newest.isEmpty()) {
      return;
    }
    SharedOpenState.OpenRecord record = newest.get();
    if (record.reset()) {
      applyReset(record, state);
      return;
    }
    Instant now = clock.instant();
    if (record.instance().equals(state.instanceId())
        || !record.openUntil().isAfter(now)
        || record.id().equals(lastAppliedShared)
        || state() == BreakerState.OPEN) {
      return;
    }
    synchronized (this) {
      if (record.id().equals(lastAppliedShared)) {
        return;
      }
      lastAppliedShared = record.id();
      applyingSharedUntil.set(record.openUntil());
      try {
        delegate.transitionToOpenStateUntil(record.openUntil());
      } catch (IllegalStateTransitionException raced) {
        // the breaker opened on its own meanwhile
      } finally {
        applyingSharedUntil.remove();
      }
    }
  }

  private void applyReset(SharedOpenState.OpenRecord record, SharedOpenState state) {
    Instant opened = openedAt;
    if (record.instance().equals(state.instanceId())
        || record.id().equals(lastAppliedShared)
        || state() == BreakerState.CLOSED
        || opened == null
        || opened.isAfter(record.at())) {
      return;
    }
    synchronized (this) {
      if (record.id().equals(lastAppliedShared)) {
        return;
      }
      lastAppliedShared = record.id();
      delegate.reset();
    }
  }

  @Override
  public String toString() {
    return "Breaker[" + key + ", " + profile.name() + ", " + state() + "]";
  }
}

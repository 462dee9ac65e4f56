package io.github.courtside.core.lock;

import io.github.courtside.core.ValueStyle;
import io.github.courtside.core.coordination.DocumentPaths;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * Immutable configuration of a {@link LeaseLock}. The defaults are the old platform's constants
 * (spec §2.2): lease 300 s, poll every 5 s, wait at most 300 s; renewal runs every third of the
 * lease, in the background for every lease until it is closed, each attempt timed out after half
 * the renewal period and a failed one retried after a tenth of it; contenders allow 2 s of clock
 * skew before taking over an expired lease.
 *
 * <pre>{@code
 * LeaseLockConfig config = LeaseLockConfig.builder()
 *     .lease(Duration.ofMinutes(5))
 *     .pollInterval(Duration.ofSeconds(5))
 *     .waitBudget(Duration.ofMinutes(5))
 *     .owner("coordinator-" + instanceId)
 *     .build();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class LeaseLockConfig {
  /** Default lease: 300 s. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

  /** Default poll interval between acquisition attempts: 5 s. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

  /** Default wait budget of {@link LeaseLock#acquire(String)}: 300 s. */
  public static final Duration DEFAULT_WAIT_BUDGET = Duration.ofMinutes(5);

  /**
   * Default allowance for clock skew between a holder and its contenders: 2 s. A contender takes
   * over only once its own clock is this far past the holder-written expiry.
   */
  public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofSeconds(2);

  /** Default root collection of lock documents. */
  public static final String DEFAULT_COLLECTION = "locks";

  LeaseLockConfig() {}

  /** The defaults. */
  public static LeaseLockConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration (derived values included, as they are). */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** How long an acquisition or renewal holds the lock (positive); {@link #DEFAULT_LEASE}. */
  @Value.Default
  public Duration lease() {
    return DEFAULT_LEASE;
  }

  /**
   * The pause between acquisition attempts (positive, capped by the remaining wait budget); {@link
   * #DEFAULT_POLL_INTERVAL}.
   */
  @Value.Default
  public Duration pollInterval() {
    return DEFAULT_POLL_INTERVAL;
  }

  /**
   * How long {@link LeaseLock#acquire(String)} keeps trying (zero means a single attempt); {@link
   * #DEFAULT_WAIT_BUDGET}.
   */
  @Value.Default
  public Duration waitBudget() {
    return DEFAULT_WAIT_BUDGET;
  }

  /**
   * How often a held lease is renewed: in the background for every lease {@link LeaseLock} issues
   * while {@link #renewInBackground()}, and always in {@link LeaseLock#runLocked}. Shorter than the
   * lease; a third of the lease unless set.
   */
  @Value.Default
  public Duration renewEvery() {
    return lease().dividedBy(3);
  }

  /**
   * How long one background renewal may take before it counts as failed and is retried: shorter
   * than {@link #renewEvery()} (half of it unless set). A renewal acknowledged after the lease's
   * old expiry counts as a lost lease, whatever this timeout.
   */
  @Value.Default
  public Duration renewalTimeout() {
    return renewEvery().dividedBy(2);
  }

  /**
   * The first pause before a failed renewal is retried (a tenth of {@link #renewEvery()} unless
   * set); it doubles with each further failure, and is always capped at a quarter of the time the
   * lease has left, so retries come well before the lease runs out rather than at the next period.
   */
  @Value.Default
  public Duration renewalRetryDelay() {
    return renewEvery().dividedBy(10);
  }

  /**
   * The clock skew between holders and contenders that the lock tolerates: a contender takes over
   * an unreleased lease only once its own clock is this far past the expiry the holder wrote with
   * its clock. Keep it above the real skew between machines and below the lease; {@link
   * #DEFAULT_MAX_CLOCK_SKEW} unless set.
   */
  @Value.Default
  public Duration maxClockSkew() {
    return DEFAULT_MAX_CLOCK_SKEW;
  }

  /**
   * Whether every lease the lock issues ({@link LeaseLock#acquire}, {@link LeaseLock#tryAcquire})
   * is renewed in the background until it is closed or lost; true unless set. {@link
   * LeaseLock#runLocked} renews either way.
   */
  @Value.Default
  public boolean renewInBackground() {
    return true;
  }

  /** The root collection of the lock documents; {@link #DEFAULT_COLLECTION} unless set. */
  @Value.Default
  public String collection() {
    return DEFAULT_COLLECTION;
  }

  /**
   * The owner label written into lock documents, e.g. a worker or instance id (each acquisition
   * also gets a unique id); {@code pid-<pid>-<random>} unless set.
   */
  @Value.Default
  public String owner() {
    return "pid-"
        + ProcessHandle.current().pid()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The clock leases are measured with; the UTC system clock unless set. */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /** How the lock waits between acquisition attempts; {@link Sleeper#THREAD_SLEEP} unless set. */
  @Value.Default
  public Sleeper sleeper() {
    return Sleeper.THREAD_SLEEP;
  }

  /** Who hears lock events; nobody unless set. */
  @Value.Default
  public LockEventListener listener() {
    return LockEventListener.NONE;
  }

  @Value.Check
  void check() {
    positive("lease", lease());
    positive("pollInterval", pollInterval());
    if (waitBudget().isNegative()) {
      throw new IllegalArgumentException("waitBudget must not be negative: " + waitBudget());
    }
    positive("renewEvery", renewEvery());
    positive("renewalTimeout", renewalTimeout());
    positive("renewalRetryDelay", renewalRetryDelay());
    if (maxClockSkew().isNegative()) {
      throw new IllegalArgumentException("maxClockSkew must not be negative: " + maxClockSkew());
    }
    DocumentPaths.requireCollectionPath(collection());
    if (owner().isBlank()) {
      throw new IllegalArgumentException("owner must not be blank");
    }
    if (renewEvery().compareTo(lease()) >= 0) {
      throw new IllegalArgumentException(
          "renewEvery (" + renewEvery() + ") must be shorter than the lease (" + lease() + ")");
    }
    if (renewalTimeout().compareTo(renewEvery()) >= 0) {
      throw new IllegalArgumentException(
          "renewalTimeout ("
              + renewalTimeout()
              + ") must be shorter than the renewal period ("
              + renewEvery()
              + ")");
    }
    if (maxClockSkew().compareTo(lease()) >= 0) {
      throw new IllegalArgumentException(
          "maxClockSkew (" + maxClockSkew() + ") must be shorter than the lease (" + lease() + ")");
    }
  }

  private static void positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  @Override
  public String toString() {
    return "LeaseLockConfig[lease="
        + lease()
        + ", poll="
        + pollInterval()
        + ", wait="
        + waitBudget()
        + ", renewEvery="
        + renewEvery()
        + ", renewalTimeout="
        + renewalTimeout()
        + ", renewalRetryDelay="
        + renewalRetryDelay()
        + ", maxClockSkew="
        + maxClockSkew()
        + ", renewInBackground="
        + renewInBackground()
        + ", collection="
        + collection()
        + ", owner="
        + owner()
        + "]";
  }

  /** Builds a {@link LeaseLockConfig}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableLeaseLockConfig.Builder {
    Builder() {}
  }
}

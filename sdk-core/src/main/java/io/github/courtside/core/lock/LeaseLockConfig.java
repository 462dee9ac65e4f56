package io.github.courtside.core.lock;

import io.github.courtside.core.coordination.DocumentPaths;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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
public final class LeaseLockConfig {
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

  private final Duration lease;
  private final Duration pollInterval;
  private final Duration waitBudget;
  private final Duration renewEvery;
  private final Duration renewalTimeout;
  private final Duration renewalRetryDelay;
  private final Duration maxClockSkew;
  private final boolean renewInBackground;
  private final @Nullable Duration explicitRenewalTimeout;
  private final @Nullable Duration explicitRenewalRetryDelay;
  private final String collection;
  private final String owner;
  private final Clock clock;
  private final Sleeper sleeper;
  private final LockEventListener listener;

  private LeaseLockConfig(Builder builder) {
    this.lease = builder.lease;
    this.pollInterval = builder.pollInterval;
    this.waitBudget = builder.waitBudget;
    this.renewEvery = builder.renewEvery != null ? builder.renewEvery : lease.dividedBy(3);
    if (renewEvery.compareTo(lease) >= 0) {
      throw new IllegalArgumentException(
          "renewEvery (" + renewEvery + ") must be shorter than the lease (" + lease + ")");
    }
    this.explicitRenewalTimeout = builder.renewalTimeout;
    this.explicitRenewalRetryDelay = builder.renewalRetryDelay;
    this.renewalTimeout =
        builder.renewalTimeout != null ? builder.renewalTimeout : renewEvery.dividedBy(2);
    if (renewalTimeout.compareTo(renewEvery) >= 0) {
      throw new IllegalArgumentException(
          "renewalTimeout ("
              + renewalTimeout
              + ") must be shorter than the renewal period ("
              + renewEvery
              + ")");
    }
    this.renewalRetryDelay =
        builder.renewalRetryDelay != null ? builder.renewalRetryDelay : renewEvery.dividedBy(10);
    this.maxClockSkew = builder.maxClockSkew;
    if (maxClockSkew.compareTo(lease) >= 0) {
      throw new IllegalArgumentException(
          "maxClockSkew (" + maxClockSkew + ") must be shorter than the lease (" + lease + ")");
    }
    this.renewInBackground = builder.renewInBackground;
    this.collection = builder.collection;
    this.owner = builder.owner != null ? builder.owner : defaultOwner();
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.listener = builder.listener;
  }

  /** The defaults. */
  public static LeaseLockConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.lease = lease;
    builder.pollInterval = pollInterval;
    builder.waitBudget = waitBudget;
    builder.renewEvery = renewEvery;
    builder.renewalTimeout = explicitRenewalTimeout;
    builder.renewalRetryDelay = explicitRenewalRetryDelay;
    builder.maxClockSkew = maxClockSkew;
    builder.renewInBackground = renewInBackground;
    builder.collection = collection;
    builder.owner = owner;
    builder.clock = clock;
    builder.sleeper = sleeper;
    builder.listener = listener;
    return builder;
  }

  /** How long an acquisition or renewal holds the lock. */
  public Duration lease() {
    return lease;
  }

  /** The pause between acquisition attempts (capped by the remaining wait budget). */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** How long {@link LeaseLock#acquire(String)} keeps trying. */
  public Duration waitBudget() {
    return waitBudget;
  }

  /**
   * How often a held lease is renewed: in the background for every lease {@link LeaseLock} issues
   * while {@link #renewInBackground()}, and always in {@link LeaseLock#runLocked}.
   */
  public Duration renewEvery() {
    return renewEvery;
  }

  /**
   * How long one background renewal may take before it counts as failed and is retried: shorter
   * than {@link #renewEvery()} (half of it unless set). A renewal acknowledged after the lease's
   * old expiry counts as a lost lease, whatever this timeout.
   */
  public Duration renewalTimeout() {
    return renewalTimeout;
  }

  /**
   * The first pause before a failed renewal is retried (a tenth of {@link #renewEvery()} unless
   * set); it doubles with each further failure, and is always capped at a quarter of the time the
   * lease has left, so retries come well before the lease runs out rather than at the next period.
   */
  public Duration renewalRetryDelay() {
    return renewalRetryDelay;
  }

  /**
   * The clock skew between holders and contenders that the lock tolerates: a contender takes over
   * an unreleased lease only once its own clock is this far past the expiry the holder wrote with
   * its clock. Keep it above the real skew between machines and below the lease.
   */
  public Duration maxClockSkew() {
    return maxClockSkew;
  }

  /**
   * Whether every lease the lock issues ({@link LeaseLock#acquire}, {@link LeaseLock#tryAcquire})
   * is renewed in the background until it is closed or lost; true unless set. {@link
   * LeaseLock#runLocked} renews either way.
   */
  public boolean renewInBackground() {
    return renewInBackground;
  }

  /** The root collection of the lock documents. */
  public String collection() {
    return collection;
  }

  /** The owner label written into lock documents (each acquisition also gets a unique id). */
  public String owner() {
    return owner;
  }

  /** The clock leases are measured with. */
  public Clock clock() {
    return clock;
  }

  /** How the lock waits between acquisition attempts. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** Who hears lock events. */
  public LockEventListener listener() {
    return listener;
  }

  @Override
  public String toString() {
    return "LeaseLockConfig[lease="
        + lease
        + ", poll="
        + pollInterval
        + ", wait="
        + waitBudget
        + ", renewEvery="
        + renewEvery
        + ", renewalTimeout="
        + renewalTimeout
        + ", renewalRetryDelay="
        + renewalRetryDelay
        + ", maxClockSkew="
        + maxClockSkew
        + ", renewInBackground="
        + renewInBackground
        + ", collection="
        + collection
        + ", owner="
        + owner
        + "]";
  }

  private static String defaultOwner() {
    return "pid-"
        + ProcessHandle.current().pid()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Builds a {@link LeaseLockConfig}. */
  public static final class Builder {
    private Duration lease = DEFAULT_LEASE;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration waitBudget = DEFAULT_WAIT_BUDGET;
    private @Nullable Duration renewEvery;
    private @Nullable Duration renewalTimeout;
    private @Nullable Duration renewalRetryDelay;
    private Duration maxClockSkew = DEFAULT_MAX_CLOCK_SKEW;
    private boolean renewInBackground = true;
    private String collection = DEFAULT_COLLECTION;
    private @Nullable String owner;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.THREAD_SLEEP;
    private LockEventListener listener = LockEventListener.NONE;

    private Builder() {}

    /** The lease duration (positive). */
    public Builder lease(Duration lease) {
      this.lease = positive("lease", lease);
      return this;
    }

    /** The pause between acquisition attempts (positive). */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = positive("pollInterval", pollInterval);
      return this;
    }

    /** The default wait budget (zero means a single attempt). */
    public Builder waitBudget(Duration waitBudget) {
      Objects.requireNonNull(waitBudget, "waitBudget");
      if (waitBudget.isNegative()) {
        throw new IllegalArgumentException("waitBudget must not be negative: " + waitBudget);
      }
      this.waitBudget = waitBudget;
      return this;
    }

    /** The renewal period (shorter than the lease); a third of the lease unless set. */
    public Builder renewEvery(Duration renewEvery) {
      this.renewEvery = positive("renewEvery", renewEvery);
      return this;
    }

    /**
     * The timeout of one background renewal (positive, shorter than the renewal period); half the
     * renewal period unless set.
     */
    public Builder renewalTimeout(Duration renewalTimeout) {
      this.renewalTimeout = positive("renewalTimeout", renewalTimeout);
      return this;
    }

    /**
     * The first pause before a failed renewal is retried (positive; doubled per failure, capped at
     * a quarter of the lease left); a tenth of the renewal period unless set.
     */
    public Builder renewalRetryDelay(Duration renewalRetryDelay) {
      this.renewalRetryDelay = positive("renewalRetryDelay", renewalRetryDelay);
      return this;
    }

    /** The tolerated clock skew (zero or positive, shorter than the lease); 2 s unless set. */
    public Builder maxClockSkew(Duration maxClockSkew) {
      Objects.requireNonNull(maxClockSkew, "maxClockSkew");
      if (maxClockSkew.isNegative()) {
        throw new IllegalArgumentException("maxClockSkew must not be negative: " + maxClockSkew);
      }
      this.maxClockSkew = maxClockSkew;
      return this;
    }

    /** Whether issued leases are renewed in the background until closed; true unless set. */
    public Builder renewInBackground(boolean renewInBackground) {
      this.renewInBackground = renewInBackground;
      return this;
    }

    /** The root collection of lock documents; {@code locks} unless set. */
    public Builder collection(String collection) {
      this.collection = DocumentPaths.requireCollectionPath(collection);
      return this;
    }

    /** The owner label (a worker or instance id). */
    public Builder owner(String owner) {
      if (owner.isBlank()) {
        throw new IllegalArgumentException("owner must not be blank");
      }
      this.owner = owner;
      return this;
    }

    /** The clock; the system UTC clock unless set. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How to wait between attempts; {@link Sleeper#THREAD_SLEEP} unless set. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Who hears lock events; nobody unless set. */
    public Builder listener(LockEventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The configuration. */
    public LeaseLockConfig build() {
      return new LeaseLockConfig(this);
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}

package io.github.courtside.core.breaker;

import io.github.courtside.core.ComponentStyle;
import io.github.courtside.core.coordination.CoordinationStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What a {@link BreakerRegistry} is made of: its profiles, failure classifier, clock, meters,
 * listeners and optional shared state. Immutable; the builder is generated ({@link ComponentStyle})
 * and {@link Builder#build()} makes the registry.
 *
 * <pre>{@code
 * BreakerRegistry breakers = BreakerRegistry.builder()   // = BreakerRegistrySetup.builder()
 *     .profile(BreakerProfile.consecutiveFailures("prediction-system", 5).build())
 *     .defaultProfile("prediction-system")
 *     .sharedState(coordinationStore, Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 */
@ComponentStyle
@Value.Immutable
public abstract class BreakerRegistrySetup {
  BreakerRegistrySetup() {}

  /** A builder with the {@link BreakerProfile#defaults()} profile. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Profiles besides {@link BreakerProfile#defaults()}; a later profile replaces an earlier one (or
   * the default) of the same name.
   */
  public abstract List<BreakerProfile> profiles();

  /** The profile used by {@link BreakerRegistry#breaker(String)} (default {@code default}). */
  @Value.Default
  public String defaultProfile() {
    return BreakerProfile.defaults().name();
  }

  /** Which exceptions count as failures (default {@link FailureClassifier#all()}). */
  @Value.Default
  public FailureClassifier failureClassifier() {
    return FailureClassifier.all();
  }

  /** The clock for open durations, failure windows and shared-state caching. */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Publishes {@code courtside.breaker.transitions} and, with {@code resilience4j-micrometer} on
   * the class path, Resilience4j's tagged {@code resilience4j.circuitbreaker.*} meters (state,
   * calls, not-permitted calls, failure rate) to this registry.
   */
  public abstract Optional<MeterRegistry> meterRegistry();

  /** Listeners for every transition. */
  public abstract List<Consumer<BreakerTransition>> listeners();

  /**
   * Shares OPEN decisions (and {@link Breaker#resetEverywhere()}) through this store: other
   * registries on the same store see an OPEN once their read of the key is older than {@link
   * #syncDelay()} and its refresh has landed (each reads the store at most once per key per sync
   * delay, in the background: see {@link #sharedStateExecutor}).
   */
  public abstract Optional<CoordinationStore> sharedStore();

  /** How old a registry's read of a shared key may get before it is refreshed (default 30 s). */
  @Value.Default
  public Duration syncDelay() {
    return Duration.ofSeconds(30);
  }

  /**
   * Where shared-state reads and publications run (default: two daemon threads of the registry's
   * own); callers of {@link Breaker#tryAcquire()} never wait for the store. Tests may pass {@code
   * Runnable::run} to make them synchronous.
   */
  public abstract Optional<Executor> sharedStateExecutor();

  /** The store collection under which shared state lives (default {@code circuit_breakers}). */
  @Value.Default
  public String sharedCollection() {
    return "circuit_breakers";
  }

  /** This registry's id in shared documents (default a random UUID). */
  @Value.Default
  public String instanceId() {
    return UUID.randomUUID().toString();
  }

  /** The default profile and {@link #profiles()}, by name, later ones replacing earlier ones. */
  @Value.Derived
  @Value.Auxiliary
  Map<String, BreakerProfile> profilesByName() {
    Map<String, BreakerProfile> byName = new LinkedHashMap<>();
    BreakerProfile defaults = BreakerProfile.defaults();
    byName.put(defaults.name(), defaults);
    profiles().forEach(profile -> byName.put(profile.name(), profile));
    return Map.copyOf(byName);
  }

  @Value.Check
  void check() {
    if (!profilesByName().containsKey(defaultProfile())) {
      throw new IllegalArgumentException(
          "default profile " + defaultProfile() + " is not among " + profilesByName().keySet());
    }
    if (syncDelay().isNegative()) {
      throw new IllegalArgumentException("syncDelay must not be negative, was " + syncDelay());
    }
  }

  /**
   * Builds a {@link BreakerRegistrySetup} ({@link #buildSetup()}) or directly the {@link
   * BreakerRegistry} ({@link #build()}).
   */
  public static final class Builder extends ImmutableBreakerRegistrySetup.Builder {
    Builder() {}

    /** Adds (or replaces, by name) a profile. */
    public Builder profile(BreakerProfile profile) {
      return addProfiles(profile);
    }

    /** Adds a listener for every transition. */
    public Builder listener(Consumer<BreakerTransition> listener) {
      return addListeners(listener);
    }

    /** Shares OPEN decisions through {@code store}, refreshed after {@code syncDelay}. */
    public Builder sharedState(CoordinationStore store, Duration syncDelay) {
      return sharedStore(store).syncDelay(syncDelay);
    }

    /** The registry. */
    public BreakerRegistry build() {
      return BreakerRegistry.create(buildSetup());
    }
  }
}

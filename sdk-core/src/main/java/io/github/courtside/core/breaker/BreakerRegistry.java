package io.github.courtside.core.breaker;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point for circuit breakers: one {@link Breaker} per key, created on first use with a
 * named {@link BreakerProfile}. Keys are whatever the caller guards (prediction-system ids, scraper
 * names, service names); there is no list of known keys (the old per-system breaker hard-coded five
 * model ids, so new models' breakers could never open, §4.3).
 *
 * <p>Every transition is logged (WARN when opening, INFO otherwise), counted in Micrometer when a
 * registry is given, and passed to listeners. With {@link
 * BreakerRegistrySetup.Builder#sharedState}, an OPEN decided in one JVM is published to a {@link
 * CoordinationStore} (in the background) and applied by the other registries sharing it once their
 * background refresh of the key, due after the sync delay, has landed; half-opening and closing
 * stay local, except for {@link Breaker#resetEverywhere()}. No caller ever waits for the store.
 *
 * <pre>{@code
 * BreakerRegistry breakers = BreakerRegistry.builder()
 *     .profile(BreakerProfile.consecutiveFailures("prediction-system", 5)
 *         .openDuration(Duration.ofMinutes(30)).halfOpenTrialCalls(2).build())
 *     .defaultProfile("prediction-system")
 *     .failureClassifier(FailureClassifier.all())
 *     .sharedState(coordinationStore, Duration.ofSeconds(30))
 *     .meterRegistry(meterRegistry)
 *     .build();
 * double points = breakers.execute("catboost_v12", () -> model.predict(features));
 * }</pre>
 */
public final class BreakerRegistry {
  private static final Logger log = LoggerFactory.getLogger(BreakerRegistry.class);

  private final CircuitBreakerRegistry delegate;
  private final Map<String, BreakerProfile> profiles;
  private final String defaultProfile;
  private final FailureClassifier classifier;
  private final Clock clock;
  private final BreakerMetrics metrics;
  private final @Nullable SharedOpenState shared;
  private final List<Consumer<BreakerTransition>> listeners;
  private final ConcurrentHashMap<String, Breaker> breakers = new ConcurrentHashMap<>();

  private BreakerRegistry(BreakerRegistrySetup setup) {
    this.profiles = setup.profilesByName();
    this.defaultProfile = setup.defaultProfile();
    this.classifier = setup.failureClassifier();
    this.clock = setup.clock();
    Map<String, CircuitBreakerConfig> configs = new LinkedHashMap<>();
    profiles.forEach(
        (name, profile) -> configs.put(name, profile.toResilience4j(clock, classifier)));
    this.delegate = CircuitBreakerRegistry.of(configs);
    // No method reference over MeterRegistry here: Micrometer is optional, and it would load it.
    this.metrics =
        setup.meterRegistry().isPresent()
            ? MicrometerBreakerMetrics.create(setup)
            : BreakerMetrics.NOOP;
    if (metrics instanceof MicrometerBreakerMetrics micrometer) {
      micrometer.bindResilience4j(delegate);
    }
    this.listeners = new CopyOnWriteArrayList<>(setup.listeners());
    this.shared =
        setup
            .sharedStore()
            .map(
                store ->
                    new SharedOpenState(
                        store,
                        setup.sharedCollection(),
                        setup.syncDelay(),
                        setup.instanceId(),
                        clock,
                        setup.sharedStateExecutor().orElseGet(BreakerRegistry::sharedStatePool)))
            .orElse(null);
  }

  /**
   * A builder with the {@link BreakerProfile#defaults()} profile: {@link
   * BreakerRegistrySetup#builder()}.
   */
  public static BreakerRegistrySetup.Builder builder() {
    return BreakerRegistrySetup.builder();
  }

  /** The registry {@code setup} describes. */
  public static BreakerRegistry create(BreakerRegistrySetup setup) {
    return new BreakerRegistry(setup);
  }

  /** A registry with the default profile only and no shared state. */
  public static BreakerRegistry defaults() {
    return builder().build();
  }

  /** The breaker for {@code key} with the default profile, created on first use. */
  public Breaker breaker(String key) {
    return breaker(key, defaultProfile);
  }

  /**
   * The breaker for {@code key}, created with {@code profile} on first use. Asking for an existing
   * key with another profile is an error.
   */
  public Breaker breaker(String key, String profile) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("a breaker key must not be empty");
    }
    BreakerProfile chosen = profiles.get(profile);
    if (chosen == null) {
      throw new IllegalArgumentException(
          "no breaker profile named " + profile + "; known: " + profiles.keySet());
    }
    Breaker breaker = breakers.computeIfAbsent(key, k -> create(k, chosen));
    if (!breaker.profile().name().equals(profile)) {
      throw new IllegalArgumentException(
          "breaker "
              + key
              + " already exists with profile "
              + breaker.profile().name()
              + ", not "
              + profile);
    }
    return breaker;
  }

  /** Runs {@code call} through the breaker for {@code key} (default profile). */
  public <T> T execute(String key, Supplier<T> call) {
    return breaker(key).execute(call);
  }

  /** Every breaker created so far, sorted by key. */
  public List<Breaker> breakers() {
    List<Breaker> all = new ArrayList<>(breakers.values());
    all.sort(Comparator.comparing(Breaker::key));
    return all;
  }

  /** Each created breaker's state, by key in key order. */
  public Map<String, BreakerState> states() {
    Map<String, BreakerState> states = new LinkedHashMap<>();
    breakers().forEach(b -> states.put(b.key(), b.state()));
    return states;
  }

  /** The profile names. */
  public Set<String> profiles() {
    return profiles.keySet();
  }

  /** Adds a listener for transitions of every breaker. */
  public void addListener(Consumer<BreakerTransition> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  private Breaker create(String key, BreakerProfile profile) {
    CircuitBreaker circuitBreaker = delegate.circuitBreaker(key, profile.name());
    Breaker breaker = new Breaker(key, profile, circuitBreaker, classifier, clock, metrics, shared);
    circuitBreaker
        .getEventPublisher()
        .onStateTransition(
            event -> {
              BreakerState from = map(event.getStateTransition().getFromState());
              BreakerState to = map(event.getStateTransition().getToState());
              if (from == to) {
                return;
              }
              Instant at = clock.instant();
              boolean fromShared = breaker.applyingShared();
              Instant until = breaker.onTransitionTo(to, at);
              BreakerTransition transition =
                  new BreakerTransition(key, profile.name(), from, to, at, fromShared);
              if (to == BreakerState.OPEN) {
                log.warn(
                    "circuit breaker {} ({}) {} -> OPEN until {}{}",
                    key,
                    profile.name(),
                    from,
                    until,
                    fromShared ? " (opened by another instance)" : "");
              } else {
                log.info("circuit breaker {} ({}) {} -> {}", key, profile.name(), from, to);
              }
              metrics.transition(transition);
              for (Consumer<BreakerTransition> listener : listeners) {
                try {
                  listener.accept(transition);
                } catch (RuntimeException e) {
                  log.warn("breaker listener failed on {}", transition, e);
                }
              }
            });
    metrics.bind(breaker);
    return breaker;
  }

  /**
   * The default executor of shared-state reads and publications: at most two daemon threads, gone
   * when idle, a bounded queue (a publication it refuses is logged, the local breaker stands).
   */
  private static Executor sharedStatePool() {
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            2,
            2,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(1_000),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "courtside-breaker-shared-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static BreakerState map(CircuitBreaker.State state) {
    switch (state) {
      case OPEN:
      case FORCED_OPEN:
        return BreakerState.OPEN;
      case HALF_OPEN:
        return BreakerState.HALF_OPEN;
      default:
        return BreakerState.CLOSED;
    }
  }
}

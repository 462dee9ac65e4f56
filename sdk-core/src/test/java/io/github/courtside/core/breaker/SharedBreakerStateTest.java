package io.github.courtside.core.breaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.CoordinationStoreException;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentQuery;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.core.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two registries (two JVMs) sharing OPEN decisions through one coordination store. */
class SharedBreakerStateTest {
  private static final Duration DELAY = Duration.ofSeconds(30);
  private static final BreakerProfile PROFILE =
      BreakerProfile.consecutiveFailures("prediction-system", 3)
          .openDuration(Duration.ofMinutes(30))
          .halfOpenTrialCalls(1)
          .build();

  private final ManualClock clock = ManualClock.at("2026-01-19T09:00:00Z");
  private final InMemoryCoordinationStore store = new InMemoryCoordinationStore();
  private final List<BreakerTransition> seenByB = new ArrayList<>();

  private BreakerRegistry registry(String instance, CoordinationStore on) {
    BreakerRegistrySetup.Builder builder =
        BreakerRegistry.builder()
            .profile(PROFILE)
            .defaultProfile(PROFILE.name())
            .clock(clock)
            .sharedState(on, DELAY)
            .sharedStateExecutor(Runnable::run)
            .instanceId(instance);
    if (instance.equals("worker-b")) {
      builder.listener(seenByB::add);
    }
    return builder.build();
  }

  private static void fail(Breaker breaker, int times) {
    for (int i = 0; i < times; i++) {
      assertTrue(breaker.tryAcquire());
      breaker.onFailure(new IllegalStateException("boom"));
    }
  }

  @Test
  void anOpenDecidedInOneInstanceIsSeenByAnotherWithinTheSyncDelay() {
    BreakerRegistry a = registry("worker-a", store);
    BreakerRegistry b = registry("worker-b", store);
    String key = "catboost/v12 monthly"; // any key, even with a slash
    assertTrue(b.breaker(key).tryAcquire(), "B reads the store: nothing shared yet");
    b.breaker(key).onSuccess();

    clock.advance(Duration.ofSeconds(1));
    fail(a.breaker(key), 3);
    assertEquals(BreakerState.OPEN, a.breaker(key).state());
    Instant until = a.breaker(key).openUntil().orElseThrow();

    clock.advance(Duration.ofSeconds(28));
    assertTrue(b.breaker(key).tryAcquire(), "B's cached read is still fresh");
    b.breaker(key).onSuccess();
    clock.advance(Duration.ofSeconds(1));
    assertFalse(b.breaker(key).tryAcquire(), "30 s after B's last read it sees the OPEN");
    assertEquals(BreakerState.OPEN, b.breaker(key).state());
    assertEquals(until, b.breaker(key).openUntil().orElseThrow());
    assertEquals(1, seenByB.size());
    assertTrue(seenByB.get(0).shared());

    List<Document> published =
        store.query(DocumentQuery.in("circuit_breakers/k-catboost%2Fv12%20monthly/opens").build());
    assertEquals(1, published.size(), "B does not re-publish an OPEN it learned");
    assertEquals("worker-a", published.get(0).getString("instance").orElseThrow());

    clock.set(until.plusMillis(1));
    assertTrue(b.breaker(key).tryAcquire(), "after the shared deadline B half-opens on its own");
    b.breaker(key).onSuccess();
    assertEquals(BreakerState.CLOSED, b.breaker(key).state());
    clock.advance(DELAY);
    assertTrue(b.breaker(key).tryAcquire(), "an expired OPEN is not applied again");
  }

  @Test
  void eachOpenIsANewDocumentAndTheNewestWins() {
    BreakerRegistry a = registry("worker-a", store);
    BreakerRegistry b = registry("worker-b", store);
    fail(a.breaker("lgbm_v3"), 3);
    clock.advance(Duration.ofMinutes(31));
    assertTrue(a.breaker("lgbm_v3").tryAcquire());
    a.breaker("lgbm_v3").onFailure(new IllegalStateException("still down"));
    assertEquals(2, store.count("circuit_breakers/k-lgbm_v3/opens", ""));
    Instant second = a.breaker("lgbm_v3").openUntil().orElseThrow();
    assertFalse(b.breaker("lgbm_v3").tryAcquire());
    assertEquals(second, b.breaker("lgbm_v3").openUntil().orElseThrow());
  }

  @Test
  void aFailingStoreLeavesEachInstanceWithItsLocalBreaker() {
    CoordinationStore broken =
        new CoordinationStore() {
          @Override
          public boolean createIfAbsent(Document document) {
            throw new CoordinationStoreException(document.path(), "unavailable");
          }

          @Override
          public Optional<Document> get(String path) {
            throw new CoordinationStoreException(path, "unavailable");
          }

          @Override
          public List<Document> query(DocumentQuery query) {
            throw new CoordinationStoreException(query.collection(), "unavailable");
          }

          @Override
          public long count(String collection, String idPrefix) {
            throw new CoordinationStoreException(collection, "unavailable");
          }

          @Override
          public boolean delete(String path) {
            throw new CoordinationStoreException(path, "unavailable");
          }
        };
    BreakerRegistry a = registry("worker-a", broken);
    fail(a.breaker("k"), 3);
    assertEquals(BreakerState.OPEN, a.breaker("k").state());
    assertFalse(a.breaker("k").tryAcquire());
  }
}

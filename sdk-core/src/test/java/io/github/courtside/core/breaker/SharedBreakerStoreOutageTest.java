package io.github.courtside.core.breaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentQuery;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.core.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Shared OPEN state never makes a caller wait for the store: reads refresh in the background, one
 * at a time per key; publications run on the executor; OPEN documents expire; and a reset reaches
 * every instance.
 */
class SharedBreakerStoreOutageTest {
  private static final Duration DELAY = Duration.ofSeconds(30);
  private static final BreakerProfile PROFILE =
      BreakerProfile.consecutiveFailures("prediction-system", 3)
          .openDuration(Duration.ofMinutes(30))
          .halfOpenTrialCalls(1)
          .build();

  private final ManualClock clock = ManualClock.at("2026-01-19T09:00:00Z");
  private final InMemoryCoordinationStore store = new InMemoryCoordinationStore();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseTheStore() {
    release.countDown();
  }

  /** The in-memory store behind a decorator that hangs every call while {@code hanging}. */
  private final class HangingStore implements CoordinationStore {
    final AtomicBoolean hanging = new AtomicBoolean();
    final AtomicInteger queriesWhileHanging = new AtomicInteger();
    final AtomicInteger createsWhileHanging = new AtomicInteger();

    private void hangIfAsked(AtomicInteger counter) {
      if (hanging.get()) {
        counter.incrementAndGet();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public boolean createIfAbsent(Document document) {
      hangIfAsked(createsWhileHanging);
      return store.createIfAbsent(document);
    }

    @Override
    public Optional<Document> get(String path) {
      return store.get(path);
    }

    @Override
    public List<Document> query(DocumentQuery query) {
      hangIfAsked(queriesWhileHanging);
      return store.query(query);
    }

    @Override
    public long count(String collection, String idPrefix) {
      return store.count(collection, idPrefix);
    }

    @Override
    public boolean delete(String path) {
      return store.delete(path);
    }
  }

  private BreakerRegistry registry(String instance, CoordinationStore on, boolean direct) {
    BreakerRegistrySetup.Builder builder =
        BreakerRegistry.builder()
            .profile(PROFILE)
            .defaultProfile(PROFILE.name())
            .clock(clock)
            .sharedState(on, DELAY)
            .instanceId(instance);
    if (direct) {
      builder.sharedStateExecutor(Runnable::run);
    }
    return builder.build();
  }

  private static void fail(Breaker breaker, int times) {
    for (int i = 0; i < times; i++) {
      assertTrue(breaker.tryAcquire());
      breaker.onFailure(new IllegalStateException("boom"));
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "condition not reached in 5 s");
      Thread.sleep(5);
    }
  }

  @Test
  void aHangingStoreNeverBlocksTheCallersThreadAndIsReadOncePerKey() throws Exception {
    HangingStore hanging = new HangingStore();
    BreakerRegistry a = registry("worker-a", hanging, false);
    Breaker breaker = a.breaker("catboost_v12");
    breaker.tryAcquire(); // starts the first read in the background
    breaker.onSuccess();
    Thread.sleep(100); // let it land

    hanging.hanging.set(true);
    clock.advance(DELAY.plusSeconds(1)); // the cached read is stale: every call wants a refresh
    List<Thread> callers = new ArrayList<>();
    AtomicInteger permitted = new AtomicInteger();
    assertTimeoutPreemptively(
        Duration.ofSeconds(3),
        () -> {
          for (int t = 0; t < 8; t++) {
            Thread caller =
                new Thread(
                    () -> {
                      for (int i = 0; i < 50; i++) {
                        if (breaker.tryAcquire()) {
                          breaker.onSuccess();
                          permitted.incrementAndGet();
                        }
                      }
                    });
            callers.add(caller);
            caller.start();
          }
          for (Thread caller : callers) {
            caller.join();
          }
        },
        "a caller waited for the hanging store");
    assertEquals(400, permitted.get(), "the local breaker kept serving");
    waitUntil(() -> hanging.queriesWhileHanging.get() >= 1);
    Thread.sleep(50);
    assertEquals(1, hanging.queriesWhileHanging.get(), "one refresh in flight per key");

    assertTimeoutPreemptively(
        Duration.ofSeconds(3),
        () -> fail(breaker, 3),
        "the tripping breaker waited to publish its OPEN");
    assertEquals(BreakerState.OPEN, breaker.state());
    waitUntil(() -> hanging.createsWhileHanging.get() == 1);
    release.countDown();
    waitUntil(() -> store.count("circuit_breakers/k-catboost_v12/opens", "") == 1);
  }

  @Test
  void openDocumentsCarryAnExpiryAndExpiredOnesAreDeleted() {
    BreakerRegistry a = registry("worker-a", store, true);
    fail(a.breaker("lgbm_v3"), 3);
    List<Document> first =
        store.query(DocumentQuery.in("circuit_breakers/k-lgbm_v3/opens").build());
    assertEquals(1, first.size());
    Instant until = a.breaker("lgbm_v3").openUntil().orElseThrow();
    assertEquals(
        until.plus(Duration.ofDays(1)), first.get(0).getTimestamp("expire_at").orElseThrow());

    clock.advance(Duration.ofDays(2));
    assertTrue(a.breaker("lgbm_v3").tryAcquire()); // half-opens; the trial fails: OPEN again
    a.breaker("lgbm_v3").onFailure(new IllegalStateException("still down"));
    List<Document> now = store.query(DocumentQuery.in("circuit_breakers/k-lgbm_v3/opens").build());
    assertEquals(1, now.size(), "the expired OPEN was deleted by the next publisher");
    assertFalse(now.get(0).id().equals(first.get(0).id()));
  }

  @Test
  void aFleetWideResetClosesTheOpenInEveryInstance() {
    BreakerRegistry a = registry("worker-a", store, true);
    BreakerRegistry b = registry("worker-b", store, true);
    String key = "xgb_v2";
    assertTrue(b.breaker(key).tryAcquire());
    b.breaker(key).onSuccess();
    fail(a.breaker(key), 3);
    clock.advance(DELAY);
    assertFalse(b.breaker(key).tryAcquire(), "B applies A's OPEN");
    assertEquals(BreakerState.OPEN, b.breaker(key).state());

    clock.advance(Duration.ofSeconds(1));
    a.breaker(key).resetEverywhere();
    assertEquals(BreakerState.CLOSED, a.breaker(key).state());
    assertFalse(b.breaker(key).tryAcquire(), "B's read is fresh: it still refuses");
    clock.advance(DELAY);
    assertTrue(b.breaker(key).tryAcquire(), "B applied the fleet-wide reset");
    b.breaker(key).onSuccess();
    assertEquals(BreakerState.CLOSED, b.breaker(key).state());

    // a later OPEN in B is not undone by the old reset
    clock.advance(Duration.ofSeconds(1));
    fail(b.breaker(key), 3);
    clock.advance(DELAY);
    assertFalse(b.breaker(key).tryAcquire());
    assertEquals(BreakerState.OPEN, b.breaker(key).state());
  }
}

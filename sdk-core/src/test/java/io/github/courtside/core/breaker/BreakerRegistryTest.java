package io.github.courtside.core.breaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BreakerRegistryTest {
  private final ManualClock clock = ManualClock.at("2026-01-18T12:00:00Z");
  private final List<BreakerTransition> transitions = new ArrayList<>();

  private static final BreakerProfile PER_SYSTEM =
      BreakerProfile.consecutiveFailures("prediction-system", 5)
          .openDuration(Duration.ofMinutes(30))
          .halfOpenTrialCalls(2)
          .build();

  private BreakerRegistrySetup.Builder registry() {
    return BreakerRegistry.builder()
        .profile(PER_SYSTEM)
        .defaultProfile("prediction-system")
        .clock(clock)
        .listener(transitions::add);
  }

  private static void fail(Breaker breaker, int times) {
    for (int i = 0; i < times; i++) {
      assertTrue(breaker.tryAcquire());
      breaker.onFailure(new IllegalStateException("model failed"));
    }
  }

  @Test
  void everyKeyGetsItsOwnBreakerWithoutAnyListOfKnownKeys() {
    BreakerRegistry breakers = registry().build();
    Breaker v12 = breakers.breaker("catboost_v12");
    Breaker monthly = breakers.breaker("catboost_monthly_2026_03");
    fail(v12, 5);
    assertEquals(BreakerState.OPEN, v12.state());
    assertEquals(BreakerState.CLOSED, monthly.state(), "other systems keep predicting");
    assertTrue(monthly.tryAcquire());
    assertEquals(
        Map.of("catboost_monthly_2026_03", BreakerState.CLOSED, "catboost_v12", BreakerState.OPEN),
        breakers.states());
    assertEquals(v12, breakers.breaker("catboost_v12"), "one breaker per key");
  }

  @Test
  void consecutiveFailuresOpenAndAnySuccessResetsTheRun() {
    Breaker breaker = registry().build().breaker("xgboost_v1");
    fail(breaker, 4);
    assertTrue(breaker.tryAcquire());
    breaker.onSuccess();
    fail(breaker, 4);
    assertEquals(BreakerState.CLOSED, breaker.state());
    fail(breaker, 1);
    assertEquals(BreakerState.OPEN, breaker.state());
    assertEquals(Instant.parse("2026-01-18T12:30:00Z"), breaker.openUntil().orElseThrow());
  }

  @Test
  void openRefusesUntilTheOpenDurationPassedThenTrialCallsDecide() {
    Breaker breaker = registry().build().breaker("ensemble_v1");
    fail(breaker, 5);
    BreakerOpenException refused =
        assertThrows(BreakerOpenException.class, () -> breaker.execute(() -> 1));
    assertEquals("ensemble_v1", refused.key());
    assertEquals(Instant.parse("2026-01-18T12:30:00Z"), refused.openUntil().orElseThrow());
    assertTrue(refused.getMessage().contains("ensemble_v1"));

    clock.advance(Duration.ofMinutes(30));
    assertFalse(breaker.tryAcquire(), "still open at exactly the deadline");
    clock.advance(Duration.ofMillis(1));
    assertEquals(7, breaker.execute(() -> 7));
    assertEquals(BreakerState.HALF_OPEN, breaker.state());
    assertThrows(
        IllegalStateException.class,
        () ->
            breaker.execute(
                () -> {
                  throw new IllegalStateException("still broken");
                }));
    assertEquals(BreakerState.OPEN, breaker.state(), "a failed trial call re-opens");

    clock.advance(Duration.ofMinutes(31));
    breaker.run(() -> {});
    breaker.run(() -> {});
    assertEquals(BreakerState.CLOSED, breaker.state(), "two successful trial calls close it");
    assertEquals(
        List.of(
            BreakerState.OPEN,
            BreakerState.HALF_OPEN,
            BreakerState.OPEN,
            BreakerState.HALF_OPEN,
            BreakerState.CLOSED),
        transitions.stream().map(BreakerTransition::to).toList());
  }

  @Test
  void halfOpenLetsOnlyTheTrialCallsThrough() {
    Breaker breaker = registry().build().breaker("moving_average");
    fail(breaker, 5);
    clock.advance(Duration.ofMinutes(31));
    assertTrue(breaker.tryAcquire());
    assertTrue(breaker.tryAcquire());
    assertFalse(breaker.tryAcquire(), "the old breakers let unlimited trial calls through");
  }

  @Test
  void errorsTheClassifierDoesNotCountLeaveTheBreakerAlone() {
    Breaker breaker =
        registry()
            .failureClassifier(FailureClassifier.of(IOException.class))
            .build()
            .breaker("odds_api");
    for (int i = 0; i < 10; i++) {
      assertThrows(
          IllegalArgumentException.class,
          () ->
              breaker.execute(
                  () -> {
                    throw new IllegalArgumentException("caller's bad input");
                  }));
    }
    assertEquals(BreakerState.CLOSED, breaker.state());
    for (int i = 0; i < 5; i++) {
      assertThrows(
          UncheckedIOException.class,
          () ->
              breaker.execute(
                  () -> {
                    throw new UncheckedIOException(new IOException("connection reset"));
                  }));
    }
    assertEquals(BreakerState.OPEN, breaker.state());
  }

  @Test
  void failureRateProfileOpensOnTheRateOverTheWindowOnly() {
    BreakerRegistry breakers =
        registry()
            .profile(
                BreakerProfile.failureRate("scrapers", 50.0f, Duration.ofSeconds(60))
                    .minimumCalls(4)
                    .openDuration(Duration.ofMinutes(5))
                    .build())
            .build();
    Breaker breaker = breakers.breaker("oddsa_events", "scrapers");
    fail(breaker, 1);
    assertTrue(breaker.tryAcquire());
    breaker.onSuccess();
    fail(breaker, 1);
    assertEquals(BreakerState.CLOSED, breaker.state(), "3 calls are below the minimum of 4");
    clock.advance(Duration.ofSeconds(61));
    fail(breaker, 1);
    assertEquals(BreakerState.CLOSED, breaker.state(), "earlier calls left the window");
    assertTrue(breaker.tryAcquire());
    breaker.onSuccess();
    assertTrue(breaker.tryAcquire());
    breaker.onSuccess();
    fail(breaker, 1);
    assertEquals(BreakerState.OPEN, breaker.state(), "2 of 4 calls in the window failed");
  }

  @Test
  void transitionsAreCountedInMicrometer() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    BreakerRegistry breakers = registry().meterRegistry(meters).build();
    Breaker breaker = breakers.breaker("catboost_v12");
    assertEquals(
        1.0,
        meters
            .get("resilience4j.circuitbreaker.state")
            .tags("name", "catboost_v12", "state", "closed")
            .gauge()
            .value());
    fail(breaker, 5);
    assertFalse(breaker.tryAcquire());
    assertEquals(
        1.0,
        meters
            .get("courtside.breaker.transitions")
            .tags("breaker", "catboost_v12", "from", "CLOSED", "to", "OPEN")
            .counter()
            .count());
    assertEquals(
        1.0,
        meters
            .get("resilience4j.circuitbreaker.not.permitted.calls")
            .tag("name", "catboost_v12")
            .counter()
            .count());
    assertEquals(
        1.0,
        meters
            .get("resilience4j.circuitbreaker.state")
            .tags("name", "catboost_v12", "state", "open")
            .gauge()
            .value());
    assertEquals(
        5.0,
        meters
            .get("resilience4j.circuitbreaker.calls")
            .tags("name", "catboost_v12", "kind", "failed")
            .timer()
            .count());
    assertEquals(1, transitions.size());
    assertFalse(transitions.get(0).shared());
  }

  @Test
  void profilesAreCheckedByName() {
    BreakerRegistry breakers = registry().build();
    assertThrows(IllegalArgumentException.class, () -> breakers.breaker("x", "nope"));
    breakers.breaker("x", "default");
    IllegalArgumentException clash =
        assertThrows(
            IllegalArgumentException.class, () -> breakers.breaker("x", "prediction-system"));
    assertTrue(clash.getMessage().contains("already exists with profile default"));
    assertThrows(
        IllegalArgumentException.class,
        () -> BreakerRegistry.builder().defaultProfile("missing").build());
    assertThrows(
        IllegalArgumentException.class, () -> BreakerProfile.consecutiveFailures("p", 0).build());
    breakers.breaker("x", "default").reset();
  }
}

package io.github.courtside.bigquery.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.warehouse.TableId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LoadJobQuotaGuardTest {
  private static final TableId GAMES = TableId.of("nba", "player_game");
  private static final TableId OTHER = TableId.of("nba", "prediction_accuracy");
  private final ManualClock clock = ManualClock.at("2026-01-26T23:00:00Z");

  @Test
  void I17_refusesAtNinetyFivePercentNamingTableAndCounts() {
    LoadJobQuotaGuard guard = LoadJobQuotaGuard.builder().dailyLimit(100).clock(clock).build();
    for (int i = 1; i <= 95; i++) {
      assertEquals(i, guard.acquire(GAMES));
    }
    LoadJobQuotaExceededException refused =
        assertThrows(LoadJobQuotaExceededException.class, () -> guard.acquire(GAMES));
    assertEquals(95, refused.used());
    assertEquals(100, refused.limit());
    assertEquals(GAMES, refused.quotaTable());
    assertEquals(LocalDate.parse("2026-01-26"), refused.day());
    assertTrue(refused.getMessage().contains("nba.player_game"), refused.getMessage());
    assertTrue(refused.getMessage().contains("95 of its 100"), refused.getMessage());
    assertFalse(refused.retryable());
    assertEquals(95, guard.usedToday(GAMES), "a refused job is not counted");
    assertEquals(1, guard.acquire(OTHER), "each table has its own budget");
  }

  @Test
  void theDefaultLimitIsBigQuerysFifteenHundred() {
    LoadJobQuotaGuard guard = LoadJobQuotaGuard.builder().clock(clock).build();
    assertEquals(1500, guard.dailyLimit());
    for (int i = 0; i < 1425; i++) {
      guard.acquire(GAMES);
    }
    assertThrows(LoadJobQuotaExceededException.class, () -> guard.acquire(GAMES));
  }

  @Test
  void theCountStartsAgainOnTheNextUtcDay() {
    LoadJobQuotaGuard guard = LoadJobQuotaGuard.builder().dailyLimit(2).clock(clock).build();
    guard.acquire(GAMES);
    guard.acquire(GAMES);
    assertThrows(LoadJobQuotaExceededException.class, () -> guard.acquire(GAMES));
    clock.advance(Duration.ofHours(1));
    assertEquals(1, guard.acquire(GAMES));
  }

  @Test
  void aFleetSharesOneBudgetThroughTheCoordinationStore() {
    InMemoryCoordinationStore store = new InMemoryCoordinationStore();
    LoadJobQuotaGuard first =
        LoadJobQuotaGuard.builder().dailyLimit(20).clock(clock).coordinationStore(store).build();
    LoadJobQuotaGuard second =
        LoadJobQuotaGuard.builder().dailyLimit(20).clock(clock).coordinationStore(store).build();
    for (int i = 0; i < 9; i++) {
      first.acquire(GAMES);
      second.acquire(GAMES);
    }
    assertEquals(19, first.acquire(GAMES), "the second guard's jobs count for the first");
    assertEquals(19, second.usedToday(GAMES));
    assertThrows(LoadJobQuotaExceededException.class, () -> first.acquire(GAMES));
    assertThrows(LoadJobQuotaExceededException.class, () -> second.acquire(GAMES));
  }

  @Test
  void warningsStartAtEightyPercentAndMetricsCountEveryDecision() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    java.util.List<Long> heard = new java.util.ArrayList<>();
    MicrometerLoadJobQuotaMetrics metrics = new MicrometerLoadJobQuotaMetrics(registry);
    LoadJobQuotaGuard guard =
        LoadJobQuotaGuard.builder()
            .dailyLimit(10)
            .clock(clock)
            .listener(
                new LoadJobQuotaListener() {
                  @Override
                  public void started(TableId table, long used, long limit) {
                    heard.add(used);
                    metrics.started(table, used, limit);
                  }

                  @Override
                  public void warned(TableId table, long used, long limit) {
                    heard.add(1000 + used);
                    metrics.warned(table, used, limit);
                  }

                  @Override
                  public void refused(TableId table, long used, long limit) {
                    heard.add(-used);
                    metrics.refused(table, used, limit);
                  }
                })
            .build();
    for (int i = 0; i < 10; i++) {
      guard.acquire(GAMES);
    }
    assertThrows(LoadJobQuotaExceededException.class, () -> guard.acquire(GAMES));
    // warn from 80% (8 of 10), refuse from 95% (ceil 9.5 = 10 used: the 11th job)
    assertEquals(
        java.util.List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 1008L, 8L, 1009L, 9L, 1010L, 10L, -10L),
        heard);
    assertEquals(
        3.0,
        registry
            .get("courtside.bigquery.load.jobs.warnings")
            .tag("table", "nba.player_game")
            .counter()
            .count());
    assertEquals(
        10.0,
        registry
            .get("courtside.bigquery.load.jobs")
            .tags("table", "nba.player_game", "outcome", "started")
            .counter()
            .count());
    assertEquals(
        1.0,
        registry
            .get("courtside.bigquery.load.jobs")
            .tags("table", "nba.player_game", "outcome", "refused")
            .counter()
            .count());
    assertEquals(
        10.0,
        registry
            .get("courtside.bigquery.load.jobs.used")
            .tag("table", "nba.player_game")
            .gauge()
            .value());
  }

  @Test
  void thresholdsAreValidated() {
    assertThrows(
        IllegalArgumentException.class,
        () -> LoadJobQuotaGuard.builder().warnAt(0.99).refuseAt(0.9).build());
    assertThrows(
        IllegalArgumentException.class, () -> LoadJobQuotaGuard.builder().dailyLimit(0).build());
    assertThrows(
        IllegalArgumentException.class, () -> LoadJobQuotaGuard.builder().refuseAt(1.5).build());
  }
}

package io.github.courtside.models.feature;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UpstreamGateTest {
  private static final Instant NOW = Instant.parse("2026-02-02T18:00:00Z");
  private final UpstreamGate gate =
      UpstreamGate.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  @Test
  void I10_refuseToBuildWhenUpstreamIsIncomplete() {
    UpstreamIncompleteException few =
        assertThrows(
            UpstreamIncompleteException.class,
            () -> gate.requireComplete("player_composite_factors", 12, NOW, true));
    assertEquals("player_composite_factors", few.upstream());
    assertThrows(
        UpstreamIncompleteException.class,
        () ->
            gate.requireComplete("player_daily_cache", 400, NOW.minus(Duration.ofHours(7)), true));
    assertDoesNotThrow(
        () ->
            gate.requireComplete("player_daily_cache", 400, NOW.minus(Duration.ofHours(5)), true));
    // Backfills of past dates are not held to same-day freshness.
    assertDoesNotThrow(
        () ->
            gate.requireComplete("player_daily_cache", 400, NOW.minus(Duration.ofDays(30)), false));
  }
}

package io.github.courtside.core.consolidation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.courtside.core.consolidation.ConsolidationReport.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MicrometerConsolidationMetricsTest {
  private static final LocalDate DAY = LocalDate.parse("2026-02-01");

  @Test
  void stepsReportsAndFailuresBecomeMeters() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerConsolidationMetrics metrics = new MicrometerConsolidationMetrics(registry);
    metrics.stepCompleted("b1", DAY, ConsolidationStep.MERGED, Duration.ofMillis(250));
    metrics.consolidationFinished(
        new ConsolidationReport(
            "b1",
            DAY,
            Outcome.CONSOLIDATED,
            1,
            Optional.empty(),
            1,
            List.of(),
            10,
            9,
            2,
            3,
            Map.of(),
            List.of(),
            List.of()));
    metrics.consolidationFailed(
        new ConsolidationFailedException("b2", DAY, ConsolidationStep.VERIFIED, "0-row merge"));

    assertEquals(
        250.0,
        registry
            .get("courtside.consolidation.step")
            .tag("step", "MERGED")
            .timer()
            .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS));
    assertEquals(
        9.0, registry.get("courtside.consolidation.rows").tag("kind", "merged").counter().count());
    assertEquals(
        2.0,
        registry.get("courtside.consolidation.rows").tag("kind", "deactivated").counter().count());
    assertEquals(
        1.0,
        registry
            .get("courtside.consolidation.runs")
            .tag("outcome", "CONSOLIDATED")
            .counter()
            .count());
    assertEquals(
        1.0,
        registry.get("courtside.consolidation.failures").tag("step", "VERIFIED").counter().count());
  }
}

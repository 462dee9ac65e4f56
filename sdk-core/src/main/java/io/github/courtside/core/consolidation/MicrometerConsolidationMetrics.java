package io.github.courtside.core.consolidation;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Records consolidations in a Micrometer registry (Micrometer is an optional dependency: only this
 * class needs it):
 *
 * <ul>
 *   <li>{@code courtside.consolidation.step} timer, tag {@code step};
 *   <li>{@code courtside.consolidation.rows} counter, tag {@code kind} = staged, merged or
 *       deactivated;
 *   <li>{@code courtside.consolidation.runs} counter, tag {@code outcome};
 *   <li>{@code courtside.consolidation.failures} counter, tag {@code step}.
 * </ul>
 *
 * <pre>{@code
 * ConsolidationConfig config = ConsolidationConfig.builder(spec)
 *     .listener(new MicrometerConsolidationMetrics(registry))
 *     .build();
 * }</pre>
 */
public final class MicrometerConsolidationMetrics implements ConsolidationListener {
  private final MeterRegistry registry;

  /** Metrics in {@code registry}. */
  public MicrometerConsolidationMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void stepCompleted(
      String batchId, LocalDate partition, ConsolidationStep step, Duration elapsed) {
    registry.timer("courtside.consolidation.step", "step", step.name()).record(elapsed);
  }

  @Override
  public void consolidationFinished(ConsolidationReport report) {
    registry
        .counter("courtside.consolidation.runs", "outcome", report.outcome().name())
        .increment();
    registry
        .counter("courtside.consolidation.rows", "kind", "staged")
        .increment((double) report.stagedRows());
    registry
        .counter("courtside.consolidation.rows", "kind", "merged")
        .increment((double) report.mergedRows());
    registry
        .counter("courtside.consolidation.rows", "kind", "deactivated")
        .increment((double) report.deactivatedRows());
  }

  @Override
  public void consolidationFailed(ConsolidationFailedException failure) {
    registry.counter("courtside.consolidation.failures", "step", failure.step().name()).increment();
  }
}

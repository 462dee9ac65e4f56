package io.github.courtside.core.consolidation;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Hears what a {@link Consolidator} does, for metrics or alerting; {@link
 * MicrometerConsolidationMetrics} records them in a Micrometer registry. Methods run on the
 * consolidating thread and must not throw.
 *
 * <pre>{@code
 * ConsolidationConfig.builder(spec)
 *     .listener(new MicrometerConsolidationMetrics(meterRegistry))
 *     .build();
 * }</pre>
 */
public interface ConsolidationListener {
  /** A listener that ignores everything. */
  ConsolidationListener NONE = new ConsolidationListener() {};

  /** A step finished and was journaled. */
  default void stepCompleted(
      String batchId, LocalDate partition, ConsolidationStep step, Duration elapsed) {}

  /** A consolidation call returned a report. */
  default void consolidationFinished(ConsolidationReport report) {}

  /** A consolidation failed; its staging tables were kept. */
  default void consolidationFailed(ConsolidationFailedException failure) {}
}

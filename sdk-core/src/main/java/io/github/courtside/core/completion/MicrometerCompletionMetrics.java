package io.github.courtside.core.completion;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Records completion tracking in a Micrometer registry (Micrometer is an optional dependency: only
 * this class needs it):
 *
 * <ul>
 *   <li>{@code courtside.completion.records} counter, tag {@code status} (lower case: recorded,
 *       completed_batch, duplicate, late, retrigger, not_expected, unknown_batch): every record
 *       call;
 *   <li>{@code courtside.completion.closures} counter, tag {@code reason};
 *   <li>{@code courtside.completion.retriggers} counter, tags {@code reason} (why the batch closed)
 *       and {@code source} ({@code record} or {@code stall-check}): every "batch complete"
 *       delivered again because the first delivery was never marked consumed;
 *   <li>{@code courtside.completion.consumed} counter, tag {@code retrigger} (whether the consuming
 *       claim was a retrigger).
 * </ul>
 *
 * <pre>{@code
 * CompletionTrackerConfig config = CompletionTrackerConfig.builder()
 *     .listener(new MicrometerCompletionMetrics(registry))
 *     .build();
 * }</pre>
 */
public final class MicrometerCompletionMetrics implements CompletionListener {
  private final MeterRegistry registry;

  /** Metrics in {@code registry}. */
  public MicrometerCompletionMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void recorded(RecordOutcome outcome) {
    registry
        .counter(
            "courtside.completion.records",
            "status",
            outcome.status().name().toLowerCase(java.util.Locale.ROOT))
        .increment();
  }

  @Override
  public void batchClosed(BatchClosure closure) {
    registry
        .counter("courtside.completion.closures", "reason", closure.reason().name())
        .increment();
  }

  @Override
  public void retriggered(TriggerClaim claim, String source) {
    registry
        .counter(
            "courtside.completion.retriggers", "reason", claim.reason().name(), "source", source)
        .increment();
  }

  @Override
  public void consumed(TriggerClaim claim) {
    registry
        .counter(
            "courtside.completion.consumed", "retrigger", Boolean.toString(claim.isRetrigger()))
        .increment();
  }
}

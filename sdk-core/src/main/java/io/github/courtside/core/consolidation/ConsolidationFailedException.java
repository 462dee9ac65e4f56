package io.github.courtside.core.consolidation;

import io.github.courtside.core.CourtsideException;
import java.time.LocalDate;

/**
 * A consolidation stopped at a step; its staging tables are kept and a later run retries it.
 *
 * <pre>{@code
 * try {
 *   consolidator.consolidate(batchId, date);
 * } catch (ConsolidationFailedException e) {
 *   log.error("batch {} failed at {}", e.batchId(), e.step(), e);
 * }
 * }</pre>
 */
public class ConsolidationFailedException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final String batchId;
  private final LocalDate partition;
  private final ConsolidationStep step;

  public ConsolidationFailedException(
      String batchId,
      LocalDate partition,
      ConsolidationStep step,
      String message,
      Throwable cause) {
    super(describe(batchId, partition, step, message), cause);
    this.batchId = batchId;
    this.partition = partition;
    this.step = step;
  }

  public ConsolidationFailedException(
      String batchId, LocalDate partition, ConsolidationStep step, String message) {
    super(describe(batchId, partition, step, message));
    this.batchId = batchId;
    this.partition = partition;
    this.step = step;
  }

  private static String describe(
      String batchId, LocalDate partition, ConsolidationStep step, String message) {
    return "consolidation of batch "
        + batchId
        + " into partition "
        + partition
        + " failed at step "
        + step
        + ": "
        + message
        + " (staging tables kept; the consolidation can be retried)";
  }

  /** The batch. */
  public String batchId() {
    return batchId;
  }

  /** The partition. */
  public LocalDate partition() {
    return partition;
  }

  /** The step that failed. */
  public ConsolidationStep step() {
    return step;
  }
}

package io.github.courtside.core.consolidation;

/**
 * The journaled steps of a consolidation, in order. A consolidation that crashed resumes after the
 * last step its journal records; one that failed starts again at {@link #PLANNED}.
 *
 * <pre>{@code
 * report.timings().forEach(t -> log.info("{} took {}", t.step(), t.elapsed()));
 * }</pre>
 */
public enum ConsolidationStep {
  /** Schemas reconciled, staging tables fixed for this round, new columns added. */
  PLANNED,
  /** The MERGE ran. */
  MERGED,
  /** Every staged row was found merged; a 0-row merge or failed check stops here (I-5, H-3). */
  VERIFIED,
  /**
   * Older active rows per group deactivated, newest by the refreshed timestamp kept (I-12, H-4).
   */
  SUPERSEDED,
  /** No merge key has two active rows (I-15). */
  CHECKED,
  /** The verified staging tables dropped (H-6); the round is finished. */
  CLEANED;

  /** The step after this one, or empty after {@link #CLEANED}. */
  java.util.Optional<ConsolidationStep> next() {
    return switch (this) {
      case PLANNED -> java.util.Optional.of(MERGED);
      case MERGED -> java.util.Optional.of(VERIFIED);
      case VERIFIED -> java.util.Optional.of(SUPERSEDED);
      case SUPERSEDED -> java.util.Optional.of(CHECKED);
      case CHECKED -> java.util.Optional.of(CLEANED);
      case CLEANED -> java.util.Optional.empty();
    };
  }
}

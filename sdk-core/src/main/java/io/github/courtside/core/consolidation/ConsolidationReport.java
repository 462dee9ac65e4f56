package io.github.courtside.core.consolidation;

import io.github.courtside.core.warehouse.TableId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link Consolidator#consolidate} call did, with counts and timings per step.
 *
 * <pre>{@code
 * ConsolidationReport report = consolidator.consolidate(batchId, date);
 * log.info("{}: {} staged, {} merged, {} deactivated", report.outcome(), report.stagedRows(),
 *     report.mergedRows(), report.deactivatedRows());
 * }</pre>
 *
 * @param batchId the batch
 * @param partition the partition consolidated
 * @param outcome what happened
 * @param round the journal round (a batch gets a new round when staging tables appear after it
 *     finished)
 * @param resumedAfter the last journaled step of an interrupted run this call resumed after
 * @param fencingToken the lease token this call held
 * @param stagingTables the staging tables of this round
 * @param stagedRows deduplicated staged rows of the partition
 * @param mergedRows rows the MERGE inserted or updated
 * @param deactivatedRows rows the supersede step deactivated
 * @param droppedTables staging tables dropped
 * @param keptTables staging tables of this round kept because they gained rows after planning; the
 *     next round merges them
 * @param ignoredColumns staging columns ignored under the INTERSECT policy, with their tables
 * @param addedColumns columns added to the main table under APPEND_NEW_COLUMNS
 * @param timings the steps this call ran, with their duration by the injected clock
 */
public record ConsolidationReport(
    String batchId,
    LocalDate partition,
    Outcome outcome,
    int round,
    Optional<ConsolidationStep> resumedAfter,
    long fencingToken,
    List<TableId> stagingTables,
    long stagedRows,
    long mergedRows,
    long deactivatedRows,
    long droppedTables,
    List<TableId> keptTables,
    Map<String, List<TableId>> ignoredColumns,
    List<String> addedColumns,
    List<StepTiming> timings) {

  public ConsolidationReport {
    Objects.requireNonNull(batchId, "batchId");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(resumedAfter, "resumedAfter");
    stagingTables = List.copyOf(stagingTables);
    keptTables = List.copyOf(keptTables);
    ignoredColumns = Map.copyOf(ignoredColumns);
    addedColumns = List.copyOf(addedColumns);
    timings = List.copyOf(timings);
  }

  /** A report without kept tables (the constructor before {@code keptTables} existed). */
  public ConsolidationReport(
      String batchId,
      LocalDate partition,
      Outcome outcome,
      int round,
      Optional<ConsolidationStep> resumedAfter,
      long fencingToken,
      List<TableId> stagingTables,
      long stagedRows,
      long mergedRows,
      long deactivatedRows,
      long droppedTables,
      Map<String, List<TableId>> ignoredColumns,
      List<String> addedColumns,
      List<StepTiming> timings) {
    this(
        batchId,
        partition,
        outcome,
        round,
        resumedAfter,
        fencingToken,
        stagingTables,
        stagedRows,
        mergedRows,
        deactivatedRows,
        droppedTables,
        List.of(),
        ignoredColumns,
        addedColumns,
        timings);
  }

  /** What a consolidation call did. */
  public enum Outcome {
    /** Staged rows were merged, verified and their staging tables dropped. */
    CONSOLIDATED,
    /** The batch was already consolidated and nothing new was staged: nothing was done. */
    ALREADY_CONSOLIDATED,
    /** The batch has no staging tables: nothing was done. */
    NOTHING_STAGED
  }

  /**
   * How long one step took.
   *
   * @param step the step
   * @param elapsed its duration by the consolidator's clock
   */
  public record StepTiming(ConsolidationStep step, Duration elapsed) {
    public StepTiming {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(elapsed, "elapsed");
    }
  }
}

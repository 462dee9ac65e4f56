package io.github.courtside.testkit.schema;

import io.github.courtside.core.merge.MergeSpec;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A main table with rows, a batch of staging tables that drift from it, and the merge spec and
 * partition to consolidate them with.
 *
 * <pre>{@code
 * MergeScenario scenario = MergeScenarios.scenarios().sample(5L);
 * scenario.load(warehouse);
 * Consolidator.create(warehouse, leases, ConsolidationConfig.builder(scenario.spec()).build())
 *     .consolidate(scenario.batchId(), scenario.partition());
 * }</pre>
 *
 * @param spec the merge spec (main table, key, ordering column, policy)
 * @param mainSchema the main table's schema, partitioned by a DATE column
 * @param mainRows the rows the main table holds before the merge
 * @param staged the staging tables of the batch
 * @param batchId the batch id the staging tables are named after
 * @param partition the partition to consolidate
 * @param drifts what the scenario planted
 */
public record MergeScenario(
    MergeSpec spec,
    TableSchema mainSchema,
    List<Row> mainRows,
    List<StagedTable> staged,
    String batchId,
    LocalDate partition,
    Set<Drift> drifts) {

  public MergeScenario {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(mainSchema, "mainSchema");
    mainRows = List.copyOf(mainRows);
    staged = List.copyOf(staged);
    Objects.requireNonNull(batchId, "batchId");
    Objects.requireNonNull(partition, "partition");
    drifts = drifts.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(drifts));
  }

  /** Creates the main and staging tables in {@code warehouse} and appends their rows. */
  public void load(Warehouse warehouse) {
    warehouse.createTable(spec.mainTable(), mainSchema);
    warehouse.append(spec.mainTable(), mainRows);
    for (StagedTable table : staged) {
      warehouse.createTable(table.table(), table.schema());
      warehouse.append(table.table(), table.rows());
    }
  }

  /** Whether the scenario planted {@code drift}. */
  public boolean has(Drift drift) {
    return drifts.contains(drift);
  }

  /**
   * The same scenario with every staging table's rows in reverse order: a merge's result must not
   * depend on the order rows were staged in.
   */
  public MergeScenario withStagedRowsReversed() {
    List<StagedTable> reversed = new ArrayList<>();
    for (StagedTable table : staged) {
      List<Row> rows = new ArrayList<>(table.rows());
      Collections.reverse(rows);
      reversed.add(new StagedTable(table.table(), table.schema(), rows));
    }
    return new MergeScenario(spec, mainSchema, mainRows, reversed, batchId, partition, drifts);
  }
}

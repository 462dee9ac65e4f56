package io.github.courtside.duckdb.warehouse;

import static io.github.courtside.core.testkit.Predictions.DAY;
import static io.github.courtside.core.testkit.Predictions.MAIN;
import static io.github.courtside.core.testkit.Predictions.T0;
import static io.github.courtside.core.testkit.Predictions.prediction;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.courtside.core.merge.MergePlan;
import io.github.courtside.core.merge.MergePlanner;
import io.github.courtside.core.merge.MergeSpec;
import io.github.courtside.core.merge.SchemaChangePolicy;
import io.github.courtside.core.staging.StagingWriter;
import io.github.courtside.core.testkit.Predictions;
import io.github.courtside.core.warehouse.TableId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MergePlan#renderSupersedeTouchedGroups} restricts itself to groups with two active rows
 * only when the MERGE activates what it writes; a plan whose MERGE keeps the staged active value
 * still supersedes every touched group.
 */
class SupersedeTouchedGroupsTest {
  private static final List<String> GROUP = List.of("game_id", "player_lookup", "system_id");

  /** The old line is active; the batch's newer line arrives staged inactive. */
  private long deactivated(MergeSpec spec) {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory()) {
      warehouse.createTable(MAIN, Predictions.schema());
      warehouse.append(MAIN, List.of(prediction("old", "lebron", "catboost", 25.5, 28, T0)));
      List<TableId> staging =
          List.of(
              StagingWriter.of(warehouse, MAIN, "b1", "w1")
                  .write(
                      List.of(
                          prediction("new", "lebron", "catboost", 26.5, 30, T0.plusSeconds(60))
                              .toBuilder()
                              .set("is_active", false)
                              .build()))
                  .stagingTable());
      MergePlan plan = MergePlanner.plan(warehouse, spec, staging, DAY);
      warehouse.execute(plan.renderMerge(warehouse.dialect(), T0.plusSeconds(120)));
      return warehouse
          .execute(plan.renderSupersedeTouchedGroups(warehouse.dialect(), "is_active", GROUP))
          .updated();
    }
  }

  @Test
  void aMergeThatKeepsTheStagedActiveValueStillSupersedesTheTouchedGroup() {
    assertEquals(1, deactivated(Predictions.spec(SchemaChangePolicy.FAIL)));
  }

  @Test
  void aMergeThatActivatesSupersedesTheGroupItLeftWithTwoActiveRows() {
    assertEquals(
        1,
        deactivated(Predictions.spec(SchemaChangePolicy.FAIL).withAssignment("is_active", true)));
  }
}

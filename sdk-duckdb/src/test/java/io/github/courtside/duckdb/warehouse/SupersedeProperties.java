package io.github.courtside.duckdb.warehouse;

import static io.github.courtside.core.testkit.Predictions.DAY;
import static io.github.courtside.core.testkit.Predictions.MAIN;
import static io.github.courtside.core.testkit.Predictions.OTHER_DAY;
import static io.github.courtside.core.testkit.Predictions.T0;
import static io.github.courtside.core.testkit.Predictions.prediction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.courtside.core.consolidation.ConsolidationReport.Outcome;
import io.github.courtside.core.consolidation.Consolidator;
import io.github.courtside.core.staging.StagingWriter;
import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.testkit.Predictions;
import io.github.courtside.core.testkit.TestLeases;
import io.github.courtside.core.warehouse.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Consolidating random batches into a partition with random legacy rows leaves exactly the rows and
 * active flags a plain model of the rules gives: per merge key the batch's newest row (its values,
 * the first row's creation time), and in every group the batch touched only its newest staged key
 * active; untouched groups, legacy pairs of active rows among them, and other partitions are left
 * as they were. The model knows nothing of how the consolidator finds what to deactivate (the check
 * for groups with two active rows, the skipped UPDATE, fingerprints).
 */
class SupersedeProperties {
  private static final String[] PLAYERS = {"lebron", "curry", "doncic"};
  private static final @Nullable Double[] LINES = {20.5, 21.5, null};

  @Test
  void consolidatedBatchesLeaveTheModelsRowsAndActiveFlags() {
    qt().withExamples(40)
        .forAll(
            lists().of(integers().between(0, 17)).ofSizeBetween(0, 6),
            lists()
                .of(lists().of(integers().between(0, 99)).ofSizeBetween(1, 6))
                .ofSizeBetween(1, 3))
        .checkAssert(this::matchesTheModel);
  }

  private void matchesTheModel(List<Integer> legacy, List<List<Integer>> batches) {
    ManualClock clock = new ManualClock(T0);
    Map<String, ModelRow> model = new LinkedHashMap<>();
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.builder().clock(clock).build()) {
      warehouse.createTable(MAIN, Predictions.schema());
      List<Row> old = new ArrayList<>();
      for (int v : legacy) {
        String player = PLAYERS[v % 3];
        Double line = LINES[(v / 3) % 3];
        boolean active = (v / 9) % 2 == 0;
        if (model.putIfAbsent(key(player, line), new ModelRow(player, line, 10, active)) == null) {
          old.add(
              prediction("old" + old.size(), player, "catboost", line, 10, T0.minusSeconds(3600))
                  .toBuilder()
                  .set("is_active", active)
                  .build());
        }
      }
      // Another day's active row of a touched player: never this partition's to supersede.
      old.add(prediction("other", OTHER_DAY, "lebron", "catboost", 20.5, 10, T0.minusSeconds(60)));
      warehouse.append(MAIN, old);
      Consolidator consolidator =
          Consolidator.create(warehouse, new TestLeases(), Predictions.config(clock));
      for (int b = 0; b < batches.size(); b++) {
        stageAndModel(warehouse, model, "b" + b, b, batches.get(b));
        assertEquals(Outcome.CONSOLIDATED, consolidator.consolidate("b" + b, DAY).outcome());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(expected(model), actual(warehouse), "after batch " + b + " of " + batches);
      }
    }
  }

  /**
   * Stages the batch over two workers and applies it to the model: per key the newest row wins
   * (times are distinct within a batch); the winner of each touched group is its newest staged row;
   * every other row of a touched group goes inactive.
   */
  private static void stageAndModel(
      DuckDbWarehouse warehouse,
      Map<String, ModelRow> model,
      String batch,
      int number,
      List<Integer> rows) {
    Map<String, List<Row>> byWorker = new LinkedHashMap<>();
    Map<String, Staged> newestByKey = new HashMap<>();
    Map<String, Staged> newestByPlayer = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      int v = rows.get(i);
      String player = PLAYERS[v % 3];
      Double line = LINES[(v / 3) % 3];
      Instant at = T0.plusSeconds(60L * (number * 1000 + (v % 7) * 10 + i));
      Staged staged = new Staged(player, line, v, at);
      byWorker
          .computeIfAbsent("w" + (i % 2), w -> new ArrayList<>())
          .add(prediction(batch + "-" + i, player, "catboost", line, v, at));
      newestByKey.merge(key(player, line), staged, Staged::newer);
      newestByPlayer.merge(player, staged, Staged::newer);
    }
    byWorker.forEach(
        (worker, list) -> StagingWriter.of(warehouse, MAIN, batch, worker).write(list));
    newestByKey.forEach(
        (key, staged) ->
            model.put(key, new ModelRow(staged.player(), staged.line(), staged.points(), true)));
    for (Map.Entry<String, ModelRow> entry : model.entrySet()) {
      ModelRow row = entry.getValue();
      Staged winner = newestByPlayer.get(row.player());
      if (winner != null && !entry.getKey().equals(key(winner.player(), winner.line()))) {
        entry.setValue(row.inactive());
      }
    }
  }

  private static TreeSet<String> expected(Map<String, ModelRow> model) {
    TreeSet<String> rows = new TreeSet<>();
    model.values().forEach(r -> rows.add(DAY + " " + r));
    rows.add(OTHER_DAY + " lebron 20.5 10.0 active");
    return rows;
  }

  private static TreeSet<String> actual(DuckDbWarehouse warehouse) {
    TreeSet<String> rows = new TreeSet<>();
    for (Row r : Predictions.all(warehouse)) {
      rows.add(
          r.get("game_date")
              + " "
              + new ModelRow(
                  (String) Objects.requireNonNull(r.get("player_lookup")),
                  (Double) r.get("current_points_line"),
                  ((Number) Objects.requireNonNull(r.get("predicted_points"))).doubleValue(),
                  Boolean.TRUE.equals(r.get("is_active"))));
    }
    return rows;
  }

  private static String key(String player, @Nullable Double line) {
    return player + " " + line;
  }

  /** A staged row; the newer of two by creation time (distinct within a batch). */
  private record Staged(String player, @Nullable Double line, double points, Instant at) {
    static Staged newer(Staged a, Staged b) {
      return b.at().isAfter(a.at()) ? b : a;
    }
  }

  /** A row of the partition as the model sees it. */
  private record ModelRow(String player, @Nullable Double line, double points, boolean active) {
    ModelRow inactive() {
      return new ModelRow(player, line, points, false);
    }

    @Override
    public String toString() {
      return player + " " + line + " " + points + (active ? " active" : " inactive");
    }
  }
}

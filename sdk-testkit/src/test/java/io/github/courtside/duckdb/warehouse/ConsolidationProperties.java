package io.github.courtside.duckdb.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.github.courtside.core.consolidation.ConsolidationConfig;
import io.github.courtside.core.consolidation.ConsolidationFailedException;
import io.github.courtside.core.consolidation.ConsolidationStep;
import io.github.courtside.core.consolidation.Consolidator;
import io.github.courtside.core.merge.SchemaChangePolicy;
import io.github.courtside.core.testkit.TestLeases;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.SchemaMismatchException;
import io.github.courtside.testkit.Generator;
import io.github.courtside.testkit.QuickTheoriesGenerators;
import io.github.courtside.testkit.schema.Drift;
import io.github.courtside.testkit.schema.MergeScenario;
import io.github.courtside.testkit.schema.MergeScenarios;
import io.github.courtside.testkit.schema.StagedTable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Generated main/staging schema pairs and rows ({@link MergeScenarios}: missing, extra, case-only,
 * widened and mistyped columns; STRING, INT64, FLOAT64, NUMERIC and JSON keys, required or
 * nullable, with NULLs; lines 22.5 vs 23.0; ties and NULL ordering values; legacy duplicate
 * targets; rows outside the partition) consolidated on DuckDB and judged from the table itself
 * against an independent plain-Java model: the final table equals the model's (for tied keys, the
 * row is one of the newest staged rows, and the same whatever order the rows were staged in), or
 * the consolidation fails naming the offending columns or keys and leaves the main table and
 * staging as they were. The mutation check shows the property catches a merge that drops tied rows.
 */
class ConsolidationProperties {
  private static final Generator<MergeScenario> SCENARIOS = MergeScenarios.scenarios();
  private static final LocalDate DAY = MergeScenarios.DAY;
  private static final Instant NOW = MergeScenarios.NOW;
  private static final Set<String> CORE =
      Set.of("game_date", "player", "line", "prediction_id", "created_at", "updated_at");
  private static final Set<String> NOT_UPDATED =
      Set.of("game_date", "player", "line", "prediction_id", "updated_at");

  /** How a scenario is consolidated: the real consolidator, or a planted bug. */
  @FunctionalInterface
  interface Consolidation {
    void run(DuckDbWarehouse warehouse, MergeScenario scenario);
  }

  static final Consolidation REAL =
      (warehouse, scenario) ->
          Consolidator.create(
                  warehouse,
                  new TestLeases(),
                  ConsolidationConfig.builder(scenario.spec())
                      .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                      .build())
              .consolidate(scenario.batchId(), scenario.partition());

  /** The mutant: staged rows whose key is staged twice in one table are dropped, then merged. */
  static final Consolidation DROPS_TIES =
      (warehouse, scenario) -> {
        for (StagedTable table : scenario.staged()) {
          String name = warehouse.dialect().table(table.table());
          warehouse.execute(
              "DELETE FROM "
                  + name
                  + " WHERE prediction_id IN (SELECT a.prediction_id FROM "
                  + name
                  + " a JOIN "
                  + name
                  + " b ON a.player = b.player AND a.line IS NOT DISTINCT FROM b.line"
                  + " AND a.prediction_id <> b.prediction_id)");
        }
        REAL.run(warehouse, scenario);
      };

  @Test
  void consolidationMatchesThePlainJavaModelOrNamesTheOffendingColumns() {
    qt().withExamples(30)
        .forAll(QuickTheoriesGenerators.gen(SCENARIOS))
        .checkAssert(scenario -> check(scenario, REAL));
  }

  @Test
  void everyDriftIsExercised() {
    Set<Drift> seen = new TreeSet<>();
    SCENARIOS.samples(1L, 300).forEach(s -> seen.addAll(s.drifts()));
    assertEquals(Set.of(Drift.values()), seen);
  }

  @Test
  void thePropertyCatchesAMergeThatDropsTies() {
    int eligible = 0;
    int caught = 0;
    for (MergeScenario scenario : SCENARIOS.samples(3L, 60)) {
      if (!scenario.has(Drift.TIES) || expectedFailure(scenario) || eligible == 8) {
        continue;
      }
      eligible++;
      try {
        check(scenario, DROPS_TIES);
      } catch (AssertionError expected) {
        caught++;
      }
    }
    assertTrue(eligible == 8, "too few scenarios with ties: " + eligible);
    assertTrue(
        caught >= eligible / 2, "the mutant passed " + (eligible - caught) + " of " + eligible);
  }

  /** The model's verdict on the schemas: offending columns, extras, ignored columns per table. */
  private record SchemaModel(
      Set<String> offending,
      Set<String> extras,
      Map<String, ColumnType> effective,
      List<Set<String>> present) {}

  private static SchemaModel schemaModel(MergeScenario s) {
    SchemaChangePolicy policy = s.spec().schemaChangePolicy();
    Map<String, ColumnType> mainPool = new LinkedHashMap<>();
    for (Column column : s.mainSchema().columns()) {
      if (!CORE.contains(lower(column.name()))) {
        mainPool.put(lower(column.name()), column.type());
      }
    }
    Set<String> offending = new TreeSet<>();
    Map<String, Set<ColumnType>> extraTypes = new TreeMap<>();
    Map<String, ColumnType> widened = new HashMap<>();
    List<Set<String>> present = new ArrayList<>();
    for (StagedTable table : s.staged()) {
      Set<String> here = new HashSet<>();
      for (Column column : table.schema().columns()) {
        String name = lower(column.name());
        if (CORE.contains(name)) {
          continue;
        }
        ColumnType staged = column.type();
        ColumnType main = mainPool.get(name);
        if (main == null) {
          extraTypes.computeIfAbsent(name, k -> new HashSet<>()).add(staged);
          here.add(name);
        } else if (main == staged
            || (staged == ColumnType.INT64
                && (main == ColumnType.NUMERIC || main == ColumnType.FLOAT64))) {
          here.add(name);
        } else if (main == ColumnType.INT64
            && (staged == ColumnType.NUMERIC || staged == ColumnType.FLOAT64)) {
          switch (policy) {
            case FAIL -> offending.add(name);
            case INTERSECT -> {} // ignored for this table
            case APPEND_NEW_COLUMNS -> {
              ColumnType before = widened.putIfAbsent(name, staged);
              if (before != null && before != staged) {
                offending.add(name);
              }
              here.add(name);
            }
          }
        } else {
          offending.add(name);
        }
      }
      present.add(here);
    }
    extraTypes.forEach(
        (name, types) -> {
          if (types.size() > 1) {
            offending.add(name);
          }
        });
    Map<String, ColumnType> effective = new LinkedHashMap<>(mainPool);
    widened.forEach(effective::put);
    if (policy == SchemaChangePolicy.APPEND_NEW_COLUMNS) {
      extraTypes.forEach((name, types) -> effective.put(name, types.iterator().next()));
    } else if (policy == SchemaChangePolicy.INTERSECT) {
      present.forEach(here -> here.removeIf(name -> !mainPool.containsKey(name)));
    }
    return new SchemaModel(offending, extraTypes.keySet(), effective, present);
  }

  private static boolean expectedFailure(MergeScenario s) {
    SchemaModel model = schemaModel(s);
    return s.has(Drift.REFUSED_KEY_TYPE)
        || !model.offending().isEmpty()
        || (!model.extras().isEmpty() && s.spec().schemaChangePolicy() == SchemaChangePolicy.FAIL)
        || s.has(Drift.OUTSIDE_PARTITION)
        || s.has(Drift.LEGACY_DUPLICATE_TARGETS);
  }

  static void check(MergeScenario s, Consolidation consolidation) {
    try (DuckDbWarehouse warehouse =
        DuckDbWarehouse.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()) {
      s.load(warehouse);
      List<Row> before = snapshot(warehouse);
      SchemaModel model = schemaModel(s);

      if (s.has(Drift.REFUSED_KEY_TYPE)) {
        SchemaMismatchException error = failureCause(warehouse, s, consolidation);
        assertTrue(error.columns().contains("line"), error.columns().toString());
        assertUnchanged(warehouse, s, before);
        return;
      }
      if (!model.offending().isEmpty()) {
        SchemaMismatchException error = failureCause(warehouse, s, consolidation);
        assertFalse(error.columns().isEmpty());
        Set<String> named = new TreeSet<>();
        error.columns().forEach(c -> named.add(lower(c)));
        assertTrue(model.offending().containsAll(named), named + " vs " + model.offending());
        assertUnchanged(warehouse, s, before);
        return;
      }
      if (!model.extras().isEmpty() && s.spec().schemaChangePolicy() == SchemaChangePolicy.FAIL) {
        SchemaMismatchException error = failureCause(warehouse, s, consolidation);
        Set<String> named = new TreeSet<>();
        error.columns().forEach(c -> named.add(lower(c)));
        assertEquals(model.extras(), named);
        assertUnchanged(warehouse, s, before);
        return;
      }
      if (s.has(Drift.OUTSIDE_PARTITION) || s.has(Drift.LEGACY_DUPLICATE_TARGETS)) {
        ConsolidationFailedException failure =
            assertThrows(ConsolidationFailedException.class, () -> consolidation.run(warehouse, s));
        assertEquals(ConsolidationStep.PLANNED, failure.step());
        if (!s.has(Drift.OUTSIDE_PARTITION)) {
          assertTrue(failure.getMessage().contains("legacy duplicates"), failure.getMessage());
          assertTrue(failure.getMessage().contains("player="), failure.getMessage());
        }
        assertUnchanged(warehouse, s, before);
        return;
      }

      Map<String, List<String>> expectedFixed = new TreeMap<>();
      Map<String, Set<String>> candidates = new TreeMap<>();
      List<String> columns = new ArrayList<>(CORE);
      columns.addAll(model.effective().keySet());
      columns.sort(null);
      expected(s, model, columns, expectedFixed, candidates);

      consolidation.run(warehouse, s);

      Map<String, List<String>> actual = byKey(all(warehouse), columns);
      assertEquals(
          union(expectedFixed.keySet(), candidates.keySet()), actual.keySet(), "keys in the table");
      expectedFixed.forEach((key, rows) -> assertEquals(rows, actual.get(key), key));
      candidates.forEach(
          (key, options) -> {
            List<String> rows = actual.get(key);
            assertEquals(1, rows.size(), () -> "one row for staged key " + key + ": " + rows);
            assertTrue(
                options.contains(rows.get(0)),
                () ->
                    "the row of "
                        + key
                        + " is one of the newest staged: "
                        + rows
                        + " vs "
                        + options);
          });
      for (StagedTable table : s.staged()) {
        assertTrue(warehouse.schema(table.table()).isEmpty(), "staging dropped after success");
      }
      if (consolidation == REAL && s.has(Drift.TIES)) {
        // tied rows give the same result whatever order they were staged in
        try (DuckDbWarehouse again =
            DuckDbWarehouse.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()) {
          MergeScenario reversed = s.withStagedRowsReversed();
          reversed.load(again);
          consolidation.run(again, reversed);
          assertEquals(actual, byKey(all(again), columns), "the same table from reversed staging");
        }
      }
    }
  }

  /** The model of a successful merge: fixed rows by key, and for staged keys the candidates. */
  private static void expected(
      MergeScenario s,
      SchemaModel model,
      List<String> columns,
      Map<String, List<String>> fixed,
      Map<String, Set<String>> candidates) {
    List<Map<String, Object>> mainRows = new ArrayList<>();
    s.mainRows().forEach(r -> mainRows.add(lowered(r)));
    boolean mainHasNote =
        s.mainSchema().column("note").map(c -> c.defaultValue().isPresent()).orElse(false);
    Map<String, List<Map<String, Object>>> stagedByKey = new TreeMap<>();
    Map<Map<String, Object>, Integer> tableOf = new HashMap<>();
    for (int t = 0; t < s.staged().size(); t++) {
      for (Row row : s.staged().get(t).rows()) {
        Map<String, Object> values = lowered(row);
        tableOf.put(values, t);
        stagedByKey.computeIfAbsent(key(values), k -> new ArrayList<>()).add(values);
      }
    }
    for (Map<String, Object> row : mainRows) {
      String key = key(row);
      if (!stagedByKey.containsKey(key)) {
        fixed.computeIfAbsent(key, k -> new ArrayList<>()).add(canonical(row, columns));
      }
    }
    fixed.values().forEach(rows -> rows.sort(null));
    stagedByKey.forEach(
        (key, rows) -> {
          Instant newest =
              rows.stream()
                  .map(r -> (Instant) r.get("created_at"))
                  .filter(Objects::nonNull)
                  .max(Comparator.naturalOrder())
                  .orElse(null);
          Map<String, Object> target =
              mainRows.stream().filter(r -> key(r).equals(key)).findFirst().orElse(null);
          Set<String> options = new TreeSet<>();
          for (Map<String, Object> source : rows) {
            if (!Objects.equals(source.get("created_at"), newest)) {
              continue;
            }
            Set<String> present = model.present().get(tableOf.get(source));
            Map<String, Object> result = new HashMap<>();
            if (target != null) {
              result.putAll(target);
              result.put("created_at", source.get("created_at"));
              for (String column : present) {
                if (model.effective().containsKey(column) && !NOT_UPDATED.contains(column)) {
                  result.put(column, source.get(column));
                }
              }
            } else {
              for (String column :
                  List.of("game_date", "player", "line", "prediction_id", "created_at")) {
                result.put(column, source.get(column));
              }
              for (String column : model.effective().keySet()) {
                result.put(
                    column,
                    present.contains(column)
                        ? source.get(column)
                        : column.equals("note") && mainHasNote ? "n/a" : null);
              }
            }
            result.put("updated_at", NOW);
            options.add(canonical(result, columns));
          }
          candidates.put(key, options);
        });
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private static void assertUnchanged(
      DuckDbWarehouse warehouse, MergeScenario s, List<Row> before) {
    assertEquals(before, snapshot(warehouse), "nothing merged, nothing dropped");
    for (StagedTable table : s.staged()) {
      assertTrue(warehouse.schema(table.table()).isPresent(), "staging kept: " + table.table());
    }
  }

  private static SchemaMismatchException failureCause(
      DuckDbWarehouse warehouse, MergeScenario s, Consolidation consolidation) {
    ConsolidationFailedException failure =
        assertThrows(ConsolidationFailedException.class, () -> consolidation.run(warehouse, s));
    assertEquals(ConsolidationStep.PLANNED, failure.step());
    return assertInstanceOf(SchemaMismatchException.class, failure.getCause());
  }

  private static Map<String, Object> lowered(Row row) {
    Map<String, Object> values = new HashMap<>();
    row.asMap().forEach((column, value) -> values.put(lower(column), value));
    return values;
  }

  private static String key(Map<String, Object> row) {
    return row.get("game_date") + "|" + row.get("player") + "|" + text(row.get("line"));
  }

  private static List<Row> all(DuckDbWarehouse warehouse) {
    return warehouse.query("SELECT * FROM nba.predictions");
  }

  private static List<Row> snapshot(DuckDbWarehouse warehouse) {
    List<Row> rows = new ArrayList<>(all(warehouse));
    rows.sort(Comparator.comparing(Row::toString));
    return rows;
  }

  private static Map<String, List<String>> byKey(List<Row> rows, List<String> columns) {
    Map<String, List<String>> byKey = new TreeMap<>();
    for (Row row : rows) {
      Map<String, Object> values = lowered(row);
      byKey.computeIfAbsent(key(values), k -> new ArrayList<>()).add(canonical(values, columns));
    }
    byKey.values().forEach(list -> list.sort(null));
    return byKey;
  }

  private static String canonical(Map<String, Object> row, List<String> columns) {
    StringBuilder line = new StringBuilder();
    for (String column : columns) {
      line.append(column).append('=').append(text(row.get(column))).append(' ');
    }
    return line.toString();
  }

  /** Numbers by value (an INT64 cast to NUMERIC or FLOAT64 is the same number), the rest as is. */
  private static String text(Object value) {
    if (value instanceof BigDecimal number) {
      return number.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Double || value instanceof Long) {
      return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}

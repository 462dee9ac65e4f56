package io.github.courtside.duckdb.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.courtside.core.consolidation.ConsolidationConfig;
import io.github.courtside.core.consolidation.ConsolidationFailedException;
import io.github.courtside.core.consolidation.ConsolidationReport;
import io.github.courtside.core.consolidation.ConsolidationStep;
import io.github.courtside.core.consolidation.Consolidator;
import io.github.courtside.core.merge.MergeSpec;
import io.github.courtside.core.merge.SchemaChangePolicy;
import io.github.courtside.core.staging.StagingTableName;
import io.github.courtside.core.testkit.TestLeases;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.SchemaMismatchException;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
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
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random main/staging schema pairs and random rows (duplicate keys, NULL keys, lines 22.5 vs 23.0,
 * out-of-partition rows, missing, extra and mistyped columns) against an independent plain-Java
 * model of the consolidation: the final table equals the model's, or the consolidation fails naming
 * the offending columns and leaves the main table and staging as they were.
 */
class ConsolidationProperties {
  private static final TableId MAIN = TableId.of("nba", "predictions");
  private static final LocalDate DAY = LocalDate.parse("2026-02-01");
  private static final LocalDate OTHER = DAY.plusDays(1);
  private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
  private static final String[] PLAYERS = {"a", "b", "c"};
  private static final Double[] LINES = {null, 22.5, 23.0, 23.5};
  private static final Map<String, ColumnType> POOL = new LinkedHashMap<>();

  static {
    POOL.put("pts", ColumnType.INT64);
    POOL.put("conf", ColumnType.NUMERIC);
    POOL.put("rec", ColumnType.STRING);
    POOL.put("flag", ColumnType.BOOL);
    POOL.put("note", ColumnType.STRING);
  }

  private static final Set<String> NOT_UPDATED =
      Set.of("game_date", "player", "line", "prediction_id", "updated_at");

  @Test
  void consolidationMatchesThePlainJavaModelOrNamesTheOffendingColumns() {
    qt().withExamples(40).forAll(longs().all()).checkAssert(this::check);
  }

  private static List<Column> core() {
    return List.of(
        Column.required("game_date", ColumnType.DATE),
        Column.required("player", ColumnType.STRING),
        Column.nullable("line", ColumnType.FLOAT64),
        Column.nullable("prediction_id", ColumnType.STRING),
        Column.required("created_at", ColumnType.TIMESTAMP));
  }

  private static Column poolColumn(String name, ColumnType type) {
    Column column = Column.nullable(name, type);
    return name.equals("note") && type == ColumnType.STRING ? column.withDefault("n/a") : column;
  }

  private void check(long seed) {
    Random random = new Random(seed);
    SchemaChangePolicy policy =
        List.of(
                SchemaChangePolicy.FAIL,
                SchemaChangePolicy.INTERSECT,
                SchemaChangePolicy.APPEND_NEW_COLUMNS)
            .get(random.nextInt(3));
    Map<String, ColumnType> mainPool = new LinkedHashMap<>();
    POOL.forEach(
        (name, type) -> {
          if (random.nextBoolean()) {
            mainPool.put(name, type);
          }
        });
    TableSchema.Builder mainSchema = TableSchema.builder().columns(core());
    mainSchema.column(Column.nullable("updated_at", ColumnType.TIMESTAMP));
    mainPool.forEach((name, type) -> mainSchema.column(poolColumn(name, type)));
    TableSchema main = mainSchema.partitionBy("game_date").build();

    int tableCount = 1 + random.nextInt(3);
    List<Map<String, ColumnType>> stagingPools = new ArrayList<>();
    for (int t = 0; t < tableCount; t++) {
      Map<String, ColumnType> pool = new LinkedHashMap<>();
      POOL.forEach(
          (name, type) -> {
            if (random.nextInt(3) > 0) {
              boolean mistype = random.nextInt(12) == 0;
              pool.put(
                  name,
                  mistype
                      ? (type == ColumnType.STRING ? ColumnType.INT64 : ColumnType.STRING)
                      : type);
            }
          });
      stagingPools.add(pool);
    }
    boolean allowOutside = random.nextInt(4) == 0;

    // Existing main rows: unique keys per partition.
    List<Map<String, Object>> mainRows = new ArrayList<>();
    Set<List<Object>> mainKeys = new HashSet<>();
    int existing = random.nextInt(6);
    for (int i = 0; i < existing; i++) {
      LocalDate date = random.nextInt(4) == 0 ? OTHER : DAY;
      String player = PLAYERS[random.nextInt(PLAYERS.length)];
      Double line = LINES[random.nextInt(LINES.length)];
      if (!mainKeys.add(java.util.Arrays.asList(date, player, line))) {
        continue;
      }
      Map<String, Object> row = new HashMap<>();
      row.put("game_date", date);
      row.put("player", player);
      row.put("line", line);
      row.put("prediction_id", "m" + i);
      row.put("created_at", NOW.minusSeconds(3600 + i));
      row.put("updated_at", NOW.minusSeconds(3600));
      mainPool.forEach((name, type) -> row.put(name, value(random, type)));
      mainRows.add(row);
    }

    // Staged rows with unique ordering values.
    List<List<Map<String, Object>>> staged = new ArrayList<>();
    int ordinal = 0;
    for (int t = 0; t < tableCount; t++) {
      List<Map<String, Object>> rows = new ArrayList<>();
      int n = random.nextInt(6);
      for (int i = 0; i < n; i++) {
        Map<String, Object> row = new HashMap<>();
        row.put("game_date", allowOutside && random.nextInt(5) == 0 ? OTHER : DAY);
        row.put("player", PLAYERS[random.nextInt(PLAYERS.length)]);
        row.put("line", LINES[random.nextInt(LINES.length)]);
        row.put("prediction_id", "s" + t + "_" + i);
        row.put(
            "created_at", NOW.minusSeconds(600).plusSeconds(random.nextInt(500) * 10L + ordinal++));
        stagingPools.get(t).forEach((name, type) -> row.put(name, value(random, type)));
        rows.add(row);
      }
      staged.add(rows);
    }

    try (DuckDbWarehouse warehouse =
        DuckDbWarehouse.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()) {
      warehouse.createTable(MAIN, main);
      warehouse.append(MAIN, mainRows.stream().map(ConsolidationProperties::toRow).toList());
      List<TableId> stagingTables = new ArrayList<>();
      for (int t = 0; t < tableCount; t++) {
        TableId table = StagingTableName.of(MAIN, "batch", "w" + t).tableId();
        TableSchema.Builder schema = TableSchema.builder().columns(core());
        stagingPools.get(t).forEach((name, type) -> schema.column(poolColumn(name, type)));
        warehouse.createTable(table, schema.build());
        warehouse.append(
            table, staged.get(t).stream().map(ConsolidationProperties::toRow).toList());
        stagingTables.add(table);
      }
      List<Row> before = snapshot(warehouse);

      MergeSpec spec =
          MergeSpec.builder(MAIN)
              .mergeKey("player", "line")
              .newestBy("created_at")
              .excludeFromUpdate("prediction_id")
              .refreshOnWrite("updated_at")
              .schemaChangePolicy(policy)
              .build();
      Consolidator consolidator =
          Consolidator.create(
              warehouse,
              new TestLeases(),
              ConsolidationConfig.builder(spec).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());

      // Model: schema reconciliation.
      Set<String> offending = new TreeSet<>();
      Map<String, Set<ColumnType>> extraTypes = new LinkedHashMap<>();
      for (Map<String, ColumnType> pool : stagingPools) {
        pool.forEach(
            (name, type) -> {
              if (mainPool.containsKey(name)) {
                if (mainPool.get(name) != type) {
                  offending.add(name);
                }
              } else {
                extraTypes.computeIfAbsent(name, k -> new HashSet<>()).add(type);
              }
            });
      }
      extraTypes.forEach(
          (name, types) -> {
            if (types.size() > 1) {
              offending.add(name);
            }
          });
      boolean outside =
          staged.stream().flatMap(List::stream).anyMatch(r -> !DAY.equals(r.get("game_date")));

      if (!offending.isEmpty()) {
        SchemaMismatchException error = failureCause(consolidator, ConsolidationStep.PLANNED);
        assertFalse(error.columns().isEmpty());
        assertTrue(offending.containsAll(error.columns()), error.columns() + " vs " + offending);
        assertEquals(before, snapshot(warehouse));
        return;
      }
      if (!extraTypes.isEmpty() && policy == SchemaChangePolicy.FAIL) {
        SchemaMismatchException error = failureCause(consolidator, ConsolidationStep.PLANNED);
        assertEquals(new ArrayList<>(new TreeSet<>(extraTypes.keySet())), error.columns());
        assertEquals(before, snapshot(warehouse));
        return;
      }
      if (outside) {
        ConsolidationFailedException failure =
            assertThrows(
                ConsolidationFailedException.class, () -> consolidator.consolidate("batch", DAY));
        assertEquals(ConsolidationStep.PLANNED, failure.step());
        assertEquals(before, snapshot(warehouse), "nothing merged, nothing dropped");
        for (TableId table : stagingTables) {
          assertTrue(warehouse.schema(table).isPresent());
        }
        return;
      }

      // Model: effective main columns, dedup, upsert.
      Map<String, ColumnType> effective = new LinkedHashMap<>(mainPool);
      if (policy == SchemaChangePolicy.APPEND_NEW_COLUMNS) {
        extraTypes.forEach((name, types) -> effective.put(name, types.iterator().next()));
      }
      Map<List<Object>, Map<String, Object>> newest = new LinkedHashMap<>();
      Map<List<Object>, Integer> newestTable = new HashMap<>();
      for (int t = 0; t < tableCount; t++) {
        for (Map<String, Object> row : staged.get(t)) {
          List<Object> key = java.util.Arrays.asList(row.get("player"), row.get("line"));
          Map<String, Object> current = newest.get(key);
          if (current == null
              || ((Instant) row.get("created_at")).isAfter((Instant) current.get("created_at"))) {
            newest.put(key, row);
            newestTable.put(key, t);
          }
        }
      }
      List<Map<String, Object>> expected = new ArrayList<>();
      for (Map<String, Object> row : mainRows) {
        expected.add(new HashMap<>(row));
      }
      for (Map.Entry<List<Object>, Map<String, Object>> entry : newest.entrySet()) {
        Map<String, Object> source = entry.getValue();
        Map<String, ColumnType> tablePool = stagingPools.get(newestTable.get(entry.getKey()));
        Map<String, Object> target =
            expected.stream()
                .filter(
                    r ->
                        DAY.equals(r.get("game_date"))
                            && Objects.equals(r.get("player"), source.get("player"))
                            && Objects.equals(r.get("line"), source.get("line")))
                .findFirst()
                .orElse(null);
        if (target != null) {
          target.put("created_at", source.get("created_at"));
          for (String column : tablePool.keySet()) {
            if (effective.containsKey(column) && !NOT_UPDATED.contains(column)) {
              target.put(column, source.get(column));
            }
          }
          target.put("updated_at", NOW);
        } else {
          Map<String, Object> inserted = new HashMap<>();
          for (String column :
              List.of("game_date", "player", "line", "prediction_id", "created_at")) {
            inserted.put(column, source.get(column));
          }
          for (String column : effective.keySet()) {
            inserted.put(
                column,
                tablePool.containsKey(column)
                    ? source.get(column)
                    : column.equals("note") && mainPool.containsKey("note") ? "n/a" : null);
          }
          inserted.put("updated_at", NOW);
          expected.add(inserted);
        }
      }

      ConsolidationReport report = consolidator.consolidate("batch", DAY);
      assertEquals(newest.size(), report.stagedRows());
      List<String> columns =
          new ArrayList<>(
              List.of("game_date", "player", "line", "prediction_id", "created_at", "updated_at"));
      columns.addAll(effective.keySet());
      assertEquals(canonical(expected, columns), canonical(toMaps(all(warehouse)), columns));
      for (TableId table : stagingTables) {
        assertTrue(warehouse.schema(table).isEmpty(), "staging dropped after success");
      }
    }
  }

  private static SchemaMismatchException failureCause(
      Consolidator consolidator, ConsolidationStep step) {
    ConsolidationFailedException failure =
        assertThrows(
            ConsolidationFailedException.class, () -> consolidator.consolidate("batch", DAY));
    assertEquals(step, failure.step());
    return (SchemaMismatchException) failure.getCause();
  }

  private static Object value(Random random, ColumnType type) {
    if (random.nextInt(5) == 0) {
      return null;
    }
    return switch (type) {
      case INT64 -> (long) random.nextInt(50);
      case NUMERIC -> BigDecimal.valueOf(random.nextInt(1000), 1);
      case STRING -> "v" + random.nextInt(9);
      case BOOL -> random.nextBoolean();
      default -> throw new IllegalArgumentException(type.name());
    };
  }

  private static Row toRow(Map<String, Object> values) {
    Row.Builder row = Row.builder();
    values.forEach(row::set);
    return row.build();
  }

  private static List<Row> all(DuckDbWarehouse warehouse) {
    return warehouse.query("SELECT * FROM nba.predictions");
  }

  private static List<Row> snapshot(DuckDbWarehouse warehouse) {
    List<Row> rows = new ArrayList<>(all(warehouse));
    rows.sort(Comparator.comparing(Row::toString));
    return rows;
  }

  private static List<Map<String, Object>> toMaps(List<Row> rows) {
    List<Map<String, Object>> maps = new ArrayList<>();
    for (Row row : rows) {
      maps.add(new HashMap<>(row.asMap()));
    }
    return maps;
  }

  private static List<String> canonical(List<Map<String, Object>> rows, List<String> columns) {
    List<String> lines = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      StringBuilder line = new StringBuilder();
      for (String column : columns) {
        Object value = row.get(column);
        if (value instanceof BigDecimal number) {
          value = number.stripTrailingZeros().toPlainString();
        }
        line.append(column).append('=').append(value).append(' ');
      }
      lines.add(line.toString());
    }
    lines.sort(Comparator.naturalOrder());
    return lines;
  }
}

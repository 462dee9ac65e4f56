package io.github.courtside.testkit.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.duckdb.warehouse.DuckDbWarehouse;
import io.github.courtside.testkit.Generator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MergeScenariosTest {
  private static final Generator<MergeScenario> SCENARIOS = MergeScenarios.scenarios();

  @Test
  void theSameSeedGivesTheSameScenarioAndSchema() {
    assertEquals(SCENARIOS.samples(4L, 100), SCENARIOS.samples(4L, 100));
    assertEquals(
        MergeScenarios.schemas().samples(4L, 100), MergeScenarios.schemas().samples(4L, 100));
    assertNotEquals(SCENARIOS.samples(4L, 20), SCENARIOS.samples(5L, 20));
  }

  @Test
  void schemasAreValidAtEverySize() {
    SplittableRandom random = new SplittableRandom(8);
    Set<ColumnType> types = new HashSet<>();
    boolean partitioned = false;
    for (int i = 0; i < 3_000; i++) {
      TableSchema schema = MergeScenarios.schemas().generate(random, i % 101);
      Set<String> names = new HashSet<>();
      for (Column column : schema.columns()) {
        assertTrue(names.add(column.name().toLowerCase(Locale.ROOT)), "unique ignoring case");
        types.add(column.type());
        column.defaultValue().ifPresent(v -> assertTrue(column.type().accepts(v)));
      }
      schema
          .partitionColumn()
          .ifPresent(p -> assertEquals(ColumnType.DATE, schema.column(p).orElseThrow().type()));
      partitioned |= schema.partitionColumn().isPresent();
      assertEquals(schema, schema.toBuilder().build(), "rebuilds equal");
      if (i % 101 == 0) {
        assertEquals(1, schema.columns().size(), "size 0 is one column");
      }
    }
    assertEquals(Set.of(ColumnType.values()), types);
    assertTrue(partitioned);
  }

  @Test
  void schemasCreateTablesOnDuckDb() {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory()) {
      List<TableSchema> schemas = MergeScenarios.schemas().samples(6L, 15);
      for (int i = 0; i < schemas.size(); i++) {
        TableId table = TableId.of("gen", "t" + i);
        warehouse.createTable(table, schemas.get(i));
        assertEquals(
            schemas.get(i).columnNames(), warehouse.schema(table).orElseThrow().columnNames());
      }
    }
  }

  @Test
  void scenariosAreWellFormedAndTheirDriftsAreReal() {
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 2_000; i++) {
      int size = i % 101;
      MergeScenario scenario = SCENARIOS.generate(random, size);
      scenario.mainSchema().check(scenario.spec().mainTable(), scenario.mainRows());
      assertEquals("game_date", scenario.mainSchema().partitionColumn().orElseThrow());
      Set<List<Object>> keys = new HashSet<>();
      boolean repeated = false;
      boolean caseOnly = false;
      for (StagedTable table : scenario.staged()) {
        table.schema().check(table.table(), table.rows());
        assertTrue(table.table().table().contains(scenario.batchId()));
        for (String name : table.schema().columnNames()) {
          caseOnly |= !name.equals(name.toLowerCase(Locale.ROOT));
        }
        for (Row row : table.rows()) {
          if (scenario.partition().equals(row.get("game_date"))) {
            repeated |= !keys.add(java.util.Arrays.asList(row.get("player"), row.get("line")));
          }
        }
      }
      assertEquals(repeated, scenario.has(Drift.TIES), "TIES iff a staged key repeats");
      assertEquals(caseOnly, scenario.has(Drift.CASE_ONLY_COLUMN));
      if (size == 0) {
        assertEquals(1, scenario.staged().size());
        assertTrue(scenario.staged().get(0).rows().size() <= 1);
        assertTrue(scenario.mainRows().isEmpty());
      }
      if (scenario.has(Drift.LEGACY_DUPLICATE_TARGETS)) {
        long duplicated =
            scenario.mainRows().stream()
                .filter(r -> String.valueOf(r.get("prediction_id")).startsWith("legacy"))
                .count();
        assertEquals(2, duplicated);
      }
    }
  }
}

package io.github.courtside.bigquery.local.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.gax.paging.Page;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TimePartitioning;
import io.github.courtside.bigquery.local.LocalBigQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** datasets.* and tables.* through the official Java client. */
class DatasetsAndTablesTest {
  @RegisterExtension static LocalBigQuery bigQuery = LocalBigQuery.create();

  private final BigQuery bq = bigQuery.client();

  static Schema playerSchema() {
    return Schema.of(
        Field.newBuilder("player_id", StandardSQLTypeName.INT64)
            .setMode(Field.Mode.REQUIRED)
            .build(),
        Field.of("name", StandardSQLTypeName.STRING),
        Field.of("pts", StandardSQLTypeName.FLOAT64),
        Field.of("game_date", StandardSQLTypeName.DATE));
  }

  @Test
  void datasetLifecycle() {
    Dataset created =
        bq.create(
            DatasetInfo.newBuilder("lifecycle")
                .setDescription("first")
                .setLabels(Map.of("team", "lal"))
                .build());
    assertEquals("lifecycle", created.getDatasetId().getDataset());
    assertEquals(bigQuery.projectId(), created.getDatasetId().getProject());
    assertEquals("US", created.getLocation());

    Dataset fetched = bq.getDataset("lifecycle");
    assertNotNull(fetched);
    assertEquals("first", fetched.getDescription());

    Dataset updated = fetched.toBuilder().setDescription("second").build().update();
    assertEquals("second", updated.getDescription());
    assertEquals("second", bq.getDataset("lifecycle").getDescription());

    BigQueryException duplicate =
        assertThrows(BigQueryException.class, () -> bq.create(DatasetInfo.of("lifecycle")));
    assertEquals(409, duplicate.getCode());
    assertEquals("duplicate", duplicate.getReason());

    assertTrue(bq.delete("lifecycle"));
    assertNull(bq.getDataset("lifecycle"));
    assertFalse(bq.delete("lifecycle"));
  }

  @Test
  void deleteWithContentsOnlyWhenAsked() {
    bq.create(DatasetInfo.of("full"));
    bq.create(TableInfo.of(TableId.of("full", "t"), StandardTableDefinition.of(playerSchema())));
    BigQueryException inUse = assertThrows(BigQueryException.class, () -> bq.delete("full"));
    assertEquals(400, inUse.getCode());
    assertTrue(bq.delete(DatasetId.of("full"), BigQuery.DatasetDeleteOption.deleteContents()));
    assertNull(bq.getDataset("full"));
  }

  @Test
  void datasetsListPagesAndHidesAnonymousDatasets() {
    for (int i = 0; i < 5; i++) {
      bq.create(DatasetInfo.of("paged_" + i));
    }
    Page<Dataset> first = bq.listDatasets(BigQuery.DatasetListOption.pageSize(2));
    assertEquals(2, count(first.getValues()));
    assertTrue(first.hasNextPage());
    List<String> all = new ArrayList<>();
    for (Dataset d : bq.listDatasets(BigQuery.DatasetListOption.pageSize(2)).iterateAll()) {
      all.add(d.getDatasetId().getDataset());
    }
    assertTrue(all.containsAll(List.of("paged_0", "paged_1", "paged_2", "paged_3", "paged_4")));
    assertTrue(all.stream().noneMatch(id -> id.startsWith("_")));
  }

  @Test
  void tableLifecycleWithPartitioningAndErrors() {
    bq.create(DatasetInfo.of("nba"));
    TableId id = TableId.of("nba", "player_game");
    assertNull(bq.getTable(id));

    Table created =
        bq.create(
            TableInfo.of(
                id,
                StandardTableDefinition.newBuilder()
                    .setSchema(playerSchema())
                    .setTimePartitioning(
                        TimePartitioning.newBuilder(TimePartitioning.Type.DAY)
                            .setField("game_date")
                            .build())
                    .build()));
    assertEquals("player_game", created.getTableId().getTable());

    Table fetched = bq.getTable(id);
    assertNotNull(fetched);
    StandardTableDefinition definition = fetched.getDefinition();
    assertEquals(playerSchema(), definition.getSchema());
    assertEquals("game_date", definition.getTimePartitioning().getField());
    assertEquals(0L, definition.getNumRows().longValue());

    BigQueryException duplicate =
        assertThrows(
            BigQueryException.class,
            () -> bq.create(TableInfo.of(id, StandardTableDefinition.of(playerSchema()))));
    assertEquals(409, duplicate.getCode());

    BigQueryException noDataset =
        assertThrows(
            BigQueryException.class,
            () ->
                bq.create(
                    TableInfo.of(
                        TableId.of("missing", "t"), StandardTableDefinition.of(playerSchema()))));
    assertEquals(404, noDataset.getCode());
    assertEquals("notFound", noDataset.getReason());

    assertTrue(bq.delete(id));
    assertNull(bq.getTable(id));
    assertFalse(bq.delete(id));
  }

  @Test
  void schemaEvolutionThroughUpdate() {
    bq.create(DatasetInfo.of("evolve"));
    TableId id = TableId.of("evolve", "t");
    Table table = bq.create(TableInfo.of(id, StandardTableDefinition.of(playerSchema())));

    List<Field> fields = new ArrayList<>(playerSchema().getFields());
    fields.add(Field.of("minutes", StandardSQLTypeName.INT64));
    Table updated =
        table.toBuilder()
            .setDefinition(StandardTableDefinition.of(Schema.of(fields)))
            .setDescription("with minutes")
            .build()
            .update();
    assertEquals(5, updated.getDefinition().getSchema().getFields().size());
    assertEquals("with minutes", bq.getTable(id).getDescription());
    assertEquals(
        "minutes", bq.getTable(id).getDefinition().getSchema().getFields().get(4).getName());

    List<Field> dropped = new ArrayList<>(playerSchema().getFields().subList(0, 2));
    BigQueryException refused =
        assertThrows(
            BigQueryException.class,
            () ->
                bq.getTable(id).toBuilder()
                    .setDefinition(StandardTableDefinition.of(Schema.of(dropped)))
                    .build()
                    .update());
    assertEquals(400, refused.getCode());
  }

  @Test
  void tablesListPages() {
    bq.create(DatasetInfo.of("many"));
    for (int i = 0; i < 5; i++) {
      bq.create(
          TableInfo.of(TableId.of("many", "t" + i), StandardTableDefinition.of(playerSchema())));
    }
    Page<Table> first = bq.listTables("many", BigQuery.TableListOption.pageSize(3));
    assertEquals(3, count(first.getValues()));
    List<String> ids = new ArrayList<>();
    for (Table t : bq.listTables("many", BigQuery.TableListOption.pageSize(3)).iterateAll()) {
      ids.add(t.getTableId().getTable());
    }
    assertEquals(List.of("t0", "t1", "t2", "t3", "t4"), ids);
    BigQueryException missing =
        assertThrows(BigQueryException.class, () -> bq.listTables("nowhere"));
    assertEquals(404, missing.getCode());
  }

  private static int count(Iterable<?> items) {
    int n = 0;
    for (Object ignored : items) {
      n++;
    }
    return n;
  }
}

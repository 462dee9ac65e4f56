package io.github.courtside.bigquery.local.internal.storage;

import static io.github.courtside.bigquery.local.internal.storage.DuckDbLocalStorageTest.row;
import static io.github.courtside.bigquery.local.internal.storage.StorageFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.google.api.services.bigquery.model.Clustering;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableSchema;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {
  static final MutableClock clock = new MutableClock(Instant.parse("2024-04-10T12:00:00Z"));
  static LocalStorage storage;

  @BeforeAll
  static void open() {
    storage = DuckDbLocalStorage.open(settings(clock, null));
    storage.createDataset(PROJECT, dataset("evo"));
  }

  @AfterAll
  static void close() {
    storage.close();
  }

  static List<TableFieldSchema> baseFields() {
    return new ArrayList<>(
        List.of(
            field("id", "INT64", "REQUIRED"),
            record("player", "NULLABLE", field("name", "STRING")),
            record("shots", "REPEATED", field("x", "FLOAT64"))));
  }

  static Table create(String name) {
    Table t =
        new Table()
            .setTableReference(ref("evo", name))
            .setSchema(new TableSchema().setFields(baseFields()));
    storage.createTable(t);
    storage.append(
        List.of(
            TableAppend.of(
                ref("evo", name),
                "WRITE_APPEND",
                WriteOrigin.LOAD,
                List.of(
                    row("id", 1L, "player", row("name", "A"), "shots", List.of(row("x", 1.0)))))));
    return t;
  }

  static Table patchWith(List<TableFieldSchema> fields) {
    return new Table().setSchema(new TableSchema().setFields(fields));
  }

  @Test
  void addsFieldsAtTheEndAndInsideRecordsAndRelaxesRequired() {
    create("grow");
    List<TableFieldSchema> fields = baseFields();
    fields.set(0, field("id", "INT64", "NULLABLE"));
    fields
        .get(1)
        .setFields(new ArrayList<>(List.of(field("name", "STRING"), field("team", "STRING"))));
    fields.get(2).setFields(new ArrayList<>(List.of(field("x", "FLOAT64"), field("made", "BOOL"))));
    fields.add(field("tags", "STRING", "REPEATED"));
    fields.add(field("pts", "INT64"));
    Table patched = storage.patchTable(ref("evo", "grow"), patchWith(fields));
    assertEquals(5, patched.getSchema().getFields().size());
    storage.append(
        List.of(
            TableAppend.of(
                ref("evo", "grow"),
                "WRITE_APPEND",
                WriteOrigin.LOAD,
                List.of(
                    row(
                        "id",
                        null,
                        "player",
                        row("name", "B", "team", "LAL"),
                        "shots",
                        List.of(row("x", 2.0, "made", true)),
                        "tags",
                        List.of("t"),
                        "pts",
                        30L)))));
    RowPage page = storage.read(ref("evo", "grow"), 0, 10, null);
    Map<String, Object> old = page.rows().get(0);
    assertEquals(1L, old.get("id"));
    assertEquals(row("name", "A", "team", null), old.get("player"));
    assertEquals(List.of(row("x", 1.0, "made", null)), old.get("shots"));
    assertEquals(List.of(), old.get("tags"));
    assertNull(old.get("pts"));
    Map<String, Object> added = page.rows().get(1);
    assertNull(added.get("id"));
    assertEquals(row("name", "B", "team", "LAL"), added.get("player"));
    assertEquals(List.of(row("x", 2.0, "made", true)), added.get("shots"));
    assertEquals(30L, added.get("pts"));
  }

  @Test
  void refusesWhatBigQueryRefuses() {
    create("strict");
    List<List<TableFieldSchema>> bad = new ArrayList<>();
    List<TableFieldSchema> dropped = baseFields();
    dropped.remove(2);
    bad.add(dropped);
    List<TableFieldSchema> retyped = baseFields();
    retyped.set(0, field("id", "STRING", "REQUIRED"));
    bad.add(retyped);
    List<TableFieldSchema> required = baseFields();
    required.add(field("must", "INT64", "REQUIRED"));
    bad.add(required);
    List<TableFieldSchema> tightened = baseFields();
    tightened.get(1).setFields(List.of(field("name", "STRING", "REQUIRED")));
    bad.add(tightened);
    List<TableFieldSchema> reordered = baseFields();
    java.util.Collections.swap(reordered, 1, 2);
    bad.add(reordered);
    List<TableFieldSchema> repeatedToNullable = baseFields();
    repeatedToNullable.get(2).setMode("NULLABLE");
    bad.add(repeatedToNullable);
    for (List<TableFieldSchema> fields : bad) {
      ApiException e =
          assertThrows(
              ApiException.class,
              () -> storage.patchTable(ref("evo", "strict"), patchWith(fields)));
      assertEquals("invalid", e.reason());
      assertTrue(
          e.getMessage().startsWith("Provided Schema does not match Table test-proj:evo.strict."),
          e.getMessage());
    }
    assertTrue(
        assertThrows(
                ApiException.class,
                () -> storage.patchTable(ref("evo", "strict"), patchWith(retyped)))
            .getMessage()
            .contains("Field id"));
    assertTrue(
        assertThrows(
                ApiException.class,
                () -> storage.patchTable(ref("evo", "strict"), patchWith(tightened)))
            .getMessage()
            .contains("player.name"));
    assertEquals(
        3, storage.table(ref("evo", "strict")).orElseThrow().getSchema().getFields().size());
    assertEquals(1, storage.read(ref("evo", "strict"), 0, 10, null).totalRows());
  }

  @Test
  void patchesDescriptionLabelsExpirationAndClustering() {
    create("meta");
    Table patch =
        new Table()
            .setDescription("games")
            .setLabels(Map.of("team", "lal"))
            .setExpirationTime(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli())
            .setRequirePartitionFilter(true)
            .setClustering(new Clustering().setFields(List.of("id")));
    storage.patchTable(ref("evo", "meta"), patch);
    Table t = storage.table(ref("evo", "meta")).orElseThrow();
    assertEquals("games", t.getDescription());
    assertEquals(Map.of("team", "lal"), t.getLabels());
    assertEquals(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli(), t.getExpirationTime());
    assertTrue(t.getRequirePartitionFilter());
    assertEquals(List.of("id"), t.getClustering().getFields());
    assertEquals(3, t.getSchema().getFields().size());
    assertThrows(
        ApiException.class,
        () ->
            storage.patchTable(
                ref("evo", "meta"),
                new Table().setClustering(new Clustering().setFields(List.of("nope")))));
  }
}

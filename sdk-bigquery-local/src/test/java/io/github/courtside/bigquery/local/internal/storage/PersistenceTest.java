package io.github.courtside.bigquery.local.internal.storage;

import static io.github.courtside.bigquery.local.internal.storage.DuckDbLocalStorageTest.assertCanonicalEquals;
import static io.github.courtside.bigquery.local.internal.storage.DuckDbLocalStorageTest.row;
import static io.github.courtside.bigquery.local.internal.storage.StorageFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TimePartitioning;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {
  @TempDir Path dir;

  @Test
  void aDataDirectoryKeepsDatasetsTablesAndRowsAcrossRestarts() {
    MutableClock clock = new MutableClock(Instant.parse("2024-04-10T12:00:00Z"));
    var full = DuckDbLocalStorageTest.fullRow();
    Table created;
    try (LocalStorage storage = DuckDbLocalStorage.open(settings(clock, dir))) {
      storage.createDataset(PROJECT, dataset("keep").setDescription("kept"));
      Table t = table("keep", "all", DuckDbLocalStorageTest.allTypes());
      t.setTimePartitioning(new TimePartitioning().setType("DAY").setField("d"));
      t.setDescription("every type");
      created = storage.createTable(t);
      storage.append(
          List.of(
              TableAppend.of(ref("keep", "all"), "WRITE_APPEND", WriteOrigin.LOAD, List.of(full))));
      storage.createTable(table("keep", "gone", field("x", "INT64")));
      storage.deleteTable(ref("keep", "gone"));
    }
    assertTrue(Files.exists(dir.resolve("bigquery.duckdb")));
    clock.advance(java.time.Duration.ofHours(1));
    try (LocalStorage storage = DuckDbLocalStorage.open(settings(clock, dir))) {
      assertEquals("kept", storage.dataset(PROJECT, "keep").orElseThrow().getDescription());
      Table t = storage.table(ref("keep", "all")).orElseThrow();
      assertEquals(created.getCreationTime(), t.getCreationTime());
      assertEquals("every type", t.getDescription());
      assertEquals("d", t.getTimePartitioning().getField());
      assertEquals(BigInteger.ONE, t.getNumRows());
      assertEquals(created.getSchema(), t.getSchema());
      assertEquals(
          List.of("all"),
          storage.tables(PROJECT, "keep").stream()
              .map(x -> x.getTableReference().getTableId())
              .toList());
      assertCanonicalEquals(full, storage.read(ref("keep", "all"), 0, 10, null).rows().get(0));
      storage.append(
          List.of(
              TableAppend.of(
                  ref("keep", "all"), "WRITE_APPEND", WriteOrigin.LOAD, List.of(row("i", 2L)))));
      assertEquals(2, storage.read(ref("keep", "all"), 0, 10, null).totalRows());
    }
  }
}

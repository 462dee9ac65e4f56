package io.github.courtside.bigquery.local.internal.storage;

import static io.github.courtside.bigquery.local.internal.storage.DuckDbLocalStorageTest.assertCanonicalEquals;
import static io.github.courtside.bigquery.local.internal.storage.StorageFixtures.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.quicktheories.QuickTheory.qt;

import com.google.api.services.bigquery.model.TableFieldSchema;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Random canonical rows of every scalar type, flat and repeated, come back from DuckDB unchanged.
 */
class StorageRoundTripPropertiesTest {
  static LocalStorage storage;
  static final AtomicInteger tables = new AtomicInteger();

  @BeforeAll
  static void open() {
    storage =
        DuckDbLocalStorage.open(
            settings(new MutableClock(Instant.parse("2024-04-10T00:00:00Z")), null));
    storage.createDataset(PROJECT, dataset("rt"));
  }

  @AfterAll
  static void close() {
    storage.close();
  }

  static List<TableFieldSchema> fields() {
    List<TableFieldSchema> fields = new ArrayList<>();
    for (BigQueryType type : CanonicalGenerators.scalars()) {
      fields.add(field("s_" + type.name().toLowerCase(), type.name()));
      fields.add(field("l_" + type.name().toLowerCase(), type.name(), "REPEATED"));
    }
    fields.add(
        record(
            "rec", "NULLABLE", fields.subList(0, fields.size()).toArray(TableFieldSchema[]::new)));
    return fields;
  }

  static Gen<Map<String, @Nullable Object>> rows(List<TableFieldSchema> fields) {
    Gen<Map<String, @Nullable Object>> gen = rnd -> new LinkedHashMap<>();
    for (TableFieldSchema f : fields) {
      Gen<@Nullable Object> value;
      if (f.getType().equals("RECORD")) {
        value = rows(f.getFields()).toOptionals(20).map(o -> o.orElse(null));
      } else if ("REPEATED".equals(f.getMode())) {
        Gen<Object> element = CanonicalGenerators.of(BigQueryType.of(f));
        value = SourceDSL.lists().of(element).ofSizeBetween(0, 3).map(l -> (Object) l);
      } else {
        value = CanonicalGenerators.of(BigQueryType.of(f)).toOptionals(20).map(o -> o.orElse(null));
      }
      gen =
          gen.zip(
              value,
              (row, v) -> {
                Map<String, @Nullable Object> next = new LinkedHashMap<>(row);
                next.put(f.getName(), v);
                return next;
              });
    }
    return gen;
  }

  @Test
  void randomRowsRoundTripThroughDuckDb() {
    List<TableFieldSchema> fields = fields();
    qt().withExamples(10)
        .forAll(SourceDSL.lists().of(rows(fields)).ofSizeBetween(1, 20))
        .checkAssert(
            rows -> {
              String name = "t" + tables.incrementAndGet();
              storage.createTable(table("rt", name, fields.toArray(TableFieldSchema[]::new)));
              storage.append(
                  List.of(
                      TableAppend.of(
                          ref("rt", name), "WRITE_APPEND", WriteOrigin.STORAGE_WRITE, rows)));
              RowPage page = storage.read(ref("rt", name), 0, 1000, null);
              assertEquals(rows.size(), page.totalRows());
              for (int i = 0; i < rows.size(); i++) {
                assertCanonicalEquals(rows.get(i), page.rows().get(i));
              }
              storage.deleteTable(ref("rt", name));
            });
  }

  @Test
  void tableOrderSurvivesDmlAndTouchedRecountsRows() throws Exception {
    storage.createTable(table("rt", "ordered", field("n", "INT64"), field("s", "STRING")));
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    for (long i = 0; i < 3000; i++) {
      Map<String, @Nullable Object> row = new LinkedHashMap<>();
      row.put("n", i);
      row.put("s", "v" + i);
      rows.add(row);
    }
    storage.append(
        List.of(TableAppend.of(ref("rt", "ordered"), "WRITE_APPEND", WriteOrigin.LOAD, rows)));
    storage.writeLock().lock();
    try (Connection c = storage.connect();
        Statement s = c.createStatement()) {
      String t = storage.physicalName(ref("rt", "ordered"));
      s.execute("DELETE FROM " + t + " WHERE n % 3 = 0");
      s.execute("UPDATE " + t + " SET s = 'changed' WHERE n % 3 = 1");
      s.execute("CHECKPOINT");
    } finally {
      storage.writeLock().unlock();
    }
    storage.touched(ref("rt", "ordered"));
    assertEquals(
        BigInteger.valueOf(2000), storage.table(ref("rt", "ordered")).orElseThrow().getNumRows());
    List<Long> seen = new ArrayList<>();
    for (long start = 0; start < 2000; start += 300) {
      storage
          .read(ref("rt", "ordered"), start, 300, List.of("n"))
          .rows()
          .forEach(r -> seen.add((Long) r.get("n")));
    }
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < 3000; i++) {
      if (i % 3 != 0) {
        expected.add(i);
      }
    }
    assertEquals(expected, seen);
  }
}

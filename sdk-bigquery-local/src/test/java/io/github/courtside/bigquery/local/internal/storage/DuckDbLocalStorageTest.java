package io.github.courtside.bigquery.local.internal.storage;

import static io.github.courtside.bigquery.local.internal.storage.StorageFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DuckDbLocalStorageTest {
  static final MutableClock clock = new MutableClock(Instant.parse("2024-04-10T12:00:00Z"));
  static LocalStorage storage;

  @BeforeAll
  static void open() {
    storage = DuckDbLocalStorage.open(settings(clock, null));
  }

  @AfterAll
  static void close() {
    storage.close();
  }

  static Map<String, @Nullable Object> row(Object... kv) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void datasetsAreCreatedListedAndDeleted() {
    var created = storage.createDataset(PROJECT, dataset("ds_a"));
    assertEquals(PROJECT + ":ds_a", created.getId());
    assertEquals("US", created.getLocation());
    assertEquals(clock.millis(), created.getCreationTime());
    assertEquals("bigquery#dataset", created.getKind());
    var dup =
        assertThrows(ApiException.class, () -> storage.createDataset(PROJECT, dataset("ds_a")));
    assertEquals(409, dup.httpStatus());
    assertEquals("duplicate", dup.reason());
    assertTrue(storage.datasets(PROJECT).stream().anyMatch(d -> d.getId().endsWith(":ds_a")));
    storage.createTable(table("ds_a", "t", field("x", "INT64")));
    var inUse =
        assertThrows(ApiException.class, () -> storage.deleteDataset(PROJECT, "ds_a", false));
    assertEquals("resourceInUse", inUse.reason());
    assertEquals("Dataset test-proj:ds_a is still in use", inUse.getMessage());
    storage.deleteDataset(PROJECT, "ds_a", true);
    assertTrue(storage.dataset(PROJECT, "ds_a").isEmpty());
    assertEquals(
        404,
        assertThrows(ApiException.class, () -> storage.deleteDataset(PROJECT, "ds_a", true))
            .httpStatus());
  }

  @Test
  void sameDatasetIdInTwoProjectsDoesNotCollide() {
    storage.createDataset(PROJECT, dataset("shared"));
    storage.createDataset("other-proj", dataset("shared"));
    storage.createTable(table("shared", "t", field("x", "INT64")));
    var other = table("shared", "t", field("y", "STRING"));
    other.getTableReference().setProjectId("other-proj");
    storage.createTable(other);
    storage.append(
        List.of(
            TableAppend.of(
                ref("shared", "t"), "WRITE_APPEND", WriteOrigin.LOAD, List.of(row("x", 1L)))));
    assertEquals(1, storage.read(ref("shared", "t"), 0, 10, null).totalRows());
    assertEquals(0, storage.read(other.getTableReference(), 0, 10, null).totalRows());
    assertNotEquals(
        storage.physicalName(ref("shared", "t")), storage.physicalName(other.getTableReference()));
  }

  @Test
  void tablesHaveBigQueryMetadata() {
    storage.createDataset(PROJECT, dataset("meta"));
    Table t = storage.createTable(table("meta", "games", field("id", "INTEGER", "REQUIRED")));
    assertEquals("test-proj:meta.games", t.getId());
    assertEquals("TABLE", t.getType());
    assertEquals("bigquery#table", t.getKind());
    assertEquals(BigInteger.ZERO, t.getNumRows());
    assertEquals(clock.millis(), t.getCreationTime());
    assertEquals(
        409,
        assertThrows(
                ApiException.class,
                () -> storage.createTable(table("meta", "games", field("id", "INT64"))))
            .httpStatus());
    clock.advance(Duration.ofSeconds(5));
    storage.append(
        List.of(
            TableAppend.of(
                ref("meta", "games"),
                "WRITE_APPEND",
                WriteOrigin.LOAD,
                List.of(row("id", 1L), row("id", 2L)))));
    Table after = storage.table(ref("meta", "games")).orElseThrow();
    assertEquals(BigInteger.TWO, after.getNumRows());
    assertEquals(BigInteger.valueOf(clock.millis()), after.getLastModifiedTime());
    assertTrue(after.getNumBytes() >= 16);
    assertNull(after.getStreamingBuffer());
    storage.createTable(table("meta", "another", field("id", "INT64")));
    assertEquals(
        List.of("another", "games"),
        storage.tables(PROJECT, "meta").stream()
            .map(x -> x.getTableReference().getTableId())
            .toList());
    assertTrue(storage.deleteTable(ref("meta", "another")));
    assertFalse(storage.deleteTable(ref("meta", "another")));
    var reserved =
        assertThrows(
            ApiException.class,
            () -> storage.createTable(table("meta", "bad", field("_PARTITIONTIME", "TIMESTAMP"))));
    assertEquals("invalid", reserved.reason());
  }

  static TableFieldSchema[] allTypes() {
    return new TableFieldSchema[] {
      field("i", "INT64"),
      field("f", "FLOAT"),
      field("n", "NUMERIC"),
      field("bn", "BIGNUMERIC"),
      field("b", "BOOL"),
      field("s", "STRING"),
      field("y", "BYTES"),
      field("d", "DATE"),
      field("dt", "DATETIME"),
      field("tm", "TIME"),
      field("ts", "TIMESTAMP"),
      field("j", "JSON"),
      field("g", "GEOGRAPHY"),
      record(
          "r",
          "NULLABLE",
          field("a", "INT64"),
          field("tags", "STRING", "REPEATED"),
          record("inner", "NULLABLE", field("y", "BYTES"), field("ts", "TIMESTAMP"))),
      record("rr", "REPEATED", field("x", "FLOAT64"), field("dt", "DATETIME")),
      field("li", "INT64", "REPEATED"),
      field("lts", "TIMESTAMP", "REPEATED"),
      field("ly", "BYTES", "REPEATED"),
      field("ln", "NUMERIC", "REPEATED")
    };
  }

  static Map<String, @Nullable Object> fullRow() {
    return row(
        "i",
        -42L,
        "f",
        Double.NaN,
        "n",
        new BigDecimal("-12345678901234567890.123456789"),
        "bn",
        new BigDecimal("1234567890123456789.1234567890123456789"),
        "b",
        true,
        "s",
        "héllo \"quoted\"",
        "y",
        new byte[] {0, 1, (byte) 255},
        "d",
        LocalDate.of(1, 1, 1),
        "dt",
        LocalDateTime.of(2024, 4, 10, 18, 30, 0, 123456000),
        "tm",
        LocalTime.of(23, 59, 59, 999999000),
        "ts",
        Instant.parse("2024-04-10T18:30:00.123456Z"),
        "j",
        "{\"a\":[1,2]}",
        "g",
        "POINT(1 2)",
        "r",
        row(
            "a",
            7L,
            "tags",
            List.of("x", "y"),
            "inner",
            row("y", new byte[] {9}, "ts", Instant.parse("1970-01-01T00:00:00.000001Z"))),
        "rr",
        List.of(
            row("x", 1.5, "dt", LocalDateTime.of(2000, 1, 1, 0, 0)), row("x", null, "dt", null)),
        "li",
        List.of(1L, 2L, 3L),
        "lts",
        List.of(Instant.parse("2024-01-01T00:00:00Z")),
        "ly",
        List.of(new byte[] {1}, new byte[0]),
        "ln",
        List.of(new BigDecimal("1.5")));
  }

  @Test
  void everyTypeRoundTrips() {
    storage.createDataset(PROJECT, dataset("types"));
    storage.createTable(table("types", "all", allTypes()));
    Map<String, @Nullable Object> full = fullRow();
    Map<String, @Nullable Object> empty = new HashMap<>();
    storage.append(
        List.of(
            TableAppend.of(
                ref("types", "all"), "WRITE_APPEND", WriteOrigin.LOAD, List.of(full, empty))));
    RowPage page = storage.read(ref("types", "all"), 0, 10, null);
    assertEquals(2, page.totalRows());
    assertCanonicalEquals(full, page.rows().get(0));
    Map<String, @Nullable Object> read = page.rows().get(1);
    assertNull(read.get("i"));
    assertNull(read.get("r"));
    assertEquals(List.of(), read.get("li"));
    assertEquals(List.of(), read.get("rr"));
  }

  /** Equality for canonical values: arrays by content, decimals by value. */
  static void assertCanonicalEquals(@Nullable Object expected, @Nullable Object actual) {
    assertTrue(
        canonicalEquals(expected, actual),
        () -> "expected " + describe(expected) + " but was " + describe(actual));
  }

  static boolean canonicalEquals(@Nullable Object a, @Nullable Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return java.util.Arrays.equals(x, y);
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (!x.keySet().equals(y.keySet())) {
        return false;
      }
      return x.keySet().stream().allMatch(k -> canonicalEquals(x.get(k), y.get(k)));
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!canonicalEquals(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return java.util.Objects.equals(a, b);
  }

  static String describe(@Nullable Object o) {
    if (o instanceof byte[] b) {
      return java.util.Arrays.toString(b);
    }
    if (o instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      m.forEach((k, v) -> parts.add(k + "=" + describe(v)));
      return "{" + String.join(", ", parts) + "}";
    }
    if (o instanceof List<?> l) {
      return l.stream().map(DuckDbLocalStorageTest::describe).toList().toString();
    }
    return String.valueOf(o);
  }

  @Test
  void badRowsAreRefusedAndNothingIsWrittenInAnyTable() {
    storage.createDataset(PROJECT, dataset("atomic"));
    storage.createTable(table("atomic", "a", field("x", "INT64", "REQUIRED")));
    storage.createTable(table("atomic", "b", field("y", "STRING")));
    var good =
        TableAppend.of(ref("atomic", "a"), "WRITE_APPEND", WriteOrigin.LOAD, List.of(row("x", 1L)));
    var bad =
        TableAppend.of(
            ref("atomic", "b"),
            "WRITE_APPEND",
            WriteOrigin.LOAD,
            List.of(row("y", "ok"), row("y", 5L)));
    ApiException e = assertThrows(ApiException.class, () -> storage.append(List.of(good, bad)));
    assertEquals(400, e.httpStatus());
    assertEquals("invalid", e.reason());
    assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    assertTrue(e.getMessage().contains("test-proj:atomic.b"), e.getMessage());
    assertEquals("y", e.location());
    assertEquals(0, storage.read(ref("atomic", "a"), 0, 10, null).totalRows());
    assertEquals(0, storage.read(ref("atomic", "b"), 0, 10, null).totalRows());

    var missingRequired =
        TableAppend.of(
            ref("atomic", "a"), "WRITE_APPEND", WriteOrigin.LOAD, List.of(row("x", null)));
    assertEquals(
        "x",
        assertThrows(ApiException.class, () -> storage.append(List.of(missingRequired)))
            .location());
    var unknown =
        TableAppend.of(
            ref("atomic", "a"), "WRITE_APPEND", WriteOrigin.LOAD, List.of(row("x", 1L, "zzz", 1L)));
    assertEquals(
        "zzz", assertThrows(ApiException.class, () -> storage.append(List.of(unknown))).location());
    // field names match case-insensitively
    storage.append(
        List.of(
            TableAppend.of(
                ref("atomic", "a"), "WRITE_APPEND", WriteOrigin.LOAD, List.of(row("X", 3L)))));
    assertEquals(3L, storage.read(ref("atomic", "a"), 0, 10, null).rows().get(0).get("x"));
  }

  @Test
  void pagingAndSelectedFields() {
    storage.createDataset(PROJECT, dataset("paging"));
    storage.createTable(table("paging", "t", field("n", "INT64"), field("s", "STRING")));
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    for (long i = 0; i < 25; i++) {
      rows.add(row("n", i, "s", "v" + i));
    }
    storage.append(
        List.of(TableAppend.of(ref("paging", "t"), "WRITE_APPEND", WriteOrigin.LOAD, rows)));
    RowPage page = storage.read(ref("paging", "t"), 10, 5, List.of("S"));
    assertEquals(25, page.totalRows());
    assertEquals(
        List.of("s"), page.schema().getFields().stream().map(TableFieldSchema::getName).toList());
    assertEquals(
        List.of("v10", "v11", "v12", "v13", "v14"),
        page.rows().stream().map(r -> r.get("s")).toList());
    assertEquals(0, storage.read(ref("paging", "t"), 30, 5, null).rows().size());
  }

  @Test
  void partitionTruncateReplacesOnlyItsPartition() {
    storage.createDataset(PROJECT, dataset("parts"));
    Table t = table("parts", "games", field("day", "DATE"), field("pts", "INT64"));
    t.setTimePartitioning(new TimePartitioning().setType("DAY").setField("day"));
    storage.createTable(t);
    LocalDate d1 = LocalDate.of(2024, 4, 10);
    LocalDate d2 = LocalDate.of(2024, 4, 11);
    storage.append(
        List.of(
            TableAppend.of(
                ref("parts", "games"),
                "WRITE_APPEND",
                WriteOrigin.LOAD,
                List.of(
                    row("day", d1, "pts", 1L),
                    row("day", d1, "pts", 2L),
                    row("day", d2, "pts", 3L),
                    row("day", null, "pts", 4L)))));
    storage.append(
        List.of(
            TableAppend.of(
                ref("parts", "games$20240410"),
                "WRITE_TRUNCATE",
                WriteOrigin.LOAD,
                List.of(row("day", d1, "pts", 10L)))));
    assertEquals(List.of(3L, 4L, 10L), pts("parts", "games"));
    // a row outside the decorator's partition
    ApiException outside =
        assertThrows(
            ApiException.class,
            () ->
                storage.append(
                    List.of(
                        TableAppend.of(
                            ref("parts", "games$20240410"),
                            "WRITE_APPEND",
                            WriteOrigin.LOAD,
                            List.of(row("day", d2, "pts", 99L))))));
    assertTrue(outside.getMessage().contains("different partitions"), outside.getMessage());
    // WRITE_EMPTY into a partition with rows fails, into an empty one works
    ApiException notEmpty =
        assertThrows(
            ApiException.class,
            () ->
                storage.append(
                    List.of(
                        TableAppend.of(
                            ref("parts", "games$20240411"),
                            "WRITE_EMPTY",
                            WriteOrigin.LOAD,
                            List.of(row("day", d2, "pts", 5L))))));
    assertEquals("duplicate", notEmpty.reason());
    storage.append(
        List.of(
            TableAppend.of(
                ref("parts", "games$20240412"),
                "WRITE_EMPTY",
                WriteOrigin.LOAD,
                List.of(row("day", LocalDate.of(2024, 4, 12), "pts", 6L)))));
    storage.append(
        List.of(
            TableAppend.of(
                ref("parts", "games$__NULL__"), "WRITE_TRUNCATE", WriteOrigin.LOAD, List.of())));
    assertEquals(List.of(3L, 6L, 10L), pts("parts", "games"));
    // whole-table truncate
    storage.append(
        List.of(
            TableAppend.of(
                ref("parts", "games"),
                "WRITE_TRUNCATE",
                WriteOrigin.LOAD,
                List.of(row("day", d1, "pts", 7L)))));
    assertEquals(List.of(7L), pts("parts", "games"));
    assertThrows(
        ApiException.class,
        () ->
            storage.append(
                List.of(
                    TableAppend.of(
                        ref("parts", "games"), "WRITE_EMPTY", WriteOrigin.LOAD, List.of()))));
  }

  static List<Object> pts(String ds, String table) {
    return storage.read(ref(ds, table), 0, 100, List.of("pts")).rows().stream()
        .map(r -> r.get("pts"))
        .sorted((a, b) -> Long.compare((Long) a, (Long) b))
        .map(o -> (Object) o)
        .toList();
  }

  @Test
  void ingestionTimePartitionsUseAHiddenColumn() throws Exception {
    storage.createDataset(PROJECT, dataset("ingest"));
    Table t = table("ingest", "events", field("v", "INT64"));
    t.setTimePartitioning(new TimePartitioning().setType("DAY"));
    storage.createTable(t);
    storage.append(
        List.of(
            TableAppend.of(
                ref("ingest", "events"), "WRITE_APPEND", WriteOrigin.LOAD, List.of(row("v", 1L)))));
    storage.append(
        List.of(
            TableAppend.of(
                ref("ingest", "events$20240101"),
                "WRITE_APPEND",
                WriteOrigin.LOAD,
                List.of(row("v", 2L)))));
    RowPage page = storage.read(ref("ingest", "events"), 0, 10, null);
    assertEquals(
        List.of("v"), page.schema().getFields().stream().map(TableFieldSchema::getName).toList());
    try (Connection c = storage.connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT v, CAST(_PARTITIONTIME AS VARCHAR) FROM "
                    + storage.physicalName(ref("ingest", "events"))
                    + " ORDER BY v")) {
      r.next();
      assertEquals("2024-04-10 00:00:00+00", r.getString(2));
      r.next();
      assertEquals("2024-01-01 00:00:00+00", r.getString(2));
    }
    storage.append(
        List.of(
            TableAppend.of(
                ref("ingest", "events$20240101"), "WRITE_TRUNCATE", WriteOrigin.LOAD, List.of())));
    assertEquals(1, storage.read(ref("ingest", "events"), 0, 10, null).totalRows());
    assertEquals(
        Optional.of(Instant.parse("2024-04-10T00:00:00Z")),
        DuckDbLocalStorage.ingestionPartitionTime(
            storage.table(ref("ingest", "events")).orElseThrow(), clock.instant()));
    assertEquals(
        Optional.empty(), DuckDbLocalStorage.ingestionPartitionTime(new Table(), clock.instant()));
  }

  @Test
  void streamingBufferFollowsTheWindow() {
    storage.createDataset(PROJECT, dataset("stream"));
    storage.createTable(table("stream", "s", field("v", "INT64")));
    Instant first = clock.instant();
    storage.append(
        List.of(
            TableAppend.of(
                ref("stream", "s"),
                "WRITE_APPEND",
                WriteOrigin.STREAMING_INSERT,
                List.of(row("v", 1L), row("v", 2L)))));
    clock.advance(Duration.ofMinutes(10));
    storage.append(
        List.of(
            TableAppend.of(
                ref("stream", "s"),
                "WRITE_APPEND",
                WriteOrigin.STREAMING_INSERT,
                List.of(row("v", 3L)))));
    storage.append(
        List.of(
            TableAppend.of(
                ref("stream", "s"), "WRITE_APPEND", WriteOrigin.LOAD, List.of(row("v", 4L)))));
    Table t = storage.table(ref("stream", "s")).orElseThrow();
    assertEquals(BigInteger.valueOf(3), t.getStreamingBuffer().getEstimatedRows());
    assertEquals(
        BigInteger.valueOf(first.toEpochMilli()), t.getStreamingBuffer().getOldestEntryTime());
    assertEquals(first, storage.streamingBufferOldestEntry(ref("stream", "s")).orElseThrow());
    clock.advance(Duration.ofMinutes(21));
    assertEquals(
        first.plus(Duration.ofMinutes(10)),
        storage.streamingBufferOldestEntry(ref("stream", "s")).orElseThrow());
    assertEquals(
        BigInteger.ONE,
        storage.table(ref("stream", "s")).orElseThrow().getStreamingBuffer().getEstimatedRows());
    clock.advance(Duration.ofMinutes(10));
    assertTrue(storage.streamingBufferOldestEntry(ref("stream", "s")).isEmpty());
    assertNull(storage.table(ref("stream", "s")).orElseThrow().getStreamingBuffer());
  }

  @Test
  void fourThreadsAppendingAreAllKept() throws Exception {
    storage.createDataset(PROJECT, dataset("conc"));
    storage.createTable(table("conc", "t", field("thread", "INT64"), field("n", "INT64")));
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int k = 0; k < 4; k++) {
      long thread = k;
      Thread th =
          new Thread(
              () -> {
                try {
                  for (long n = 0; n < 10; n++) {
                    storage.append(
                        List.of(
                            TableAppend.of(
                                ref("conc", "t"),
                                "WRITE_APPEND",
                                WriteOrigin.STORAGE_WRITE,
                                List.of(
                                    row("thread", thread, "n", n),
                                    row("thread", thread, "n", n + 100)))));
                    storage.read(ref("conc", "t"), 0, 5, null);
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertEquals(List.of(), failures);
    assertEquals(80, storage.read(ref("conc", "t"), 0, 0, null).totalRows());
    assertEquals(
        BigInteger.valueOf(80), storage.table(ref("conc", "t")).orElseThrow().getNumRows());
  }

  @Test
  void tablesExpireByTheServerClock() {
    storage.createDataset(PROJECT, dataset("expiry").setDefaultTableExpirationMs(60_000L));
    Table byDefault = storage.createTable(table("expiry", "short", field("x", "INT64")));
    assertEquals(clock.millis() + 60_000L, byDefault.getExpirationTime());
    Table explicit = table("expiry", "long", field("x", "INT64"));
    explicit.setExpirationTime(clock.millis() + 3_600_000L);
    storage.createTable(explicit);
    clock.advance(Duration.ofMinutes(2));
    assertTrue(storage.table(ref("expiry", "short")).isEmpty());
    assertEquals(
        List.of("long"),
        storage.tables(PROJECT, "expiry").stream()
            .map(t -> t.getTableReference().getTableId())
            .toList());
    // the name is free again
    storage.createTable(table("expiry", "short", field("y", "STRING")));
    assertEquals(
        "y",
        storage
            .table(ref("expiry", "short"))
            .orElseThrow()
            .getSchema()
            .getFields()
            .get(0)
            .getName());
  }
}

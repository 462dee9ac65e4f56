package io.github.courtside.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CoordinationStore} must do. A store's test extends this class and supplies the
 * store; each test works below its own fresh root collection, so a shared store (an emulator) needs
 * no cleanup between tests.
 *
 * <pre>{@code
 * class DuckDbCoordinationStoreTest extends CoordinationStoreContract {
 *   protected CoordinationStore store() { return store; }
 * }
 * }</pre>
 */
public abstract class CoordinationStoreContract {
  /** A fresh root document path for this test; test collections lie below it. */
  protected String root = "";

  /** The store under test; may be shared between tests. */
  protected abstract CoordinationStore store();

  /** Threads racing in the concurrency tests. */
  protected int concurrency() {
    return 8;
  }

  @BeforeEach
  void freshRoot() {
    root = "contract/" + UUID.randomUUID().toString().substring(0, 12);
  }

  private String path(String rest) {
    return root + "/" + rest;
  }

  @Test
  void createIfAbsentCreatesOnceAndKeepsTheFirstDocument() {
    CoordinationStore store = store();
    assertTrue(store.createIfAbsent(Document.of(path("locks/a"), Map.of("owner", "w1"))));
    assertFalse(store.createIfAbsent(Document.of(path("locks/a"), Map.of("owner", "w2"))));
    assertEquals("w1", store.get(path("locks/a")).orElseThrow().getString("owner").orElseThrow());
  }

  @Test
  void exactlyOneOfManyConcurrentCreatorsWinsEachPath() throws Exception {
    CoordinationStore store = store();
    int threads = concurrency();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 3; round++) {
        String contested = path("race/doc-" + round);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < threads * 2; i++) {
          long worker = i;
          Callable<Boolean> create =
              () -> {
                start.await();
                return store.createIfAbsent(Document.of(contested, Map.of("worker", worker)));
              };
          futures.add(pool.submit(create));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> future : futures) {
          winners += future.get() ? 1 : 0;
        }
        assertEquals(1, winners, "winners of " + contested);
        long kept = store.get(contested).orElseThrow().getLong("worker").orElseThrow();
        assertTrue(kept >= 0 && kept < threads * 2L);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void typedValuesRoundTripIncludingNestedMaps() {
    CoordinationStore store = store();
    Instant at = Instant.parse("2024-04-10T19:30:00.123456Z");
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("deep", Map.of("flag", false, "n", -3L));
    inner.put("when", at);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("text", "Nikola Jokić ~ \"quoted\", comma");
    fields.put("empty", "");
    fields.put("big", 1L << 52);
    fields.put("small", -(1L << 52));
    fields.put("ratio", 0.1 + 0.2);
    fields.put("tiny", 4.9e-300);
    fields.put("whole", 3.0);
    fields.put("yes", true);
    fields.put("at", at);
    fields.put("nested", inner);
    Document written = Document.of(path("docs/typed"), fields);
    assertTrue(store.createIfAbsent(written));

    Document read = store.get(path("docs/typed")).orElseThrow();
    assertEquals(written.fields(), read.fields());
    assertEquals(3.0, read.getDouble("whole").orElseThrow());
    assertEquals(1L << 52, read.getLong("big").orElseThrow());
    assertEquals(at, read.getTimestamp("at").orElseThrow());
    assertEquals(
        -3L, ((Map<?, ?>) read.getMap("nested").orElseThrow().get("deep")).get("n"), "nested");
    assertEquals(path("docs/typed"), read.path());
  }

  @Test
  void arrayFieldsRoundTripWithTheirOrderAndTypes() {
    CoordinationStore store = store();
    Instant at = Instant.parse("2024-04-10T19:30:00.123456Z");
    List<Object> items =
        List.of("lebron,james", "o'neal \\ \"shaq\"\nline two", "", 7L, 2.5, true, at, "7");
    Document written =
        Document.of(
            path("batches/b1"), Map.of("expected_items", items, "empty", List.of(), "n", 1L));
    assertTrue(store.createIfAbsent(written));
    Document read = store.get(path("batches/b1")).orElseThrow();
    assertEquals(items, read.getList("expected_items").orElseThrow());
    assertEquals(List.of(), read.getList("empty").orElseThrow());
    assertEquals(written.fields(), read.fields());
  }

  @Test
  void nanosecondInstantsAreKeptToTheMicrosecondOnEveryRead() {
    CoordinationStore store = store();
    // the JDK 17 clock gives sub-microsecond digits; every store keeps microseconds, like Firestore
    Instant nanos = Instant.parse("2024-04-10T19:30:00.123456789Z");
    Instant micros = Instant.parse("2024-04-10T19:30:00.123456Z");
    Instant before = Instant.parse("1969-12-31T23:59:59.999999999Z");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("at", nanos);
    fields.put("before_epoch", before);
    fields.put("nested", Map.of("when", nanos.plusNanos(1), "n", 1L));
    Document written = Document.of(path("ns/doc"), fields);
    assertTrue(store.createIfAbsent(written));

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("at", micros);
    expected.put("before_epoch", Instant.parse("1969-12-31T23:59:59.999999Z"));
    expected.put("nested", Map.of("when", micros, "n", 1L));
    Document first = store.get(path("ns/doc")).orElseThrow();
    assertEquals(expected, first.fields());
    assertEquals(written.truncatedToMicros(), first);
    assertEquals(first, store.get(path("ns/doc")).orElseThrow(), "a second read");
    assertEquals(List.of(first), store.query(DocumentQuery.in(path("ns")).build()));
    assertEquals(
        List.of(first),
        store.query(DocumentQuery.in(path("ns")).orderBy("at", true).limit(1).build()));
    assertFalse(
        store.createIfAbsent(Document.of(path("ns/doc"), Map.of("at", nanos))),
        "the truncated document is still there");
  }

  @Test
  void longsKeepAllSixtyFourBits() {
    assumeFullRangeLongs();
    Document written =
        Document.of(path("docs/longs"), Map.of("max", Long.MAX_VALUE, "min", Long.MIN_VALUE));
    assertTrue(store().createIfAbsent(written));
    assertEquals(written.fields(), store().get(path("docs/longs")).orElseThrow().fields());
  }

  /**
   * Skips the calling test when the store cannot hold longs beyond 2^53 (an emulator that keeps
   * JavaScript numbers); stores that can do nothing here.
   */
  protected void assumeFullRangeLongs() {}

  @Test
  void absentDocumentsAreEmpty() {
    assertTrue(store().get(path("docs/none")).isEmpty());
    assertTrue(store().query(DocumentQuery.in(path("empty")).build()).isEmpty());
    assertEquals(0, store().count(path("empty"), ""));
  }

  @Test
  void queryListsDirectChildrenOnlyWithPrefixOrderAndLimit() {
    CoordinationStore store = store();
    store.createIfAbsent(Document.of(path("c/a1"), Map.of("n", 3L)));
    store.createIfAbsent(Document.of(path("c/a2"), Map.of("n", 1L)));
    store.createIfAbsent(Document.of(path("c/b1"), Map.of("n", 2L)));
    store.createIfAbsent(Document.of(path("c/a1/sub/x"), Map.of("n", 0L)));
    store.createIfAbsent(Document.of(path("cc/a9"), Map.of("n", 9L)));

    assertEquals(List.of("a1", "a2", "b1"), ids(store.query(DocumentQuery.in(path("c")).build())));
    assertEquals(
        List.of("a1", "a2"), ids(store.query(DocumentQuery.in(path("c")).idPrefix("a").build())));
    assertEquals(
        List.of("b1", "a2"),
        ids(store.query(DocumentQuery.in(path("c")).orderByIdDescending().limit(2).build())));
    assertEquals(
        List.of("a2"),
        ids(
            store.query(
                DocumentQuery.in(path("c")).idPrefix("a").orderByIdDescending().limit(1).build())));
    assertEquals(List.of(), ids(store.query(DocumentQuery.in(path("c")).limit(0).build())));
    assertEquals(List.of("x"), ids(store.query(DocumentQuery.in(path("c/a1/sub")).build())));
  }

  @Test
  void orderByFieldSortsNumbersNumericallyLeavesOutDocumentsWithoutItAndBreaksTiesById() {
    CoordinationStore store = store();
    store.createIfAbsent(Document.of(path("f/d1"), Map.of("score", 10L)));
    store.createIfAbsent(Document.of(path("f/d2"), Map.of("score", 2.5)));
    store.createIfAbsent(Document.of(path("f/d3"), Map.of("score", 7L)));
    store.createIfAbsent(Document.of(path("f/d4"), Map.of("other", 1L)));
    store.createIfAbsent(Document.of(path("f/d5"), Map.of("score", 7L)));

    assertEquals(
        List.of("d2", "d3", "d5", "d1"),
        ids(store.query(DocumentQuery.in(path("f")).orderBy("score", false).build())));
    assertEquals(
        List.of("d1", "d5", "d3"),
        ids(store.query(DocumentQuery.in(path("f")).orderBy("score", true).limit(3).build())));
  }

  @Test
  void orderByTimestampFieldWithAnIdPrefix() {
    CoordinationStore store = store();
    Instant t0 = Instant.parse("2024-04-10T18:00:00Z");
    store.createIfAbsent(Document.of(path("t/x-1"), Map.of("at", t0.plusSeconds(30))));
    store.createIfAbsent(Document.of(path("t/x-2"), Map.of("at", t0.plusSeconds(10))));
    store.createIfAbsent(Document.of(path("t/y-3"), Map.of("at", t0.plusSeconds(90))));
    store.createIfAbsent(Document.of(path("t/x-4"), Map.of("at", t0.plusSeconds(20))));

    assertEquals(
        List.of("x-1", "x-4"),
        ids(
            store.query(
                DocumentQuery.in(path("t")).idPrefix("x-").orderBy("at", true).limit(2).build())));
  }

  @Test
  void zeroPaddedIdsOrderNumerically() {
    CoordinationStore store = store();
    for (long n : new long[] {9, 10, 100, 1, 42}) {
      store.createIfAbsent(
          Document.of(path("seq/" + String.format("%019d", n)), Map.of("token", n)));
    }
    List<Document> newest =
        store.query(DocumentQuery.in(path("seq")).orderByIdDescending().limit(1).build());
    assertEquals(100L, newest.get(0).getLong("token").orElseThrow());
  }

  @Test
  void countCountsDirectChildrenWithThePrefix() {
    CoordinationStore store = store();
    for (int i = 0; i < 12; i++) {
      store.createIfAbsent(Document.of(path("n/item-" + i), Map.of("i", i)));
    }
    store.createIfAbsent(Document.of(path("n/other"), Map.of("i", 99)));
    store.createIfAbsent(Document.of(path("n/item-1/sub/deeper"), Map.of("i", 100)));
    assertEquals(13, store.count(path("n"), ""));
    assertEquals(12, store.count(path("n"), "item-"));
    assertEquals(3, store.count(path("n"), "item-1"));
    assertEquals(0, store.count(path("n"), "zzz"));
  }

  @Test
  void deleteReportsWhetherADocumentWasThereAndFreesThePath() {
    CoordinationStore store = store();
    store.createIfAbsent(Document.of(path("d/x"), Map.of("v", 1L)));
    assertTrue(store.delete(path("d/x")));
    assertFalse(store.delete(path("d/x")));
    assertTrue(store.get(path("d/x")).isEmpty());
    assertTrue(store.createIfAbsent(Document.of(path("d/x"), Map.of("v", 2L))));
    assertEquals(2L, store.get(path("d/x")).orElseThrow().getLong("v").orElseThrow());
  }

  @Test
  void idsWithUnusualCharactersRoundTrip() {
    CoordinationStore store = store();
    List<String> odd = List.of("a b", "x.y", "o'neal", "josé", "a~7E", "1,2", "sp%20ce", "_x_");
    for (String id : odd) {
      assertTrue(store.createIfAbsent(Document.of(path("odd/" + id), Map.of("id", id))), id);
    }
    for (String id : odd) {
      assertEquals(id, store.get(path("odd/" + id)).orElseThrow().getString("id").orElseThrow());
    }
    assertEquals(odd.size(), store.count(path("odd"), ""));
    assertEquals(
        odd.stream().sorted().toList(), ids(store.query(DocumentQuery.in(path("odd")).build())));
  }

  @Test
  void malformedPathsAreRefused() {
    CoordinationStore store = store();
    assertThrows(IllegalArgumentException.class, () -> store.get(path("only-collection")));
    assertThrows(IllegalArgumentException.class, () -> store.delete(root + "/c"));
    assertThrows(IllegalArgumentException.class, () -> store.count(path("c/doc"), ""));
  }

  /** The ids of {@code documents}, in order. */
  protected static List<String> ids(List<Document> documents) {
    return documents.stream().map(Document::id).toList();
  }
}

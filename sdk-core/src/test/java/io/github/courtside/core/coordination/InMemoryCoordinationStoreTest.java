package io.github.courtside.core.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryCoordinationStoreTest {
  private final CoordinationStore store = new InMemoryCoordinationStore();

  @Test
  void createIfAbsentCreatesOnce() {
    assertTrue(store.createIfAbsent(Document.of("locks/a/tokens/1", Map.of("owner", "w1"))));
    assertFalse(store.createIfAbsent(Document.of("locks/a/tokens/1", Map.of("owner", "w2"))));
    assertEquals(
        "w1", store.get("locks/a/tokens/1").orElseThrow().getString("owner").orElseThrow());
  }

  @Test
  void exactlyOneOfManyConcurrentCreatorsWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger winners = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        int worker = i;
        futures.add(
            pool.submit(
                () -> {
                  if (store.createIfAbsent(Document.of("batches/b/items/x", Map.of("w", worker)))) {
                    winners.incrementAndGet();
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, winners.get());
  }

  @Test
  void queryListsDirectChildrenOnlyInOrderWithPrefixAndLimit() {
    store.createIfAbsent(Document.of("c/a1", Map.of("n", 3L)));
    store.createIfAbsent(Document.of("c/a2", Map.of("n", 1L)));
    store.createIfAbsent(Document.of("c/b1", Map.of("n", 2L)));
    store.createIfAbsent(Document.of("c/a1/sub/x", Map.of("n", 0L)));
    store.createIfAbsent(Document.of("cc/a9", Map.of("n", 9L)));

    assertEquals(
        List.of("a1", "a2"), ids(store.query(DocumentQuery.in("c").idPrefix("a").build())));
    assertEquals(
        List.of("b1", "a2"),
        ids(store.query(DocumentQuery.in("c").orderByIdDescending().limit(2).build())));
    assertEquals(
        List.of("a2", "b1", "a1"),
        ids(store.query(DocumentQuery.in("c").orderBy("n", false).build())));
    assertEquals(2, store.count("c", "a"));
    assertEquals(1, store.count("c/a1/sub", ""));
  }

  @Test
  void deleteReportsWhetherADocumentWasThere() {
    store.createIfAbsent(Document.of("c/x", Map.of("at", Instant.EPOCH)));
    assertTrue(store.delete("c/x"));
    assertFalse(store.delete("c/x"));
    assertTrue(store.get("c/x").isEmpty());
  }

  @Test
  void refusesMalformedPathsAndUnsupportedValues() {
    assertThrows(IllegalArgumentException.class, () -> Document.of("c", Map.of()));
    assertThrows(IllegalArgumentException.class, () -> Document.of("c//x", Map.of()));
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> Document.of("c/x", Map.of("when", new java.util.Date())));
    assertTrue(String.valueOf(error.getMessage()).contains("when"));
    assertEquals(7L, Document.of("c/x", Map.of("n", 7)).getLong("n").orElseThrow());
  }

  private static List<String> ids(List<Document> documents) {
    return documents.stream().map(Document::id).toList();
  }
}

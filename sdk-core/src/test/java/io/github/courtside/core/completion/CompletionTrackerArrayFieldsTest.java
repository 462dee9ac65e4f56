package io.github.courtside.core.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentQuery;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.core.testkit.ManualClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A batch's expected items are an array field; batches written as a comma-joined string still work.
 */
class CompletionTrackerArrayFieldsTest {
  private final ManualClock clock = ManualClock.at("2026-02-01T06:00:00Z");
  private final CoordinationStore store = new InMemoryCoordinationStore();
  private final CompletionTracker tracker =
      new CompletionTracker(store, CompletionTrackerConfig.builder().clock(clock).build());

  @Test
  void expectedItemsAreStoredAsAnArrayField() {
    tracker.start("2026-02-01", List.of("p1", "p2", "p3"));
    Document generation = generation("2026-02-01");
    assertEquals(List.of("p1", "p2", "p3"), generation.getList("expected_items").orElseThrow());
  }

  @Test
  void aBatchWrittenWithCommaJoinedItemsIsStillTracked() {
    BatchId batch = tracker.start("legacy", List.of("p1", "p2"));
    Document current = generation("legacy");
    Map<String, Object> old = new LinkedHashMap<>(current.fields());
    old.put("expected_items", "p1,p2");
    assertTrue(store.delete(current.path()));
    assertTrue(store.createIfAbsent(Document.of(current.path(), old)));

    CompletionTracker reader =
        new CompletionTracker(store, CompletionTrackerConfig.builder().clock(clock).build());
    assertEquals(
        RecordOutcome.Status.RECORDED, reader.record(batch, "p1", Completion.done()).status());
    RecordOutcome last = reader.record(batch, "p2", Completion.done());
    assertTrue(last.completedBatch());
    assertEquals(2, last.expected());
  }

  private Document generation(String scope) {
    List<Document> generations =
        store.query(
            DocumentQuery.in(CompletionTrackerConfig.DEFAULT_COLLECTION + "/" + scope + "/batches")
                .build());
    assertEquals(1, generations.size(), "generations of " + scope + ": " + generations);
    return generations.get(0);
  }
}

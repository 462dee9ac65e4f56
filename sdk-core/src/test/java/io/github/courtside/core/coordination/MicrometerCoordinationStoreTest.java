package io.github.courtside.core.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.CoordinationStoreContract;
import io.github.courtside.core.testkit.FaultInjectingCoordinationStore;
import io.github.courtside.core.testkit.FaultInjectingCoordinationStore.Operation;
import io.github.courtside.core.testkit.FaultInjectingCoordinationStore.Timing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MicrometerCoordinationStoreTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final FaultInjectingCoordinationStore faulty =
      new FaultInjectingCoordinationStore(new InMemoryCoordinationStore());
  private final CoordinationStore store = new MicrometerCoordinationStore(faulty, "memory", meters);

  @Test
  void everyOperationIsTimedByOperationAndOutcome() {
    assertTrue(store.createIfAbsent(Document.of("locks/nightly", Map.of("owner", "a"))));
    store.createIfAbsent(Document.of("locks/nightly", Map.of("owner", "b")));
    store.get("locks/nightly");
    store.query(DocumentQuery.in("locks").build());
    store.count("locks", "");
    faulty.failNext(Operation.DELETE, Timing.BEFORE, path -> true);
    assertThrows(CoordinationStoreException.class, () -> store.delete("locks/nightly"));
    store.delete("locks/nightly");

    assertEquals(2, timed("create", "success"));
    assertEquals(1, timed("get", "success"));
    assertEquals(1, timed("query", "success"));
    assertEquals(1, timed("count", "success"));
    assertEquals(1, timed("delete", "error"));
    assertEquals(1, timed("delete", "success"));
  }

  private long timed(String operation, String outcome) {
    return meters
        .get("courtside.coordination.operations")
        .tags("store", "memory", "operation", operation, "outcome", outcome)
        .timer()
        .count();
  }

  /** The decorator keeps every store guarantee. */
  @Nested
  class Contract extends CoordinationStoreContract {
    private final CoordinationStore metered =
        new MicrometerCoordinationStore(new InMemoryCoordinationStore(), "memory", meters);

    @Override
    protected CoordinationStore store() {
      return metered;
    }
  }
}

package io.github.courtside.core.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.core.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicrometerCompletionMetricsTest {

  @Test
  void everyRecordCallIsCountedByOutcome() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    CompletionTracker tracker =
        new CompletionTracker(
            new InMemoryCoordinationStore(),
            CompletionTrackerConfig.builder()
                .clock(ManualClock.at("2026-01-30T08:00:00Z"))
                .listener(new MicrometerCompletionMetrics(meters))
                .build());
    BatchId batch = tracker.start("2026-01-30", List.of("a", "b"));
    tracker.record(batch, "a", Completion.rows(3));
    tracker.record(batch, "a", Completion.rows(3));
    tracker.record(batch, "b", Completion.rows(4));
    tracker.record(batch, "z", Completion.rows(1));
    assertEquals(1.0, count(meters, "recorded"));
    assertEquals(1.0, count(meters, "duplicate"));
    assertEquals(1.0, count(meters, "completed_batch"));
    assertEquals(1.0, count(meters, "not_expected"));
    assertEquals(1.0, meters.get("courtside.completion.closures").counter().count());
  }

  private static double count(SimpleMeterRegistry meters, String status) {
    return meters.get("courtside.completion.records").tag("status", status).counter().count();
  }
}

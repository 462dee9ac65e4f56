package io.github.courtside.core.breaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.batch.BackpressurePolicy;
import io.github.courtside.core.batch.BatchWriter;
import io.github.courtside.core.batch.BatchWriterConfig;
import io.github.courtside.core.batch.DeadLetterSink;
import io.github.courtside.core.batch.InMemorySink;
import io.github.courtside.core.batch.ManualScheduler;
import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.validation.RowValidator;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakerAuditTrailTest {

  private static BreakerRegistry auditedRegistry(ManualClock clock, BatchWriter writer) {
    return BreakerRegistry.builder()
        .profile(
            BreakerProfile.consecutiveFailures("coordinator", 3)
                .openDuration(Duration.ofMinutes(15))
                .halfOpenTrialCalls(1)
                .build())
        .defaultProfile("coordinator")
        .clock(clock)
        .listener(new BreakerAuditTrail(writer))
        .build();
  }

  @Test
  void eachTransitionBecomesOneRowThatFitsTheAuditSchema() {
    ManualClock clock = ManualClock.at("2026-01-26T06:00:00Z");
    ManualScheduler scheduler = new ManualScheduler(clock);
    TableId table = TableId.of("nba_orchestration", "circuit_breaker_audit");
    InMemorySink sink = InMemorySink.of(table);
    BatchWriter writer =
        BatchWriter.builder(sink)
            .config(BatchWriterConfig.builder().maxRows(50).build())
            .clock(clock)
            .scheduler(scheduler)
            .deadLetters(DeadLetterSink.logging())
            .build();
    BreakerRegistry breakers = auditedRegistry(clock, writer);
    Breaker breaker = breakers.breaker("PredictionCoordinator");
    for (int i = 0; i < 3; i++) {
      breaker.tryAcquire();
      breaker.onFailure(new IllegalStateException("upstream missing"));
    }
    clock.advance(Duration.ofMinutes(16));
    breaker.run(() -> {});
    writer.flush();
    scheduler.runUntilIdle();

    List<Row> rows = sink.rows();
    assertEquals(
        List.of("OPEN", "HALF_OPEN", "CLOSED"),
        rows.stream().map(r -> r.getString("to_state").orElseThrow()).toList());
    assertEquals(Instant.parse("2026-01-26T06:00:00Z"), rows.get(0).get("transitioned_at"));
    assertEquals("PredictionCoordinator", rows.get(0).get("breaker_key"));
    assertTrue(
        RowValidator.builder(table, BreakerAuditTrail.SCHEMA).build().validate(rows).allAccepted());
  }

  @Test
  void aTrippingBreakerNeverWaitsForAFullAuditWriter() {
    ManualClock clock = ManualClock.at("2026-01-26T06:00:00Z");
    ManualScheduler scheduler = new ManualScheduler(clock); // sends nothing until run
    TableId table = TableId.of("nba_orchestration", "circuit_breaker_audit");
    InMemorySink sink = InMemorySink.of(table);
    BatchWriter writer =
        BatchWriter.builder(sink)
            .config(
                BatchWriterConfig.builder()
                    .maxRows(50)
                    .capacity(2)
                    .backpressure(BackpressurePolicy.BLOCK)
                    .blockTimeout(Duration.ofSeconds(10))
                    .build())
            .clock(clock)
            .scheduler(scheduler)
            .deadLetters(DeadLetterSink.logging())
            .build();
    BreakerRegistry breakers = auditedRegistry(clock, writer);
    Breaker breaker = breakers.breaker("PredictionCoordinator");
    assertTimeoutPreemptively(
        Duration.ofSeconds(3),
        () -> {
          for (int i = 0; i < 3; i++) {
            breaker.tryAcquire();
            breaker.onFailure(new IllegalStateException("upstream missing"));
          }
          clock.advance(Duration.ofMinutes(16));
          breaker.run(() -> {}); // HALF_OPEN fills the buffer, CLOSED finds it full
        },
        "the breaker's caller waited for the audit writer");
    assertEquals(BreakerState.CLOSED, breaker.state());
    assertEquals(1, writer.stats().refused(), writer.stats()::toString);
    writer.flush();
    scheduler.runUntilIdle();
    assertEquals(
        List.of("OPEN", "HALF_OPEN"),
        sink.rows().stream().map(r -> r.getString("to_state").orElseThrow()).toList());
  }
}

package io.github.courtside.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of adds, flushes, time steps, sink failures (transient and permanent, whole
 * request and per row, before and after the sink stored the rows) and closes. After every step the
 * accounting balances; at the end no accepted row is lost and the deduplicating sink holds no row
 * twice.
 */
class BatchWriterProperties {
  private static final TableId TABLE = TableId.of("nba_orchestration", "pipeline_events");

  @Test
  void accountingBalancesNoRowIsLostAndNoneIsDuplicated() {
    qt().withExamples(300)
        .forAll(
            integers().between(1, 6),
            integers().between(1, 12),
            integers().between(1, 4),
            lists().of(integers().between(0, 1999)).ofSizeBetween(0, 120))
        .checkAssert(BatchWriterProperties::run);
  }

  private static void run(int maxRows, int capacity, int maxAttempts, List<Integer> ops) {
    ManualClock clock = ManualClock.at("2026-01-26T08:00:00Z");
    ManualScheduler scheduler = new ManualScheduler(clock);
    InMemorySink sink = InMemorySink.of(TABLE);
    sink.failRowsMatching(r -> r.row().getLong("n").orElse(0L) % 13 == 12, "poison row");
    List<DeadLetter> deadLetters = new ArrayList<>();
    BatchWriter writer =
        BatchWriter.builder(sink)
            .config(
                BatchWriterConfig.builder()
                    .name("prop")
                    .maxRows(maxRows)
                    .maxBytes(400)
                    .capacity(capacity)
                    .backpressure(BackpressurePolicy.REJECT)
                    .maxAge(Duration.ofSeconds(5))
                    .maxAttempts(maxAttempts)
                    .initialBackoff(Duration.ofMillis(200))
                    .maxBackoff(Duration.ofSeconds(2))
                    .closeTimeout(Duration.ZERO)
                    .build())
            .clock(clock)
            .scheduler(scheduler)
            .deadLetters(deadLetters::add)
            .build();
    List<BatchRecord> accepted = new ArrayList<>();
    long next = 0;
    boolean closed = false;
    for (int value : ops) {
      int op = value % 20;
      int param = value / 20;
      if (op <= 8) {
        Row row = Row.builder().set("n", next++).set("pad", "p".repeat(param % 40)).build();
        try {
          accepted.add(writer.add(row));
          assertFalse(closed, "a closed writer accepted a row");
        } catch (BufferFullException | BatchWriterClosedException e) {
          assertTrue(closed || e instanceof BufferFullException);
        }
      } else if (op <= 10) {
        writer.flush();
      } else if (op <= 12) {
        scheduler.runReady();
      } else if (op <= 14) {
        scheduler.advance(Duration.ofMillis(param * 10L));
      } else if (op == 15) {
        switch (param % 4) {
          case 0 -> sink.failNextRequest(new SinkException(TABLE, "503", true));
          case 1 -> sink.failNextRequestAfterStoring(new SinkException(TABLE, "timeout", true));
          case 2 -> sink.failNextRequest(new SinkException(TABLE, "400", false));
          default -> sink.failNextRequest(new IllegalStateException("bug in sink"));
        }
      } else if (op == 16) {
        sink.failRowsInNextRequest(1 + param % 3, param % 2 == 0, "row error " + param);
      } else if (op == 17) {
        scheduler.advance(Duration.ofSeconds(param % 10));
      } else if (op == 18) {
        scheduler.runUntilIdle();
      } else {
        scheduler.runUntilIdle();
        writer.close();
        closed = true;
      }
      checkStep(writer, sink, deadLetters, accepted);
    }
    scheduler.runUntilIdle();
    try {
      writer.close();
    } catch (CourtsideException e) {
      throw new AssertionError("close after the scheduler went idle left rows: " + e, e);
    }
    checkStep(writer, sink, deadLetters, accepted);

    BatchWriterStats stats = writer.stats();
    assertEquals(0, stats.pending(), "nothing pending after close");
    assertEquals(accepted.size(), stats.written() + stats.deadLettered());
    Set<String> stored = sink.rowsById().keySet();
    Set<String> dead = new HashSet<>();
    for (DeadLetter letter : deadLetters) {
      assertTrue(dead.add(letter.record().id()), "dead-lettered twice: " + letter);
      assertFalse(letter.reason().isBlank());
    }
    Set<String> acceptedIds = new HashSet<>();
    for (BatchRecord record : accepted) {
      acceptedIds.add(record.id());
      assertTrue(
          stored.contains(record.id()) || dead.contains(record.id()), () -> "row lost: " + record);
    }
    assertTrue(acceptedIds.containsAll(stored), "the sink holds rows nobody accepted");
    List<Row> rows = sink.rows();
    assertEquals(rows.size(), new HashSet<>(rows).size(), "a row was stored twice");
    assertTrue(stored.size() >= stats.written(), "rows counted written are not in the sink");
  }

  private static void checkStep(
      BatchWriter writer, InMemorySink sink, List<DeadLetter> deadLetters, List<BatchRecord> ok) {
    BatchWriterStats stats = writer.stats();
    assertTrue(stats.balanced(), () -> "unbalanced " + stats);
    assertEquals(ok.size(), stats.accepted());
    assertEquals(deadLetters.size(), stats.deadLettered());
    assertTrue(sink.rows().size() >= stats.written(), () -> "written beyond the sink: " + stats);
    assertTrue(stats.buffered() >= 0 && stats.inFlight() >= 0);
  }
}

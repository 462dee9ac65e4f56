package io.github.courtside.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A sink that throws an Error, or a scheduler that refuses a retry, never leaves rows hanging. */
class BatchWriterFailureTest {
  private static final TableId TABLE = TableId.of("nba_processing", "quality_issues");

  private final ManualClock clock = ManualClock.at("2026-01-27T10:00:00Z");
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

  private static Row row(int n) {
    return Row.builder().set("issue", "issue-" + n).set("n", (long) n).build();
  }

  private static BatchWriterConfig.Builder config() {
    return BatchWriterConfig.builder()
        .name("failures")
        .maxRows(3)
        .maxAge(Duration.ofSeconds(30))
        .initialBackoff(Duration.ofSeconds(1))
        .maxBackoff(Duration.ofSeconds(8))
        .jitter(0.0)
        .closeTimeout(Duration.ZERO);
  }

  /** A sink whose every request throws what {@code failure} makes. */
  private static BatchSink throwing(java.util.function.Supplier<? extends Throwable> failure) {
    InMemorySink target = InMemorySink.of(TABLE);
    return new BatchSink() {
      @Override
      public TableId table() {
        return TABLE;
      }

      @Override
      public Delivery delivery() {
        return target.delivery();
      }

      @Override
      public SinkResult write(List<BatchRecord> records) {
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
          throw e;
        }
        throw (Error) t;
      }
    };
  }

  private static void assertAllAccounted(BatchWriter writer, long rows) {
    BatchWriterStats stats = writer.stats();
    assertTrue(stats.balanced(), () -> "unbalanced: " + stats);
    assertEquals(rows, stats.accepted(), stats::toString);
    assertEquals(0, stats.pending(), () -> "rows left pending: " + stats);
    assertEquals(rows, stats.written() + stats.deadLettered(), stats::toString);
  }

  @Test
  void aSinkThrowingAnErrorFinishesTheBatchAndDeadLettersItsRows() {
    BatchWriter writer =
        BatchWriter.builder(throwing(() -> new AssertionError("sink bug")))
            .config(config().build())
            .clock(clock)
            .scheduler(scheduler)
            .deadLetters(deadLetters::add)
            .build();
    for (int i = 0; i < 5; i++) {
      writer.add(row(i));
    }
    CompletableFuture<Void> flushed = writer.flush();
    scheduler.runUntilIdle();
    assertTrue(flushed.isDone(), () -> "flush still waiting: " + writer.stats());
    assertAllAccounted(writer, 5);
    assertEquals(5, deadLetters.size());
    assertTrue(
        deadLetters.stream().allMatch(letter -> letter.reason().contains("sink bug")),
        () -> "reasons: " + deadLetters);
    writer.close();
    assertAllAccounted(writer, 5);
  }

  @Test
  void aSimulatedOutOfMemoryOnARealSchedulerLetsFlushAndCloseReturn() throws Exception {
    BatchWriter writer =
        BatchWriter.builder(throwing(() -> new OutOfMemoryError("simulated")))
            .config(config().closeTimeout(Duration.ofSeconds(5)).build())
            .deadLetters(deadLetters::add)
            .build();
    for (int i = 0; i < 7; i++) {
      writer.add(row(i));
    }
    writer.flush().get(5, TimeUnit.SECONDS);
    long started = System.nanoTime();
    writer.close();
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "close took too long");
    assertAllAccounted(writer, 7);
    assertEquals(7, deadLetters.size());
  }

  @Test
  void aRetryTheSchedulerRefusesIsPermanentAndDeadLettersTheRows() {
    BatchSink sink =
        throwing(
            () -> {
              scheduler.shutdown(); // the retry wait can no longer be scheduled
              return new UncheckedIOException(new IOException("connection reset"));
            });
    BatchWriter writer =
        BatchWriter.builder(sink)
            .config(config().build())
            .clock(clock)
            .scheduler(scheduler)
            .deadLetters(deadLetters::add)
            .build();
    for (int i = 0; i < 3; i++) {
      writer.add(row(i));
    }
    CompletableFuture<Void> flushed = writer.flush();
    scheduler.runUntilIdle();
    assertTrue(flushed.isDone(), () -> "flush still waiting: " + writer.stats());
    assertAllAccounted(writer, 3);
    assertEquals(3, deadLetters.size());
    assertTrue(
        deadLetters.stream().allMatch(letter -> letter.reason().contains("refused")),
        () -> "reasons: " + deadLetters);
  }

  @Test
  void aDeadLetterSinkThrowingAnErrorStillFinishesTheBatch() {
    BatchWriter writer =
        BatchWriter.builder(throwing(() -> new IllegalStateException("permanent")))
            .config(config().build())
            .clock(clock)
            .scheduler(scheduler)
            .deadLetters(
                letter -> {
                  throw new AssertionError("dead-letter sink bug");
                })
            .build();
    for (int i = 0; i < 3; i++) {
      writer.add(row(i));
    }
    CompletableFuture<Void> flushed = writer.flush();
    scheduler.runUntilIdle();
    assertTrue(flushed.isDone(), () -> "flush still waiting: " + writer.stats());
    assertAllAccounted(writer, 3);
  }

  @Test
  void closeFromADeadLetterCallbackReturnsPromptlyAndTheWriterStillDrains() throws Exception {
    java.util.concurrent.atomic.AtomicReference<BatchWriter> self =
        new java.util.concurrent.atomic.AtomicReference<>();
    List<Long> closeNanos = new CopyOnWriteArrayList<>();
    BatchWriter writer =
        BatchWriter.builder(throwing(() -> new IllegalStateException("permanent")))
            // every row in one batch sent by the flush: the first dead letter closes the writer,
            // so no row may be sent before the last one is added
            .config(config().maxRows(10).closeTimeout(Duration.ofSeconds(30)).build())
            .deadLetters(
                letter -> {
                  deadLetters.add(letter);
                  long started = System.nanoTime();
                  self.get().close();
                  closeNanos.add(System.nanoTime() - started);
                })
            .build();
    self.set(writer);
    for (int i = 0; i < 5; i++) {
      writer.add(row(i));
    }
    writer.flush().get(5, TimeUnit.SECONDS);
    assertEquals(5, closeNanos.size());
    for (long nanos : closeNanos) {
      assertTrue(nanos < TimeUnit.SECONDS.toNanos(1), () -> "close took " + nanos + " ns");
    }
    assertAllAccounted(writer, 5);
    org.junit.jupiter.api.Assertions.assertThrows(
        BatchWriterClosedException.class, () -> writer.add(row(9)));
    writer.close(); // idempotent from the caller's thread too
  }
}

package io.github.courtside.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A sink that throws an Error, a scheduler that refuses work, a close from the writer's own
 * callback: the writer finishes or fails clearly within its timeouts, never hangs (each test is
 * bounded, so a hang fails it instead of stalling the build).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
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

  /** A sink whose every request {@code write} answers. */
  private static BatchSink answering(Function<List<BatchRecord>, SinkResult> write) {
    return new BatchSink() {
      @Override
      public TableId table() {
        return TABLE;
      }

      @Override
      public Delivery delivery() {
        return Delivery.LOAD;
      }

      @Override
      public SinkResult write(List<BatchRecord> records) {
        return write.apply(records);
      }
    };
  }

  /** A sink whose every request throws what {@code failure} makes. */
  private static BatchSink throwing(java.util.function.Supplier<? extends Throwable> failure) {
    return answering(
        records -> {
          Throwable t = failure.get();
          if (t instanceof RuntimeException e) {
            throw e;
          }
          throw (Error) t;
        });
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
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void aSchedulerThatRefusesEveryTaskStillLetsFlushAndCloseFinish() {
    InMemorySink store = InMemorySink.of(TABLE);
    scheduler.shutdown(); // refuses the pump, the age timer and every retry from the start
    BatchWriter writer =
        BatchWriter.builder(store)
            .config(config().closeTimeout(Duration.ofSeconds(5)).build())
            .clock(clock)
            .scheduler(scheduler)
            .deadLetters(deadLetters::add)
            .build();
    for (int i = 0; i < 5; i++) {
      writer.add(row(i)); // the third row makes a request due: sent on this thread
    }
    CompletableFuture<Void> flushed = writer.flush();
    assertTrue(
        flushed.isDone(), () -> "flush waits on a scheduler that refused it: " + writer.stats());
    assertAllAccounted(writer, 5);
    assertEquals(5, store.rows().size(), "a healthy sink still gets every row");
    assertEquals(List.of(), deadLetters);
    writer.close();
    assertAllAccounted(writer, 5);
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void aSchedulerThatRefusesEveryTaskInFrontOfAFailingSinkDeadLettersInsteadOfHanging() {
    scheduler.shutdown();
    BatchWriter writer =
        BatchWriter.builder(throwing(() -> new UncheckedIOException(new IOException("reset"))))
            .config(config().closeTimeout(Duration.ofSeconds(5)).build())
            .clock(clock)
            .scheduler(scheduler)
            .deadLetters(deadLetters::add)
            .build();
    for (int i = 0; i < 4; i++) {
      writer.add(row(i));
    }
    writer.close(); // would time out (or the flush hang) if the refused pump left rows pending
    assertAllAccounted(writer, 4);
    assertEquals(4, deadLetters.size());
    assertTrue(
        deadLetters.stream().allMatch(letter -> letter.reason().contains("refused")),
        () -> "reasons: " + deadLetters);
  }

  /**
   * A row whose append may have landed keeps that marker in its dead letter when a later attempt
   * fails it otherwise (here: the sink, now unable even to try, throws a plain I/O error).
   */
  @Test
  void aRowOfAnUnresolvedAppendIsDeadLetteredAmbiguousWhateverFailsItLater() {
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    BatchSink sink =
        answering(
            records -> {
              if (calls.incrementAndGet() > 1) {
                throw new UncheckedIOException(new IOException("stream unavailable"));
              }
              // the first row was written; the append of the other two failed and may have landed
              List<String> ids = records.subList(1, 3).stream().map(BatchRecord::id).toList();
              AmbiguousWriteException unresolved =
                  new AmbiguousWriteException(
                      TABLE,
                      "AppendRows failed",
                      true,
                      new IOException("connection reset"),
                      "projects/p/datasets/d/tables/t/streams/s1",
                      1,
                      ids);
              return SinkResult.withFailures(
                  List.of(
                      RowFailure.causedBy(ids.get(0), "AppendRows failed", true, unresolved),
                      RowFailure.causedBy(ids.get(1), "AppendRows failed", true, unresolved)));
            });
    BatchWriter writer =
        BatchWriter.builder(sink)
            .config(config().maxAttempts(2).build())
            .clock(clock)
            .scheduler(scheduler)
            .deadLetters(deadLetters::add)
            .build();
    List<BatchRecord> records = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      records.add(writer.add(row(i)));
    }
    writer.flush();
    scheduler.runUntilIdle();
    assertEquals(2, calls.get(), "the two rows were tried again");
    assertAllAccounted(writer, 3);
    assertEquals(2, deadLetters.size(), () -> "dead letters: " + deadLetters);
    for (int i = 0; i < 2; i++) {
      DeadLetter letter = deadLetters.get(i);
      assertEquals(records.get(i + 1).id(), letter.record().id());
      assertTrue(letter.reason().contains("stream unavailable"), letter::reason);
      AmbiguousWriteException cause =
          assertInstanceOf(AmbiguousWriteException.class, letter.cause().orElse(null));
      assertEquals(1 + i, cause.offsetOf(letter.record().id()).orElseThrow());
    }
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

package io.github.courtside.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchWriterTest {
  private static final TableId TABLE = TableId.of("nba_processing", "quality_issues");

  private final ManualClock clock = ManualClock.at("2026-01-27T10:00:00Z");
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final InMemorySink sink = InMemorySink.of(TABLE);
  private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  private final List<BatchWriter> opened = new ArrayList<>();

  @AfterEach
  void checkAccounting() {
    for (BatchWriter writer : opened) {
      assertTrue(writer.stats().balanced(), () -> "unbalanced: " + writer.stats());
    }
  }

  private static Row row(int n) {
    return Row.builder().set("issue", "issue-" + n).set("n", (long) n).build();
  }

  private BatchWriterConfig.Builder config() {
    return BatchWriterConfig.builder()
        .name("test")
        .maxRows(3)
        .maxAge(Duration.ofSeconds(30))
        .initialBackoff(Duration.ofSeconds(1))
        .maxBackoff(Duration.ofSeconds(8))
        .jitter(0.0)
        .closeTimeout(Duration.ZERO);
  }

  private BatchWriter writer(BatchWriterConfig config) {
    return writer(config, sink);
  }

  private BatchWriter writer(BatchWriterConfig config, BatchSink target) {
    BatchWriter writer =
        BatchWriter.builder(target)
            .config(config)
            .clock(clock)
            .scheduler(scheduler)
            .deadLetters(deadLetters::add)
            .build();
    opened.add(writer);
    return writer;
  }

  @Test
  void flushesWhenTheRowCountIsReached() {
    BatchWriter writer = writer(config().build());
    writer.add(row(1));
    writer.add(row(2));
    scheduler.runReady();
    assertEquals(0, sink.requests(), "two rows are below maxRows=3");
    writer.add(row(3));
    scheduler.runReady();
    assertEquals(List.of(row(1), row(2), row(3)), sink.rows());
    assertEquals(1, sink.requests());
    assertEquals(3, writer.stats().written());
  }

  @Test
  void flushesWhenTheEstimatedBytesAreReachedAndSplitsRequestsByBytes() {
    Row big = Row.builder().set("text", "x".repeat(400)).build();
    BatchWriter writer = writer(config().maxRows(100).maxBytes(1000).build());
    writer.add(big);
    writer.add(big.toBuilder().set("k", 1L).build());
    scheduler.runReady();
    assertEquals(0, sink.requests(), "about 830 bytes are below maxBytes=1000");
    writer.add(big.toBuilder().set("k", 2L).build());
    scheduler.runUntilIdle();
    assertEquals(3, sink.rows().size());
    assertEquals(2, sink.requests(), "no request may exceed maxBytes: 2 rows, then 1");
  }

  @Test
  void flushesWhenTheOldestRowReachesMaxAge() {
    BatchWriter writer = writer(config().maxRows(100).build());
    writer.add(row(1));
    scheduler.advance(Duration.ofSeconds(10));
    writer.add(row(2));
    scheduler.advance(Duration.ofSeconds(19).plusMillis(999));
    assertEquals(0, sink.requests(), "the oldest row is 29.999 s old");
    scheduler.advance(Duration.ofMillis(1));
    assertEquals(List.of(row(1), row(2)), sink.rows());
  }

  @Test
  void explicitFlushSendsEverythingAndItsFutureCompletesWhenWritten() {
    BatchWriter writer = writer(config().maxRows(2).build());
    for (int i = 0; i < 5; i++) {
      writer.add(row(i));
    }
    CompletableFuture<Void> flushed = writer.flush();
    assertFalse(flushed.isDone());
    scheduler.runReady();
    assertTrue(flushed.isDone());
    assertEquals(5, sink.rows().size());
    assertEquals(3, sink.requests(), "requests hold at most maxRows=2 rows");
    assertTrue(writer.flush().isDone(), "nothing left to flush");
  }

  @Test
  void retriesRetryableFailuresWithExponentialBackoff() {
    BatchWriter writer = writer(config().build());
    sink.failNextRequest(new SinkException(TABLE, "HTTP 503", true));
    sink.failNextRequest(new UncheckedIOException(new java.io.IOException("connection reset")));
    writer.addAll(List.of(row(1), row(2), row(3)));
    scheduler.runReady();
    assertEquals(1, sink.requests());
    scheduler.advance(Duration.ofMillis(999));
    assertEquals(1, sink.requests(), "first retry waits 1 s");
    scheduler.advance(Duration.ofMillis(1));
    assertEquals(2, sink.requests());
    scheduler.advance(Duration.ofMillis(1999));
    assertEquals(2, sink.requests(), "second retry waits 2 s");
    scheduler.advance(Duration.ofMillis(1));
    assertEquals(3, sink.requests());
    assertEquals(3, sink.rows().size());
    BatchWriterStats stats = writer.stats();
    assertEquals(3, stats.written());
    assertEquals(2, stats.retries());
    assertEquals(0, stats.pending());
    assertTrue(deadLetters.isEmpty());
  }

  @Test
  void jitterSpreadsRetryWaitsAroundTheBackoff() {
    BatchWriter writer = writer(config().jitter(0.5).build());
    sink.failNextRequest(new SinkException(TABLE, "HTTP 503", true));
    writer.addAll(List.of(row(1), row(2), row(3)));
    scheduler.runReady();
    scheduler.advance(Duration.ofMillis(499));
    assertEquals(1, sink.requests(), "with 50 % jitter the 1 s wait is at least 0.5 s");
    scheduler.advance(Duration.ofMillis(1001));
    assertEquals(2, sink.requests(), "and at most 1.5 s");
  }

  @Test
  void permanentFailuresDeadLetterEveryRowWithTheReasonAndAreNotRetried() {
    BatchWriter writer = writer(config().build());
    sink.failNextRequest(new SinkException(TABLE, "HTTP 400 invalid table", false));
    writer.addAll(List.of(row(1), row(2), row(3)));
    scheduler.runUntilIdle();
    assertEquals(1, sink.requests());
    assertEquals(3, deadLetters.size());
    DeadLetter letter = deadLetters.get(0);
    assertEquals(TABLE, letter.table());
    assertTrue(letter.reason().startsWith("permanent failure"), letter.reason());
    assertTrue(letter.reason().contains("HTTP 400 invalid table"), letter.reason());
    assertTrue(letter.cause().isPresent());
    assertEquals(1, letter.attempts());
    assertEquals(3, writer.stats().deadLettered());
  }

  @Test
  void exhaustedRetriesDeadLetterTheRowsNamingTheAttempts() {
    BatchWriter writer = writer(config().maxAttempts(3).build());
    for (int i = 0; i < 3; i++) {
      sink.failNextRequest(new SinkException(TABLE, "HTTP 503", true));
    }
    writer.addAll(List.of(row(1), row(2), row(3)));
    scheduler.runUntilIdle();
    assertEquals(3, sink.requests());
    assertEquals(3, deadLetters.size());
    assertTrue(deadLetters.get(0).reason().startsWith("gave up after 3 attempt(s)"));
    assertEquals(3, deadLetters.get(0).attempts());
  }

  @Test
  void perRowFailuresRetryOnlyTheRetryableRowsAndDeadLetterThePermanentOnes() {
    BatchWriter writer = writer(config().maxRows(4).build());
    sink.failRowsMatching(r -> r.row().getLong("n").orElse(0L) == 2L, "no such field: bad");
    sink.failRowsInNextRequest(1, true, "stopped: another row failed");
    writer.addAll(List.of(row(1), row(2), row(3), row(4)));
    scheduler.runUntilIdle();
    assertEquals(List.of(row(3), row(4), row(1)), sink.rows());
    assertEquals(1, deadLetters.size());
    assertEquals(row(2), deadLetters.get(0).record().row());
    assertEquals("no such field: bad", deadLetters.get(0).reason());
    assertEquals(2, sink.requests(), "the second request carries only the retryable row");
    assertEquals(1, writer.stats().retries());
  }

  @Test
  void aRetryAfterALostAcknowledgementDoesNotDuplicateRows() {
    BatchWriter writer = writer(config().build());
    sink.failNextRequestAfterStoring(new SinkException(TABLE, "deadline exceeded", true));
    writer.addAll(List.of(row(1), row(2), row(3)));
    scheduler.runUntilIdle();
    assertEquals(2, sink.requests());
    assertEquals(List.of(row(1), row(2), row(3)), sink.rows());
    assertEquals(3, sink.duplicatesIgnored());
    assertEquals(3, writer.stats().written());
  }

  @Test
  void rejectPolicyRefusesRowsWhenTheBufferIsFull() {
    BatchWriter writer =
        writer(config().maxRows(10).capacity(2).backpressure(BackpressurePolicy.REJECT).build());
    writer.add(row(1));
    writer.add(row(2));
    BufferFullException error = assertThrows(BufferFullException.class, () -> writer.add(row(3)));
    assertTrue(error.getMessage().contains("REJECT"), error.getMessage());
    assertTrue(error.getMessage().contains(TABLE.qualifiedName()), error.getMessage());
    assertEquals(2, error.capacity());
    assertEquals(2, writer.stats().accepted());
    assertEquals(1, writer.stats().refused());
    scheduler.runReady();
    assertEquals(2, sink.rows().size(), "a full buffer is sent even below maxRows");
    writer.add(row(3));
  }

  @Test
  void blockPolicyTimesOutWithAClearError() {
    BatchWriter writer =
        writer(config().maxRows(10).capacity(1).blockTimeout(Duration.ZERO).build());
    writer.add(row(1));
    BufferFullException error = assertThrows(BufferFullException.class, () -> writer.add(row(2)));
    assertTrue(error.getMessage().contains("BLOCK"), error.getMessage());
  }

  @Test
  void blockPolicyWaitsUntilTheSinkMakesRoom() throws Exception {
    BatchWriter writer =
        writer(config().maxRows(10).capacity(1).blockTimeout(Duration.ofMinutes(5)).build());
    writer.add(row(1));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread producer =
        new Thread(
            () -> {
              try {
                writer.add(row(2));
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    producer.start();
    while (writer.stats().accepted() < 2 && failure.get() == null) {
      scheduler.runReady();
      Thread.onSpinWait();
    }
    producer.join();
    assertEquals(null, failure.get());
    scheduler.runUntilIdle();
    assertEquals(List.of(row(1), row(2)), sink.rows());
  }

  @Test
  void sinkIoHappensOutsideTheBufferLock() throws Exception {
    CountDownLatch inWrite = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    BatchSink slow =
        new BatchSink() {
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
            inWrite.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return sink.write(records);
          }
        };
    ScheduledExecutorService real = Executors.newSingleThreadScheduledExecutor();
    try {
      BatchWriter writer =
          BatchWriter.builder(slow)
              .config(config().maxRows(1).closeTimeout(Duration.ofMinutes(1)).build())
              .scheduler(real)
              .deadLetters(DeadLetterSink.logging())
              .build();
      writer.add(row(1));
      inWrite.await();
      writer.add(row(2)); // would block forever if the sink call held the buffer lock
      assertEquals(1, writer.stats().inFlight());
      assertEquals(1, writer.stats().buffered());
      release.countDown();
      writer.close();
      assertEquals(List.of(row(1), row(2)), sink.rows());
    } finally {
      release.countDown();
      real.shutdownNow();
    }
  }

  @Test
  void concurrentProducersThroughAFlakySinkLoseNothing() throws Exception {
    for (int i = 0; i < 10; i++) {
      sink.failNextRequest(new SinkException(TABLE, "HTTP 503", true));
      sink.failRowsInNextRequest(2, i % 2 == 0, "row error " + i);
    }
    BatchWriter writer =
        BatchWriter.builder(sink)
            .config(
                config()
                    .maxRows(25)
                    .capacity(50)
                    .blockTimeout(Duration.ofMinutes(1))
                    .initialBackoff(Duration.ofMillis(1))
                    .maxBackoff(Duration.ofMillis(2))
                    .closeTimeout(Duration.ofMinutes(1))
                    .build())
            .deadLetters(deadLetters::add)
            .build();
    List<Thread> producers = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      int producer = p;
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 500; i++) {
                  writer.add(row(producer * 1000 + i));
                }
              });
      producers.add(thread);
      thread.start();
    }
    for (Thread thread : producers) {
      thread.join();
    }
    writer.close();
    BatchWriterStats stats = writer.stats();
    assertEquals(2000, stats.accepted());
    assertEquals(0, stats.pending());
    assertEquals(2000, stats.written() + stats.deadLettered());
    assertEquals(stats.deadLettered(), deadLetters.size());
    assertEquals(stats.written(), sink.rows().size());
    assertEquals(10, stats.deadLettered(), "five faults made two rows each fail permanently");
  }

  @Test
  void closeDrainsEverythingOnItsOwnScheduler() {
    BatchWriter writer =
        BatchWriter.builder(sink)
            .config(BatchWriterConfig.builder().maxRows(100).maxAge(Duration.ofHours(1)).build())
            .deadLetters(DeadLetterSink.logging())
            .build();
    for (int i = 0; i < 7; i++) {
      writer.add(row(i));
    }
    writer.close();
    assertEquals(7, sink.rows().size());
    BatchWriterStats stats = writer.stats();
    assertEquals(7, stats.written());
    assertEquals(0, stats.pending());
    writer.close();
    assertThrows(BatchWriterClosedException.class, () -> writer.add(row(8)));
    assertEquals(1, writer.stats().refused());
  }

  @Test
  void writersThatCloseOnShutdownAlsoDrainOnAnExplicitClose() {
    BatchWriter writer =
        BatchWriter.builder(sink)
            .config(config().closeTimeout(Duration.ofMinutes(1)).build())
            .closeOnShutdown(true)
            .deadLetters(DeadLetterSink.logging())
            .build();
    writer.add(row(1));
    writer.close();
    assertEquals(List.of(row(1)), sink.rows());
  }

  @Test
  void closeThatCannotFinishNamesThePendingRows() {
    BatchWriter writer = writer(config().maxRows(100).build());
    writer.addAll(List.of(row(1), row(2)));
    BatchWriterCloseException error = assertThrows(BatchWriterCloseException.class, writer::close);
    assertEquals(2, error.pending());
    assertTrue(error.getMessage().contains("2 row(s)"), error.getMessage());
    scheduler.runUntilIdle();
    assertEquals(2, sink.rows().size(), "the drain continues on the scheduler");
  }

  @Test
  void streamingWritersAreRefusedForMutableTables() {
    InMemorySink streaming = InMemorySink.streaming(TABLE);
    WriteModeViolationException error =
        assertThrows(
            WriteModeViolationException.class,
            () ->
                BatchWriter.builder(streaming)
                    .scheduler(scheduler)
                    .deadLetters(DeadLetterSink.logging())
                    .build());
    assertEquals(TABLE, error.table());
    assertEquals(WriteMode.MUTABLE, error.mode());
    assertTrue(error.getMessage().contains("DELETE+INSERT"), error.getMessage());

    WriteModePolicy policy =
        WriteModePolicy.builder()
            .register(TABLE, WriteMode.APPEND_ONLY)
            .register(TABLE.sibling("prediction_accuracy"), WriteMode.MUTABLE)
            .build();
    BatchWriter.builder(streaming)
        .scheduler(scheduler)
        .writeModes(policy)
        .deadLetters(DeadLetterSink.logging())
        .build();
    assertThrows(
        WriteModeViolationException.class,
        () ->
            BatchWriter.builder(InMemorySink.streaming(TABLE.sibling("prediction_accuracy")))
                .scheduler(scheduler)
                .writeModes(policy)
                .deadLetters(DeadLetterSink.logging())
                .build());
    BatchWriter.builder(InMemorySink.of(TABLE.sibling("prediction_accuracy")))
        .scheduler(scheduler)
        .writeModes(policy)
        .deadLetters(DeadLetterSink.logging())
        .build();
  }

  @Test
  void rowIdsAreDeterministic() {
    Row a = Row.builder().set("x", 1L).set("y", "b").build();
    Row sameContentOtherOrder = Row.builder().set("y", "b").set("x", 1L).build();
    Row otherType = Row.builder().set("x", 1.0).set("y", "b").build();
    RowIdStrategy content = RowIdStrategy.contentHash();
    assertEquals(content.idOf(a, 0), content.idOf(sameContentOtherOrder, 7));
    assertNotEquals(content.idOf(a, 0), content.idOf(otherType, 0));
    assertEquals("w1:42", RowIdStrategy.sequence("w1").idOf(a, 42));
    assertEquals("b", RowIdStrategy.column("y").idOf(a, 0));
    assertThrows(IllegalArgumentException.class, () -> RowIdStrategy.column("z").idOf(a, 3));

    BatchWriter writer = writer(config().build());
    BatchRecord first = writer.add(row(1));
    assertEquals(RowIdStrategy.contentHashOf(row(1)), first.id());
    assertEquals(0, first.sequence());
  }

  @Test
  void publishesMicrometerMetrics() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BatchWriter writer =
        BatchWriter.builder(sink)
            .config(config().build())
            .clock(clock)
            .scheduler(scheduler)
            .deadLetters(deadLetters::add)
            .meterRegistry(registry)
            .build();
    opened.add(writer);
    sink.failRowsMatching(r -> r.row().getLong("n").orElse(0L) == 1L, "bad");
    writer.addAll(List.of(row(1), row(2), row(3), row(4)));
    assertEquals(4.0, registry.get("courtside.batch.pending").gauge().value(), "nothing ran yet");
    scheduler.runUntilIdle();
    assertEquals(4.0, count(registry, "accepted"));
    assertEquals(3.0, count(registry, "written"));
    assertEquals(1.0, count(registry, "dead_lettered"));
    assertEquals(2.0, registry.get("courtside.batch.requests").counter().count());
    assertEquals(0.0, registry.get("courtside.batch.pending").gauge().value());
  }

  @Test
  void publishesResilience4jRetryMeters() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BatchWriter writer =
        BatchWriter.builder(sink)
            .config(config().name("retried").build())
            .clock(clock)
            .scheduler(scheduler)
            .deadLetters(deadLetters::add)
            .meterRegistry(registry)
            .build();
    opened.add(writer);
    sink.failNextRequest(new java.io.UncheckedIOException(new java.io.IOException("reset")));
    writer.addAll(List.of(row(1), row(2)));
    writer.flush();
    scheduler.runUntilIdle();
    assertEquals(2, writer.stats().written(), writer.stats()::toString);
    assertEquals(
        1.0,
        registry
            .get("resilience4j.retry.calls")
            .tags("name", "courtside-batch-retried", "kind", "successful_with_retry")
            .functionCounter()
            .count());
  }

  private static double count(SimpleMeterRegistry registry, String outcome) {
    return registry.get("courtside.batch.rows").tag("outcome", outcome).counter().count();
  }

  @Test
  void configRejectsNonsense() {
    assertThrows(
        IllegalArgumentException.class, () -> BatchWriterConfig.builder().maxRows(0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> BatchWriterConfig.builder().maxAge(Duration.ZERO).build());
    assertThrows(
        IllegalArgumentException.class, () -> BatchWriterConfig.builder().jitter(1.0).build());
    BatchWriterConfig config = BatchWriterConfig.builder().maxRows(7).build();
    assertEquals(7, config.toBuilder().build().maxRows());
    assertTrue(TimeUnit.SECONDS.toMillis(30) == config.maxAge().toMillis());
  }
}

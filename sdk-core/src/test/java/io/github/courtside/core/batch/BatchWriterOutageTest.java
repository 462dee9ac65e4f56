package io.github.courtside.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable by default: a writer cannot be built without choosing where undeliverable rows go, and a
 * sink that is down for a while and then up loses nothing: every accepted row is in the sink's
 * store or in a dead-letter file that replays into it, and the accounting balances at every moment
 * while several producers add rows.
 */
class BatchWriterOutageTest {
  private static final TableId TABLE = TableId.of("nba_processing", "quality_issues");
  private static final Pattern ROW_ID = Pattern.compile("\"rowId\":\"([^\"]+)\"");

  @TempDir Path folder;

  /** The in-memory store behind a decorator that fails every request while {@code down}. */
  private static final class Outage implements BatchSink {
    final InMemorySink store = InMemorySink.of(TABLE);
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicLong refusedRequests = new AtomicLong();

    @Override
    public TableId table() {
      return TABLE;
    }

    @Override
    public Delivery delivery() {
      return store.delivery();
    }

    @Override
    public SinkResult write(List<BatchRecord> records) {
      if (down.get()) {
        refusedRequests.incrementAndGet();
        throw new UncheckedIOException(new java.io.IOException("sink is down (injected)"));
      }
      return store.write(records);
    }
  }

  @Test
  void aWriterWithoutADeadLetterSinkIsRefusedAtBuildTime() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                BatchWriter.builder(InMemorySink.of(TABLE))
                    .config(BatchWriterConfig.builder().name("no-dlq").build())
                    .build());
    assertTrue(e.getMessage().contains("no-dlq"), e.getMessage());
    assertTrue(e.getMessage().contains(TABLE.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("deadLetterFolder"), e.getMessage());
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aSinkDownForAWhileThenUpLosesNoAcceptedRow() throws Exception {
    Outage sink = new Outage();
    Path spillFolder = folder.resolve("spill");
    BatchWriter writer =
        BatchWriter.builder(sink)
            .config(
                BatchWriterConfig.builder()
                    .name("outage")
                    .maxRows(25)
                    .maxAge(Duration.ofMillis(20))
                    .capacity(200)
                    .blockTimeout(Duration.ofSeconds(5))
                    .maxAttempts(3)
                    .initialBackoff(Duration.ofMillis(5))
                    .maxBackoff(Duration.ofMillis(20))
                    .jitter(0.0)
                    .closeTimeout(Duration.ofSeconds(10))
                    .build())
            .deadLetterFolder(spillFolder)
            .build();

    int producers = 4;
    int rowsEach = 600;
    Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
    List<String> imbalances = new CopyOnWriteArrayList<>();
    List<Throwable> producerErrors = new CopyOnWriteArrayList<>();
    AtomicBoolean producing = new AtomicBoolean(true);
    CountDownLatch start = new CountDownLatch(1);
    AtomicLong added = new AtomicLong();

    Thread checker =
        new Thread(
            () -> {
              while (producing.get()) {
                BatchWriterStats stats = writer.stats();
                if (!stats.balanced()) {
                  imbalances.add(stats.toString());
                }
              }
            },
            "invariant-checker");
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int producer = p;
      threads.add(
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = 0; i < rowsEach; i++) {
                    BatchRecord record =
                        writer.add(
                            Row.builder()
                                .set("producer", "p" + producer)
                                .set("n", (long) i)
                                .set("issue", "issue " + producer + "/" + i)
                                .build());
                    acceptedIds.add(record.id());
                    added.incrementAndGet();
                    BatchWriterStats stats = writer.stats();
                    if (!stats.balanced()) {
                      imbalances.add(stats.toString());
                    }
                    if (i % 20 == 0) {
                      Thread.sleep(1);
                    }
                  }
                } catch (Throwable e) {
                  producerErrors.add(e);
                }
              },
              "producer-" + p));
    }
    checker.start();
    threads.forEach(Thread::start);
    // up for the first rows, down while the bulk of them arrive, then up again
    start.countDown();
    waitUntil(() -> added.get() >= 300);
    sink.down.set(true);
    waitUntil(() -> added.get() >= 1_500 || threads.stream().noneMatch(Thread::isAlive));
    Thread.sleep(300);
    sink.down.set(false);
    for (Thread thread : threads) {
      thread.join();
    }
    writer.close();
    producing.set(false);
    checker.join();

    assertEquals(List.of(), producerErrors, "producers must never be refused");
    assertEquals(List.of(), imbalances, "accepted == written + deadLettered + pending");
    BatchWriterStats stats = writer.stats();
    assertEquals(producers * rowsEach, stats.accepted(), stats::toString);
    assertEquals(0, stats.pending(), stats::toString);
    assertTrue(stats.balanced(), stats::toString);
    assertTrue(sink.refusedRequests.get() > 0, "the outage must have refused requests");
    assertTrue(stats.deadLettered() > 0, "the outage must have dead-lettered rows: " + stats);
    assertTrue(stats.written() > 0, "rows before and after the outage are written: " + stats);

    // every accepted row is in the store or in a dead-letter file, exactly the dead-lettered ones
    Set<String> stored = new HashSet<>(sink.store.rowsById().keySet());
    Set<String> spilled = spilledIds(spillFolder);
    assertEquals(stats.deadLettered(), spilled.size(), "one line per dead-lettered row");
    Set<String> union = new HashSet<>(stored);
    union.addAll(spilled);
    assertEquals(acceptedIds, union, "every accepted row is stored or spilled");
    assertFalse(stored.containsAll(acceptedIds), "some rows were only spilled");

    // the spill files replay into the store once it is up
    try (BatchWriter replayer =
        BatchWriter.builder(sink)
            .config(BatchWriterConfig.builder().name("outage-replay").maxRows(100).build())
            .deadLetters(
                letter -> {
                  throw new AssertionError("a replayed row was dead-lettered: " + letter);
                })
            .build()) {
      NdjsonDeadLetterSink.Replay replay =
          NdjsonDeadLetterSink.inFolder(spillFolder).replay(replayer);
      assertEquals(List.of(), replay.skipped());
      assertEquals(spilled.size(), replay.rows());
    }
    assertEquals(acceptedIds, sink.store.rowsById().keySet(), "after replay every row is stored");
    assertEquals(producers * rowsEach, sink.store.rows().size());
  }

  private static Set<String> spilledIds(Path spillFolder) throws Exception {
    Set<String> ids = new HashSet<>();
    try (Stream<Path> files = Files.list(spillFolder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".ndjson")).toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          Matcher m = ROW_ID.matcher(line);
          assertTrue(m.find(), line);
          assertTrue(ids.add(m.group(1)), "row spilled twice: " + line);
        }
      }
    }
    return ids;
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached in 10 s");
      }
      Thread.sleep(2);
    }
  }
}

package io.github.courtside.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
  private static final Pattern ROW_ID = Pattern.compile("\"rowId\":\"([^\"]+)\"");

  @TempDir Path folder;

  @Test
  void aWriterWithoutADeadLetterSinkIsRefusedAtBuildTime() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                BatchWriter.builder(InMemorySink.of(Outage.TABLE))
                    .config(BatchWriterConfig.builder().name("no-dlq").build())
                    .build());
    assertTrue(e.getMessage().contains("no-dlq"), e.getMessage());
    assertTrue(e.getMessage().contains(Outage.TABLE.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("deadLetterFolder"), e.getMessage());
  }

  /**
   * Four producers add rows at once while the sink is up, then down for a whole minute (of the
   * writer's clock, driven by this thread), then up again. Every batch sent during the outage
   * spends its three attempts and is spilled to the dead-letter folder; a checker thread and every
   * producer check the accounting after each step; at the end every accepted row is stored or
   * spilled exactly once, and the spill replays into the store.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aSinkDownForAMinuteThenUpLosesNoAcceptedRowWhileSeveralProducersAdd() throws Exception {
    ManualClock clock = ManualClock.at("2026-01-27T10:00:00Z");
    ManualScheduler scheduler = new ManualScheduler(clock);
    Outage sink = new Outage();
    Path spillFolder = folder.resolve("spill");
    BatchWriter writer =
        sink.writer(
                Outage.retrying("outage")
                    .maxRows(100)
                    .maxAge(Duration.ofMillis(500))
                    .capacity(10_000)
                    .closeTimeout(Duration.ofSeconds(10))
                    .build())
            .clock(clock)
            .scheduler(scheduler)
            .deadLetterFolder(spillFolder)
            .build();

    int producers = 4;
    int[] phaseRows = {150, 250, 100}; // up, down, up again
    Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
    Set<String> acceptedDuringOutage = ConcurrentHashMap.newKeySet();
    List<String> imbalances = new CopyOnWriteArrayList<>();
    List<Throwable> producerErrors = new CopyOnWriteArrayList<>();
    AtomicBoolean checking = new AtomicBoolean(true);
    Phaser steps = new Phaser(producers + 1);
    Set<String> threadsSeen = ConcurrentHashMap.newKeySet();

    Thread checker =
        new Thread(
            () -> {
              while (checking.get()) {
                BatchWriterStats stats = writer.stats();
                if (!stats.balanced()) {
                  imbalances.add("checker: " + stats);
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
                  int n = 0;
                  for (int current = 0; current < phaseRows.length; current++) {
                    steps.arriveAndAwaitAdvance(); // the phase starts
                    for (int i = 0; i < phaseRows[current]; i++) {
                      BatchRecord record = writer.add(Outage.row(producer, n++));
                      threadsSeen.add(Thread.currentThread().getName());
                      acceptedIds.add(record.id());
                      if (current == 1) {
                        acceptedDuringOutage.add(record.id());
                      }
                      BatchWriterStats stats = writer.stats();
                      if (!stats.balanced()) {
                        imbalances.add(Thread.currentThread().getName() + ": " + stats);
                      }
                    }
                    steps.arriveAndAwaitAdvance(); // the phase's rows are in
                  }
                } catch (Throwable e) {
                  producerErrors.add(e);
                  steps.forceTermination();
                }
              },
              "producer-" + p));
    }
    checker.start();
    threads.forEach(Thread::start);

    for (int current = 0; current < phaseRows.length; current++) {
      sink.down.set(current == 1);
      steps.arriveAndAwaitAdvance();
      // drive the writer while the producers add: one scheduler step per 100 ms of its clock
      while (steps.getArrivedParties() < producers && !steps.isTerminated()) {
        scheduler.advance(Duration.ofMillis(100));
        checkBalanced(writer, imbalances);
      }
      steps.arriveAndAwaitAdvance();
      Duration span = current == 1 ? Duration.ofMinutes(1) : Duration.ofSeconds(10);
      for (long ms = 0; ms < span.toMillis(); ms += 1_000) {
        scheduler.advance(Duration.ofSeconds(1));
        checkBalanced(writer, imbalances);
        if (current == 1) {
          assertTrue(writer.stats().written() <= phaseRows[0] * producers, "nothing is written");
        }
      }
    }
    for (Thread thread : threads) {
      thread.join();
    }
    CompletableFuture<Void> flushed = writer.flush();
    scheduler.runUntilIdle();
    assertTrue(flushed.isDone(), writer.stats()::toString);
    writer.close();
    checking.set(false);
    checker.join();

    assertEquals(List.of(), producerErrors, "producers must never be refused");
    assertEquals(producers, threadsSeen.size(), "rows came from every producer thread");
    assertEquals(List.of(), imbalances, "accepted == written + deadLettered + pending");
    BatchWriterStats stats = writer.stats();
    int total = producers * (phaseRows[0] + phaseRows[1] + phaseRows[2]);
    assertEquals(total, stats.accepted(), stats::toString);
    assertEquals(0, stats.pending(), stats::toString);
    assertTrue(sink.refusedRequests.get() > 0, "the outage must have refused requests");

    // every accepted row is in the store or in a dead-letter file, exactly the dead-lettered ones
    Set<String> stored = new HashSet<>(sink.store.rowsById().keySet());
    Set<String> spilled = spilledIds(spillFolder);
    assertEquals(stats.deadLettered(), spilled.size(), "one line per dead-lettered row");
    assertEquals(stats.written(), stored.size(), stats::toString);
    assertTrue(
        spilled.containsAll(acceptedDuringOutage),
        "every row accepted while the sink was down spent its retries in the minute and was spilled");
    Set<String> union = new HashSet<>(stored);
    union.addAll(spilled);
    assertEquals(acceptedIds, union, "every accepted row is stored or spilled");
    Set<String> both = new HashSet<>(stored);
    both.retainAll(spilled);
    assertEquals(Set.of(), both, "no row is both stored and spilled");

    // the spill files replay into the store once it is up
    try (BatchWriter replayer =
        sink.writer(BatchWriterConfig.builder().name("outage-replay").maxRows(100).build())
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
    assertEquals(total, sink.store.rows().size(), "and stored once");
  }

  private static void checkBalanced(BatchWriter writer, List<String> imbalances) {
    BatchWriterStats stats = writer.stats();
    if (!stats.balanced()) {
      imbalances.add("driver: " + stats);
    }
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
}

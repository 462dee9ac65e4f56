package io.github.courtside.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NdjsonDeadLetterSinkTest {
  private static final TableId TABLE = TableId.of("nba_processing", "quality_issues");

  @TempDir Path folder;

  private final ManualClock clock = ManualClock.at("2026-01-27T10:00:00Z");
  private final ManualScheduler scheduler = new ManualScheduler(clock);

  private static List<Row> rows() {
    return List.of(
        Row.builder().set("issue", "plain").set("n", 1L).set("ok", true).build(),
        Row.builder().set("issue", "café 😀").set("score", 0.25).set("gone", null).build(),
        Row.builder()
            .set("issue", "quote \" back \\ nl \n tab \t ctl \u0001")
            .set("n", -7L)
            .build(),
        Row.builder().set("issue", "four").set("n", 4L).set("ok", false).build(),
        Row.builder().set("issue", "five").set("score", 1.0E-9).build());
  }

  private static BatchSink down() {
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
        throw new IllegalStateException("sink is down");
      }
    };
  }

  private List<String> lines(Path file) throws Exception {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  private NdjsonDeadLetterSink spillFiveRows() {
    NdjsonDeadLetterSink spill = NdjsonDeadLetterSink.inFolder(folder);
    BatchWriter writer =
        BatchWriter.builder(down())
            .config(BatchWriterConfig.builder().name("spill").maxRows(2).jitter(0.0).build())
            .clock(clock)
            .scheduler(scheduler)
            .deadLetters(spill)
            .build();
    List<BatchRecord> records = writer.addAll(rows());
    writer.flush();
    scheduler.runUntilIdle();
    assertEquals(5, writer.stats().deadLettered(), writer.stats()::toString);
    assertTrue(writer.stats().balanced());
    assertEquals(records.size(), 5);
    return spill;
  }

  private BatchWriter replayWriter(InMemorySink sink) {
    return BatchWriter.builder(sink)
        .config(BatchWriterConfig.builder().name("replay").maxRows(2).build())
        .deadLetters(
            letter -> {
              throw new AssertionError("replayed row dead-lettered: " + letter);
            })
        .build();
  }

  @Test
  void deadLettersAreWrittenAsOneJsonLineEachWithReasonIdAndAttempts() throws Exception {
    NdjsonDeadLetterSink spill = spillFiveRows();
    List<String> lines = lines(spill.file());
    assertEquals(5, lines.size(), () -> String.join("\n", lines));
    for (String line : lines) {
      assertTrue(line.contains("\"reason\":\"permanent failure: "), line);
      assertTrue(line.contains("sink is down"), line);
      assertTrue(line.contains("\"rowId\":\""), line);
      assertTrue(line.contains("\"attempts\":1"), line);
      assertTrue(line.contains("\"at\":\"2026-01-27T10:00:00Z\""), line);
      assertTrue(line.contains("\"table\":\"nba_processing.quality_issues\""), line);
    }
  }

  @Test
  void afterARestartReplayDeliversEveryRowExactlyOnce() throws Exception {
    spillFiveRows();
    // "restart": a new sink over the same folder and a new writer into a sink that is up
    InMemorySink up = InMemorySink.of(TABLE);
    NdjsonDeadLetterSink.Replay replay;
    try (BatchWriter writer = replayWriter(up)) {
      replay = NdjsonDeadLetterSink.inFolder(folder).replay(writer);
      assertTrue(writer.stats().balanced());
      assertEquals(5, writer.stats().written(), writer.stats()::toString);
    }
    assertEquals(5, replay.rows());
    assertEquals(List.of(), replay.skipped());
    assertEquals(new HashSet<>(rows()), new HashSet<>(up.rows()));
    assertEquals(5, up.rows().size(), "each row once");
    try (Stream<Path> files = Files.list(folder)) {
      assertTrue(
          files.allMatch(path -> path.toString().endsWith(".replayed")),
          "replayed files are marked");
    }
    InMemorySink again = InMemorySink.of(TABLE);
    try (BatchWriter writer = replayWriter(again)) {
      assertEquals(0, NdjsonDeadLetterSink.inFolder(folder).replay(writer).rows());
    }
    assertEquals(List.of(), again.rows(), "a second replay sends nothing");
  }

  @Test
  void aTornLastLineIsSkippedAndReportedAndTheCompleteLinesReplay() throws Exception {
    NdjsonDeadLetterSink spill = spillFiveRows();
    List<String> lines = lines(spill.file());
    Path torn = folder.resolve("dead-letters-torn.ndjson");
    String text =
        lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2).substring(0, 40); // partial write
    Files.writeString(torn, text, StandardCharsets.UTF_8);
    Files.delete(spill.file());
    InMemorySink up = InMemorySink.of(TABLE);
    NdjsonDeadLetterSink.Replay replay;
    try (BatchWriter writer = replayWriter(up)) {
      replay = NdjsonDeadLetterSink.inFolder(folder).replay(writer);
    }
    assertEquals(2, replay.rows());
    assertEquals(rows().subList(0, 2), up.rows());
    assertEquals(1, replay.skipped().size(), replay.skipped()::toString);
    assertTrue(
        replay.skipped().get(0).startsWith("dead-letters-torn.ndjson:3 (torn"),
        replay.skipped()::toString);
  }

  @Test
  void rowsRoundTripThroughALine() {
    for (Row row : rows()) {
      StringBuilder out = new StringBuilder();
      NdjsonLines.writeObject(out, new java.util.LinkedHashMap<>(), row.asMap());
      assertEquals(row, Row.of(NdjsonLines.rowOf(out.toString())), out::toString);
    }
  }
}

package io.github.courtside.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Batches are split by the UTF-8 bytes of each row's JSON form, escapes included. */
class BatchWriterBytesTest {
  private static final TableId TABLE = TableId.of("nba_processing", "quality_issues");

  private final ManualClock clock = ManualClock.at("2026-01-27T10:00:00Z");
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final InMemorySink sink = InMemorySink.of(TABLE);
  private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

  private BatchWriter writer(long maxBytes) {
    return BatchWriter.builder(sink)
        .config(
            BatchWriterConfig.builder()
                .name("bytes")
                .maxRows(100)
                .maxBytes(maxBytes)
                .maxAge(Duration.ofSeconds(30))
                .jitter(0.0)
                .closeTimeout(Duration.ZERO)
                .build())
        .clock(clock)
        .scheduler(scheduler)
        .deadLetters(deadLetters::add)
        .build();
  }

  private static Row text(String value) {
    return Row.builder().set("t", value).build();
  }

  @Test
  void theSizeIsTheUtf8LengthOfTheRowsJsonWithEscapes() {
    // {"t":"é"} = 2 braces + "t" (3) + colon + "é" (2 quotes + 2 bytes)
    assertEquals(10, RowSizes.estimate(text("é")));
    assertEquals(12, RowSizes.estimate(text("😀")), "an emoji is 4 UTF-8 bytes");
    assertEquals(8 + 2, RowSizes.estimate(text("\"")), "a quote is escaped as \\\"");
    assertEquals(8 + 2, RowSizes.estimate(text("\n")), "a newline is escaped as \\n");
    assertEquals(8 + 6, RowSizes.estimate(text("\u0001")), "a control char is \\u0001");
    assertEquals(8 + 2, RowSizes.estimate(text("\\")), "a backslash is escaped");
    Row mixed =
        Row.builder().set("é", "a\"b").set("n", 12345L).set("ok", true).set("x", null).build();
    String json = "{\"é\":\"a\\\"b\",\"n\":12345,\"ok\":true,\"x\":null}";
    assertEquals(json.getBytes(StandardCharsets.UTF_8).length, RowSizes.estimate(mixed));
  }

  @Test
  void multiByteTextSplitsBatchesByBytesNotCharacters() {
    // 300 × é = 300 chars but 600 bytes: two rows are ~1210 bytes, over the 1000-byte limit.
    BatchWriter writer = writer(1000);
    writer.add(text("é".repeat(300)));
    writer.add(text("é".repeat(300) + "!"));
    scheduler.runUntilIdle();
    assertEquals(2, sink.rows().size());
    assertEquals(2, sink.requests(), "each row alone: together they exceed 1000 bytes");
    assertTrue(writer.stats().balanced());
  }

  @Test
  void emojiAndEscapesCountTowardsTheLimit() {
    // 120 emoji = 240 chars, 480 bytes; 200 quotes = 200 chars, 400 escaped bytes.
    BatchWriter writer = writer(1000);
    writer.add(text("😀".repeat(120)));
    writer.add(text("\"".repeat(200)));
    scheduler.runReady();
    assertEquals(0, sink.requests(), "about 900 bytes stay below 1000");
    writer.add(text("\n".repeat(100)));
    scheduler.runUntilIdle();
    assertEquals(3, sink.rows().size());
    assertEquals(
        2, sink.requests(), "the third row (about 210 bytes) does not fit the first request");
  }

  @Test
  void aRowLargerThanTheByteLimitIsRefusedAtAddNamingItsIdAndSize() {
    BatchWriter writer = writer(1000);
    Row huge = text("é".repeat(600)); // 600 chars, 1208 bytes
    RowTooLargeException refused = assertThrows(RowTooLargeException.class, () -> writer.add(huge));
    assertEquals(1208, refused.bytes());
    assertEquals(1000, refused.maxBytes());
    assertTrue(refused.getMessage().contains(refused.rowId()), refused.getMessage());
    assertTrue(refused.getMessage().contains("1208"), refused.getMessage());
    assertTrue(refused.getMessage().contains("1000"), refused.getMessage());
    assertEquals(RowIdStrategy.contentHash().idOf(huge, 0), refused.rowId());
    BatchWriterStats stats = writer.stats();
    assertEquals(0, stats.accepted());
    assertEquals(1, stats.refused());
    assertTrue(stats.balanced());
    writer.add(text("small"));
    writer.flush();
    scheduler.runUntilIdle();
    assertEquals(List.of(text("small")), sink.rows());
  }
}

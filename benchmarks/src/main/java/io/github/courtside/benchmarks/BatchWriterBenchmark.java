package io.github.courtside.benchmarks;

import io.github.courtside.core.batch.BatchWriter;
import io.github.courtside.core.batch.BatchWriterConfig;
import io.github.courtside.core.batch.DeadLetterSink;
import io.github.courtside.core.batch.InMemorySink;
import io.github.courtside.core.batch.RowIdStrategy;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * BatchWriter throughput into the in-memory (deduplicating) sink: rows per second through add,
 * batching, the writer's scheduler thread and the sink, including an explicit flush per 1,000 rows.
 * Compares the content-hash row ids (SHA-256 per row) with sequence ids.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class BatchWriterBenchmark {
  private static final int ROWS = 1_000;
  private static final TableId TABLE = TableId.of("nba_processing", "pipeline_events");

  @Param({"content", "sequence"})
  public String rowIds = "content";

  @Param({"100", "500"})
  public int maxRows = 100;

  private final Row[] rows = new Row[ROWS];
  private InMemorySink sink = InMemorySink.of(TABLE);
  private BatchWriter writer =
      BatchWriter.builder(sink).deadLetters(DeadLetterSink.logging()).build();
  private long round;

  /** A fresh writer per iteration. */
  @Setup(Level.Iteration)
  public void open() {
    writer.close();
    sink = InMemorySink.of(TABLE);
    writer =
        BatchWriter.builder(sink)
            .config(
                BatchWriterConfig.builder()
                    .name("bench")
                    .maxRows(maxRows)
                    .capacity(20_000)
                    .maxAge(Duration.ofSeconds(30))
                    .build())
            .rowIds(
                rowIds.equals("content")
                    ? RowIdStrategy.contentHash()
                    : RowIdStrategy.sequence("bench"))
            .deadLetters(DeadLetterSink.logging())
            .build();
    Instant at = Instant.parse("2026-01-27T10:00:00Z");
    for (int i = 0; i < ROWS; i++) {
      rows[i] =
          Row.builder()
              .set("event_id", "evt-" + i)
              .set("processor_name", "PlayerGameSummaryProcessor")
              .set("status", i % 10 == 0 ? "failed" : "success")
              .set("records_processed", (long) i)
              .set("duration_seconds", i * 0.25)
              .set("created_at", at.plusMillis(i))
              .build();
    }
  }

  /** Closes the writer. */
  @TearDown(Level.Iteration)
  public void close() {
    writer.close();
  }

  /** Adds 1,000 rows, waits until all are written, then empties the sink. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long addAndFlush() {
    round++;
    for (Row row : rows) {
      writer.add(row);
    }
    writer.flush().join();
    long written = sink.requests();
    sink.clear();
    return written + round;
  }
}

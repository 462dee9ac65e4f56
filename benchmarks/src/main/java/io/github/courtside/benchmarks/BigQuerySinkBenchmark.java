package io.github.courtside.benchmarks;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.TableInfo;
import io.github.courtside.bigquery.BigQuerySchemas;
import io.github.courtside.bigquery.local.LocalBigQuery;
import io.github.courtside.bigquery.sink.DeliveryGuarantee;
import io.github.courtside.bigquery.sink.InsertAllSink;
import io.github.courtside.bigquery.sink.StorageWriteSink;
import io.github.courtside.core.batch.BatchRecord;
import io.github.courtside.core.batch.BatchSink;
import io.github.courtside.core.batch.Delivery;
import io.github.courtside.core.batch.SinkResult;
import io.github.courtside.core.batch.WriteMode;
import io.github.courtside.core.batch.WriteModePolicy;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * Rows per second through the BigQuery streaming sinks on the local server: {@link
 * StorageWriteSink} (Storage Write API over gRPC on loopback, {@code AT_LEAST_ONCE} on the {@code
 * _default} stream and {@code EXACTLY_ONCE} on a COMMITTED stream at explicit offsets) and {@link
 * InsertAllSink} ({@code tabledata.insertAll} over REST, 500 rows per request by default).
 *
 * <p>Each invocation hands {@value #ROWS} fresh rows of a 6-column table to the sink's {@code
 * write} directly (no {@code BatchWriter}: no buffering, scheduler thread or retries in the
 * measurement), so the score is the sink's own rows per second including serialisation, the client
 * library, the transport and the server's append into DuckDB. The sink's request splitting is its
 * own (byte limit for Storage Write, row and byte limits for insertAll).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Thread)
public class BigQuerySinkBenchmark {
  static final int ROWS = 20_000;
  private static final TableId TABLE = TableId.of("courtside_bench", "sink_rows");
  private static final TableSchema SCHEMA =
      TableSchema.builder()
          .column(Column.required("row_id", ColumnType.STRING))
          .column(Column.required("game_date", ColumnType.DATE))
          .column(Column.nullable("player_lookup", ColumnType.STRING))
          .column(Column.nullable("points_line", ColumnType.FLOAT64))
          .column(Column.nullable("minutes", ColumnType.INT64))
          .column(Column.nullable("recorded_at", ColumnType.TIMESTAMP))
          .build();
  private static final WriteModePolicy MODES =
      WriteModePolicy.builder().register(TABLE, WriteMode.APPEND_ONLY).build();

  /** {@code storage-at-least-once}, {@code storage-exactly-once} or {@code insert-all}. */
  @Param({"storage-at-least-once", "storage-exactly-once", "insert-all"})
  public String sink = "storage-at-least-once";

  private final LocalBigQuery server = LocalBigQuery.builder().project("bench").build();
  private final Row[] rows = new Row[ROWS];
  private BatchSink target = new NoSink();
  private long round;

  @Setup(Level.Trial)
  public void open() {
    server.start();
    BigQuery client = server.client();
    DatasetId dataset = DatasetId.of(server.projectId(), TABLE.dataset());
    if (client.getDataset(dataset) == null) {
      client.create(DatasetInfo.of(dataset));
    }
    client.create(
        TableInfo.of(
            com.google.cloud.bigquery.TableId.of(
                server.projectId(), TABLE.dataset(), TABLE.table()),
            BigQuerySchemas.toTableDefinition(SCHEMA)));
    Instant at = Instant.parse("2026-01-27T10:00:00Z");
    for (int i = 0; i < ROWS; i++) {
      rows[i] =
          Row.builder()
              .set("row_id", "r-" + i)
              .set("game_date", LocalDate.of(2026, 1, 27))
              .set("player_lookup", "player" + (i % 450))
              .set("points_line", 10.5 + (i % 40) / 2.0)
              .set("minutes", (long) (i % 48))
              .set("recorded_at", at.plusMillis(i))
              .build();
    }
    target =
        switch (sink) {
          case "storage-at-least-once" -> storageWrite(DeliveryGuarantee.AT_LEAST_ONCE);
          case "storage-exactly-once" -> storageWrite(DeliveryGuarantee.EXACTLY_ONCE);
          case "insert-all" ->
              InsertAllSink.builder(server.client())
                  .project(server.projectId())
                  .table(TABLE)
                  .writeModes(MODES)
                  .build();
          default -> throw new IllegalArgumentException("unknown sink: " + sink);
        };
  }

  private StorageWriteSink storageWrite(DeliveryGuarantee guarantee) {
    return StorageWriteSink.builder(server.writeSettings())
        .project(server.projectId())
        .table(TABLE)
        .guarantee(guarantee)
        .writeModes(MODES)
        .build();
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    if (target instanceof AutoCloseable closeable) {
      closeable.close();
    }
    server.close();
  }

  /** {@value #ROWS} rows with fresh ids in one {@code write} call. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public SinkResult write() {
    long base = round++ * ROWS;
    List<BatchRecord> records = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      records.add(new BatchRecord("bench-" + (base + i), base + i, rows[i]));
    }
    SinkResult result = target.write(records);
    if (!result.failures().isEmpty()) {
      throw new IllegalStateException(
          result.failures().size() + " rows failed, first: " + result.failures().get(0));
    }
    return result;
  }

  /** Placeholder until {@link #open()} picks the sink. */
  private static final class NoSink implements BatchSink {
    @Override
    public TableId table() {
      return TABLE;
    }

    @Override
    public Delivery delivery() {
      return Delivery.STREAMING;
    }

    @Override
    public SinkResult write(List<BatchRecord> records) {
      throw new IllegalStateException("not opened");
    }
  }
}

package io.github.courtside.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BatchSink} keeps, for adapter modules to extend (DuckDB through {@link
 * WarehouseAppendSink}, BigQuery's streaming sink): rows of a request are written or reported, a
 * row the table cannot take is never dropped silently, and a deduplicating sink stores a resent row
 * once.
 *
 * <pre>{@code
 * class DuckDbAppendSinkTest extends BatchSinkContract {
 *   protected BatchSink createSink(TableId table, TableSchema schema) { ... }
 *   protected List<Row> readBack(TableId table) { ... }
 *   protected boolean deduplicates() { return false; }
 * }
 * }</pre>
 */
public abstract class BatchSinkContract {
  /** The table the contract writes to. */
  protected static final TableId TABLE = TableId.of("courtside_contract", "sink_events");

  /** Its schema. */
  protected static final TableSchema SCHEMA =
      TableSchema.builder()
          .column(Column.required("event_id", ColumnType.STRING))
          .column(Column.nullable("points", ColumnType.INT64))
          .column(Column.nullable("line", ColumnType.FLOAT64))
          .column(Column.nullable("at", ColumnType.TIMESTAMP))
          .build();

  /** A sink writing to {@code table}, which the implementation creates with {@code schema}. */
  protected abstract BatchSink createSink(TableId table, TableSchema schema);

  /** Every row stored in {@code table}, in any order, with the columns of the schema. */
  protected abstract List<Row> readBack(TableId table);

  /** Whether the sink stores a row id at most once. */
  protected abstract boolean deduplicates();

  /** An event row; subclasses may override to add columns their backend needs. */
  protected Row event(int n) {
    return Row.builder()
        .set("event_id", "evt-" + n)
        .set("points", (long) n)
        .set("line", n + 0.5)
        .set("at", Instant.parse("2026-01-27T10:00:00Z").plusSeconds(n))
        .build();
  }

  private static List<BatchRecord> records(List<Row> rows, int firstSequence) {
    List<BatchRecord> records = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      records.add(new BatchRecord(RowIdStrategy.contentHashOf(row), firstSequence + i, row));
    }
    return records;
  }

  private List<String> storedIds() {
    List<String> ids = new ArrayList<>();
    for (Row row : readBack(TABLE)) {
      ids.add(String.valueOf(row.get("event_id")));
    }
    ids.sort(Comparator.naturalOrder());
    return ids;
  }

  @Test
  void writesEveryRowOfARequest() {
    BatchSink sink = createSink(TABLE, SCHEMA);
    assertEquals(TABLE, sink.table());
    SinkResult result = sink.write(records(List.of(event(1), event(2), event(3)), 0));
    assertTrue(result.failures().isEmpty(), () -> "failures: " + result.failures());
    assertEquals(List.of("evt-1", "evt-2", "evt-3"), storedIds());
  }

  @Test
  void anEmptyRequestWritesNothing() {
    BatchSink sink = createSink(TABLE, SCHEMA);
    assertTrue(sink.write(List.of()).failures().isEmpty());
    assertEquals(List.of(), storedIds());
  }

  @Test
  void aRowTheTableCannotTakeIsReportedNeverDroppedSilently() {
    BatchSink sink = createSink(TABLE, SCHEMA);
    Row bad = event(2).toBuilder().set("vegas_line_source", "dk").build();
    List<BatchRecord> request = records(List.of(event(1), bad, event(3)), 0);
    Set<String> reported = new HashSet<>();
    try {
      for (RowFailure failure : sink.write(request).failures()) {
        reported.add(failure.recordId());
        assertTrue(!failure.reason().isBlank());
      }
    } catch (RuntimeException wholeRequestFailed) {
      request.forEach(r -> reported.add(r.id()));
    }
    List<String> stored = storedIds();
    for (BatchRecord record : request) {
      String eventId = String.valueOf(record.row().get("event_id"));
      assertTrue(
          stored.contains(eventId) ^ reported.contains(record.id()),
          () -> eventId + " must be either stored or reported, stored=" + stored);
    }
    assertTrue(reported.contains(request.get(1).id()), "the bad row is reported");
  }

  @Test
  void aResentRequestIsStoredOnceWhenTheSinkDeduplicates() {
    BatchSink sink = createSink(TABLE, SCHEMA);
    List<BatchRecord> request = records(List.of(event(1), event(2)), 0);
    sink.write(request);
    sink.write(request);
    assertEquals(
        deduplicates() ? List.of("evt-1", "evt-2") : List.of("evt-1", "evt-1", "evt-2", "evt-2"),
        storedIds());
  }

  @Test
  void aBatchWriterDrainsIntoTheSinkOnClose() {
    BatchSink sink = createSink(TABLE, SCHEMA);
    List<DeadLetter> dead = new ArrayList<>();
    BatchWriter writer =
        BatchWriter.builder(sink)
            .config(
                BatchWriterConfig.builder()
                    .name("contract")
                    .maxRows(7)
                    .maxAge(Duration.ofHours(1))
                    .build())
            .writeModes(WriteModePolicy.builder().register(TABLE, WriteMode.APPEND_ONLY).build())
            .deadLetters(dead::add)
            .build();
    for (int i = 0; i < 20; i++) {
      writer.add(event(i));
    }
    writer.close();
    assertEquals(List.of(), dead);
    assertEquals(20, storedIds().size());
    assertEquals(20, writer.stats().written());
  }
}

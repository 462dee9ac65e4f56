package io.github.courtside.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory sink keeps the sink contract and its fault injection does what it says. */
class InMemorySinkTest extends BatchSinkContract {
  private InMemorySink sink = InMemorySink.of(TABLE);
  private TableSchema schema = SCHEMA;

  @Override
  protected BatchSink createSink(TableId table, TableSchema schema) {
    this.schema = schema;
    sink = InMemorySink.streaming(table);
    // The in-memory sink has no schema; a standing rule plays the table refusing unknown columns.
    sink.failRowsMatching(
        r -> r.row().columns().stream().anyMatch(c -> !this.schema.hasColumn(c)), "no such field");
    return sink;
  }

  @Override
  protected List<Row> readBack(TableId table) {
    return new ArrayList<>(sink.rows());
  }

  @Override
  protected boolean deduplicates() {
    return true;
  }

  @Test
  void injectedFaultsAreUsedOncePerRequestInOrder() {
    InMemorySink faulty = InMemorySink.of(TABLE);
    faulty.failNextRequest(new SinkException(TABLE, "503", true));
    faulty.failRowsInNextRequest(1, false, "bad row");
    List<BatchRecord> request =
        List.of(new BatchRecord("a", 0, event(1)), new BatchRecord("b", 1, event(2)));
    assertThrows(SinkException.class, () -> faulty.write(request));
    assertEquals(List.of(RowFailure.permanent("a", "bad row")), faulty.write(request).failures());
    assertEquals(List.of(event(2)), faulty.rows());
    assertEquals(0, faulty.pendingFaults());
    faulty.write(request);
    assertEquals(List.of(event(2), event(1)), faulty.rows());
    assertEquals(1, faulty.duplicatesIgnored());
    assertEquals(3, faulty.requests());
  }
}

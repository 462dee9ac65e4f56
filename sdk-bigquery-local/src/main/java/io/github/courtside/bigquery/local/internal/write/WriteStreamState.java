package io.github.courtside.bigquery.local.internal.write;

import com.google.cloud.bigquery.storage.v1.WriteStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One write stream's life: its type, how many rows it accepted (its offset space), the rows it
 * holds back from the table (PENDING until committed, BUFFERED until flushed), and whether it is
 * finalized or committed. Guarded by {@link #lock()}.
 */
final class WriteStreamState {
  private final StreamName name;
  private final WriteStream.Type type;
  private final Instant created;
  private final ReentrantLock lock = new ReentrantLock();

  private long rowCount;
  private long flushedRows;
  private final List<Map<String, @Nullable Object>> heldRows = new ArrayList<>();
  private @Nullable Instant finalizedAt;
  private @Nullable Instant committedAt;

  WriteStreamState(StreamName name, WriteStream.Type type, Instant created) {
    this.name = name;
    this.type = type;
    this.created = created;
  }

  StreamName name() {
    return name;
  }

  WriteStream.Type type() {
    return type;
  }

  Instant created() {
    return created;
  }

  ReentrantLock lock() {
    return lock;
  }

  long rowCount() {
    return rowCount;
  }

  boolean isFinalized() {
    return finalizedAt != null;
  }

  @Nullable Instant committedAt() {
    return committedAt;
  }

  /** Rows accepted into the stream; held back unless the stream writes through (COMMITTED). */
  void accepted(List<Map<String, @Nullable Object>> rows, boolean held) {
    rowCount += rows.size();
    if (held) {
      heldRows.addAll(rows);
    }
  }

  long flushedRows() {
    return flushedRows;
  }

  /** The held rows from the current flush point up to (excluding) {@code endRow}. */
  List<Map<String, @Nullable Object>> rowsToFlush(long endRow) {
    return List.copyOf(heldRows.subList(0, (int) (endRow - flushedRows)));
  }

  /** Records that the held rows up to (excluding) {@code endRow} are in the table now. */
  void flushed(long endRow) {
    heldRows.subList(0, (int) (endRow - flushedRows)).clear();
    flushedRows = endRow;
  }

  /** Every row a PENDING stream holds. */
  List<Map<String, @Nullable Object>> heldRows() {
    return List.copyOf(heldRows);
  }

  void finalizeAt(Instant when) {
    if (finalizedAt == null) {
      finalizedAt = when;
    }
  }

  void committed(Instant when) {
    committedAt = when;
    heldRows.clear();
  }
}

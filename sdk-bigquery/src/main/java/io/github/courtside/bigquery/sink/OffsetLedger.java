package io.github.courtside.bigquery.sink;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The offset bookkeeping of one COMMITTED write stream that only this sink writes: the offset of
 * the next new row, and the row ids of an append whose outcome is unknown (it failed, but may have
 * landed). While an append is unresolved the offset does not move: the same rows are sent again at
 * the same offset, and BigQuery's answer settles it (success: it had not landed; {@code
 * ALREADY_EXISTS}: it had).
 *
 * <pre>{@code
 * long offset = ledger.nextOffset();
 * ledger.unknown(ids);      // the append failed
 * ledger.appended(rows);    // the retry succeeded, or was refused as ALREADY_EXISTS
 * }</pre>
 */
final class OffsetLedger {
  private long nextOffset;
  private @Nullable List<String> unresolved;

  /** The offset of the next row to append. */
  long nextOffset() {
    return nextOffset;
  }

  /** The ids, in order, of the append whose outcome is unknown. */
  Optional<List<String>> unresolved() {
    return Optional.ofNullable(unresolved);
  }

  /** {@code rows} rows are now at {@link #nextOffset()}; any unknown outcome is settled. */
  void appended(int rows) {
    nextOffset += rows;
    unresolved = null;
  }

  /** The append of {@code ids} at {@link #nextOffset()} failed; it may or may not have landed. */
  void unknown(List<String> ids) {
    List<String> pending = unresolved;
    if (pending != null && !pending.equals(ids)) {
      throw new IllegalStateException(
          "an append is already unresolved at offset "
              + nextOffset
              + "; only the same rows may be sent there");
    }
    unresolved = List.copyOf(ids);
  }

  /** A new stream: offset 0, nothing unresolved. */
  void restart() {
    nextOffset = 0;
    unresolved = null;
  }
}

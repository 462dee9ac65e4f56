package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.Row;
import java.util.Objects;

/**
 * Gives each accepted row the id a deduplicating sink uses, fixed at acceptance so that retries
 * carry the same ids and never duplicate rows.
 *
 * <pre>{@code
 * BatchWriter.builder(sink).rowIds(RowIdStrategy.column("issue_id")).deadLetterFolder(dir).build();
 * }</pre>
 */
@FunctionalInterface
public interface RowIdStrategy {

  /** The id of {@code row}, the {@code sequence}-th row the writer accepted. */
  String idOf(Row row, long sequence);

  /**
   * The SHA-256 of the row's content (column names, value types and values, independent of column
   * order): the default. Identical rows get the same id, so a producer that re-sends the same rows
   * after a crash does not duplicate them either; rows that must be kept apart need a
   * distinguishing column (an event id or timestamp), or {@link #sequence(String)}.
   */
  static RowIdStrategy contentHash() {
    return (row, sequence) -> contentHashOf(row);
  }

  /**
   * {@code prefix + ":" + sequence}: unique per writer instance when {@code prefix} is (e.g. a
   * worker id plus start time); identical rows are kept apart.
   */
  static RowIdStrategy sequence(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    return (row, sequence) -> prefix + ":" + sequence;
  }

  /** The value of a column the producer fills with a unique id; rows without it are refused. */
  static RowIdStrategy column(String column) {
    Objects.requireNonNull(column, "column");
    return (row, sequence) -> {
      Object value = row.get(column);
      if (value == null) {
        throw new IllegalArgumentException(
            "row " + sequence + " has no value in id column " + column);
      }
      return value.toString();
    };
  }

  /** The content hash used by {@link #contentHash()}, as 64 lower-case hex digits. */
  static String contentHashOf(Row row) {
    return ContentHash.of(row);
  }
}

package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.Row;
import java.util.Objects;

/**
 * A row accepted by a {@link BatchWriter}, with the id a deduplicating sink uses (BigQuery's {@code
 * insertId}) and the writer-local sequence number. The id is fixed when the row is accepted, so
 * every retry of a request carries the same ids.
 *
 * <pre>{@code
 * for (BatchRecord record : request) {
 *   client.insert(record.id(), record.row());
 * }
 * }</pre>
 *
 * @param id deterministic row id (see {@link RowIdStrategy})
 * @param sequence unique within the writer, from 0, increasing in the order {@code add} was called
 *     (a refused row also uses a number)
 * @param row the row
 */
public record BatchRecord(String id, long sequence, Row row) {
  public BatchRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(row, "row");
  }
}

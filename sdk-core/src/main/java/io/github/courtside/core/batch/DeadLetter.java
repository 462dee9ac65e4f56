package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.TableId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A row a {@link BatchWriter} gave up on, with the reason.
 *
 * <pre>{@code
 * DeadLetterSink sink = letter -> log.error("{} row {}: {}", letter.table(), letter.record().id(), letter.reason());
 * }</pre>
 *
 * @param table the table the row was meant for
 * @param record the row with its id and sequence
 * @param reason why it was not written (the sink's row error, or the request failure)
 * @param attempts how many requests carried the row
 * @param at when the writer gave up
 * @param cause the request failure, when the whole request failed
 */
public record DeadLetter(
    TableId table,
    BatchRecord record,
    String reason,
    int attempts,
    Instant at,
    Optional<Throwable> cause) {
  public DeadLetter {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(cause, "cause");
  }
}

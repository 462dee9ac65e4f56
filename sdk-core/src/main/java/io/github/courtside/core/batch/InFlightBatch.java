package io.github.courtside.core.batch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request's rows across its attempts: the rows not yet written or dead-lettered, the sink's
 * last reason and failure cause per row, the attempts made, and the unresolved append each row was
 * in. Touched by one thread at a time (the request's).
 *
 * <p>An {@link AmbiguousWriteException} naming a row sticks to it until the row is written: a
 * later, plain failure of the same row (a throttled resend, a stream that cannot be opened) does
 * not make the earlier append any less unresolved, so the row is dead-lettered ambiguous.
 */
final class InFlightBatch {
  private List<BatchRecord> remaining;
  private final long lastPosition;
  private final Map<String, String> rowReasons = new HashMap<>();
  private final Map<String, Throwable> rowCauses = new HashMap<>();
  private final Map<String, AmbiguousWriteException> unresolved = new HashMap<>();
  private int attempts;

  InFlightBatch(List<BatchRecord> records, long lastPosition) {
    this.remaining = List.copyOf(records);
    this.lastPosition = lastPosition;
  }

  /** The buffer position of the batch's last row; flushes up to it are done when it finishes. */
  long lastPosition() {
    return lastPosition;
  }

  List<BatchRecord> remaining() {
    return remaining;
  }

  void remaining(List<BatchRecord> rows) {
    this.remaining = List.copyOf(rows);
  }

  int attempts() {
    return attempts;
  }

  /** Counts an attempt and returns its number, 1 for the first. */
  int nextAttempt() {
    return ++attempts;
  }

  /** The sink reported {@code failure} for one of the rows. */
  void failed(RowFailure failure) {
    String id = failure.recordId();
    rowReasons.put(id, failure.reason());
    Optional<Throwable> cause = failure.cause();
    if (cause.isPresent()) {
      rowCauses.put(id, cause.get());
      noteAmbiguity(id, cause.get());
    } else {
      rowCauses.remove(id);
    }
  }

  /** The whole request carrying {@code rows} failed with {@code failure}. */
  void requestFailed(List<BatchRecord> rows, Throwable failure) {
    for (BatchRecord record : rows) {
      noteAmbiguity(record.id(), failure);
    }
  }

  private void noteAmbiguity(String id, Throwable cause) {
    if (cause instanceof AmbiguousWriteException ambiguous && ambiguous.offsetOf(id).isPresent()) {
      unresolved.put(id, ambiguous);
    }
  }

  String reasonOf(BatchRecord record, String fallback) {
    return rowReasons.getOrDefault(record.id(), fallback);
  }

  /**
   * The cause a dead letter for {@code record} carries when the writer gives up on it after {@code
   * requestFailure} (null when the last attempt reported row failures): an ambiguous append naming
   * the row, else the request failure, else the row's own cause.
   */
  Optional<Throwable> causeOf(BatchRecord record, @Nullable Throwable requestFailure) {
    String id = record.id();
    if (requestFailure instanceof AmbiguousWriteException ambiguous
        && ambiguous.offsetOf(id).isPresent()) {
      return Optional.of(ambiguous);
    }
    AmbiguousWriteException earlier = unresolved.get(id);
    if (earlier != null) {
      return Optional.of(earlier);
    }
    return Optional.ofNullable(requestFailure != null ? requestFailure : rowCauses.get(id));
  }
}

package io.github.courtside.core.batch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One request's rows across its attempts: the rows not yet written or dead-lettered, the sink's
 * last reason per row, and the attempts made. Touched by one thread at a time (the request's).
 */
final class InFlightBatch {
  private List<BatchRecord> remaining;
  private final long lastPosition;
  private final Map<String, String> rowReasons = new HashMap<>();
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

  void reason(String recordId, String reason) {
    rowReasons.put(recordId, reason);
  }

  String reasonOf(BatchRecord record, String fallback) {
    return rowReasons.getOrDefault(record.id(), fallback);
  }
}

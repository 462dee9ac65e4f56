package io.github.courtside.bigquery.sink;

import io.github.courtside.core.batch.AmbiguousWriteException;
import io.github.courtside.core.batch.BatchRecord;
import io.github.courtside.core.batch.ErrorClassifier;
import io.github.courtside.core.batch.RowFailure;
import io.github.courtside.core.batch.SinkException;
import io.github.courtside.core.batch.SinkResult;
import io.github.courtside.core.warehouse.TableId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happened to each row of one {@code write} call of a sink that may send several requests:
 * written, failed with a reason, or still open. A request failure before anything was decided is
 * thrown (the writer classifies and retries the whole request); after that, the rest is reported
 * row by row, so rows already written are never sent again.
 */
final class RowOutcomes {
  private static final Logger log = LoggerFactory.getLogger(RowOutcomes.class);

  private final TableId table;
  private final String operation;
  private final ErrorClassifier classifier;
  private final List<BatchRecord> records;
  private final boolean[] written;
  private final Map<Integer, RowFailure> failures = new LinkedHashMap<>();
  private int writtenCount;

  RowOutcomes(
      TableId table, String operation, ErrorClassifier classifier, List<BatchRecord> records) {
    this.table = table;
    this.operation = operation;
    this.classifier = classifier;
    this.records = records;
    this.written = new boolean[records.size()];
  }

  /** The row at {@code index} is in the table. */
  void written(int index) {
    if (!written[index]) {
      written[index] = true;
      writtenCount++;
    }
    failures.remove(index);
  }

  /** The row at {@code index} will fail again: a dead letter. */
  void reject(int index, String reason) {
    failures.put(index, RowFailure.permanent(records.get(index).id(), reason));
  }

  /** The row at {@code index} was not written; sending it again may succeed. */
  void retryable(int index, String reason) {
    failures.put(index, RowFailure.retryable(records.get(index).id(), reason));
  }

  /** A failed row with this id turned out to be in the table; false when there is none. */
  boolean reclaim(String id) {
    for (Iterator<Integer> it = failures.keySet().iterator(); it.hasNext(); ) {
      int index = it.next();
      if (records.get(index).id().equals(id)) {
        it.remove();
        written(index);
        return true;
      }
    }
    return false;
  }

  /**
   * The request carrying the rows at {@code unsent} failed as a whole. Throws a {@link
   * SinkException} (retryable as {@link BigQueryErrorClassifier} says) when no row of this call was
   * decided yet; otherwise reports each of them failed with that verdict.
   */
  void requestFailed(Collection<Integer> unsent, Throwable error) {
    boolean retryable = classifier.isRetryable(error);
    String reason = operation + " failed: " + BigQueryErrorClassifier.describe(error);
    if (writtenCount == 0 && failures.isEmpty()) {
      if (error instanceof SinkException sinkError) {
        throw sinkError;
      }
      throw new SinkException(table, reason, retryable, error);
    }
    for (int index : unsent) {
      failures.put(index, RowFailure.causedBy(records.get(index).id(), reason, retryable, error));
    }
  }

  /** The result: a failure for every row not written. */
  SinkResult result() {
    return result(Optional.empty());
  }

  /**
   * The result: a failure for every row not written. A failed row named by {@code unresolved} (an
   * append that may have landed) carries it as its cause, whatever else failed it, so the writer
   * dead-letters it ambiguous.
   */
  SinkResult result(Optional<AmbiguousWriteException> unresolved) {
    List<RowFailure> list = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      if (written[i]) {
        continue;
      }
      RowFailure failure = failures.get(i);
      if (failure == null) {
        log.error("{}: row {} was neither written nor failed; reporting it retryable", table, i);
        failure = RowFailure.retryable(records.get(i).id(), "not sent");
      }
      if (unresolved.isPresent() && names(unresolved.get(), failure)) {
        failure =
            RowFailure.causedBy(
                failure.recordId(), failure.reason(), failure.retryable(), unresolved.get());
      }
      list.add(failure);
    }
    return list.isEmpty() ? SinkResult.allWritten() : SinkResult.withFailures(list);
  }

  /** Whether {@code append} names the row of {@code failure} and the failure does not say so. */
  private static boolean names(AmbiguousWriteException append, RowFailure failure) {
    String id = failure.recordId();
    return append.offsetOf(id).isPresent()
        && !(failure.cause().orElse(null) instanceof AmbiguousWriteException already
            && already.offsetOf(id).isPresent());
  }
}

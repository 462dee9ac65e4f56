package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.WarehouseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a failed sink request is worth retrying. Retryable failures are retried with
 * exponential backoff and jitter; the rows of a permanent failure go to the dead-letter sink at
 * once.
 *
 * <pre>{@code
 * ErrorClassifier classifier = error ->
 *     error instanceof HttpException http && (http.status() == 429 || http.status() >= 500);
 * BatchWriter.builder(sink).errorClassifier(classifier).deadLetterFolder(dir).build();
 * }</pre>
 */
@FunctionalInterface
public interface ErrorClassifier {

  /** Whether sending the request again may succeed. */
  boolean isRetryable(Throwable error);

  /**
   * The default: a {@link SinkException} or {@link WarehouseException} says itself; otherwise an
   * {@link IOException}, {@link UncheckedIOException} or {@link TimeoutException} anywhere in the
   * cause chain is retryable, and everything else is permanent.
   */
  static ErrorClassifier defaults() {
    return error -> {
      for (@Nullable Throwable t = error; t != null; t = t.getCause()) {
        if (t instanceof SinkException sinkError) {
          return sinkError.retryable();
        }
        if (t instanceof WarehouseException warehouseError) {
          return warehouseError.retryable();
        }
        if (t instanceof IOException
            || t instanceof UncheckedIOException
            || t instanceof TimeoutException) {
          return true;
        }
        if (t.getCause() == t) {
          break;
        }
      }
      return false;
    };
  }
}

package io.github.courtside.bigquery.sink;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import io.github.courtside.core.batch.SinkException;
import io.github.courtside.core.warehouse.TableId;
import io.grpc.Status;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class BigQueryErrorClassifierTest {
  private final BigQueryErrorClassifier classifier = BigQueryErrorClassifier.shared();

  private static BigQueryException http(int code, String reason, String message) {
    return new BigQueryException(code, message, new BigQueryError(reason, null, message));
  }

  @Test
  void rateLimitsAndServerErrorsAreRetryable() {
    assertTrue(classifier.isRetryable(http(429, "rateLimitExceeded", "too many")));
    assertTrue(classifier.isRetryable(http(500, "backendError", "oops")));
    assertTrue(classifier.isRetryable(http(503, "backendError", "unavailable")));
    assertTrue(classifier.isRetryable(http(403, "rateLimitExceeded", "Exceeded rate limits")));
    assertTrue(classifier.isRetryable(http(400, "invalidQuery", "Could not serialize access")));
  }

  @Test
  void clientErrorsArePermanent() {
    assertFalse(classifier.isRetryable(http(400, "invalid", "no such field")));
    assertFalse(classifier.isRetryable(http(404, "notFound", "Not found: Table p:d.t")));
    assertFalse(classifier.isRetryable(new IllegalStateException("bug")));
  }

  @Test
  void grpcStatusesAndWrappedCauses() {
    assertTrue(classifier.isRetryable(Status.UNAVAILABLE.asRuntimeException()));
    assertTrue(classifier.isRetryable(Status.RESOURCE_EXHAUSTED.asRuntimeException()));
    assertTrue(
        classifier.isRetryable(new ExecutionException(Status.INTERNAL.asRuntimeException())));
    assertFalse(classifier.isRetryable(Status.INVALID_ARGUMENT.asRuntimeException()));
    assertFalse(classifier.isRetryable(Status.NOT_FOUND.asRuntimeException()));
    assertTrue(classifier.isRetryable(new RuntimeException(new IOException("reset"))));
  }

  @Test
  void aSinkExceptionSaysItself() {
    TableId table = TableId.of("d", "t");
    assertFalse(
        classifier.isRetryable(
            new SinkException(table, "x", false, Status.UNAVAILABLE.asRuntimeException())));
    assertTrue(classifier.isRetryable(new SinkException(table, "x", true)));
  }
}

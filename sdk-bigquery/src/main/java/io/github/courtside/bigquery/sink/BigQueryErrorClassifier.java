package io.github.courtside.bigquery.sink;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import io.github.courtside.core.batch.ErrorClassifier;
import io.github.courtside.core.batch.SinkException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The retry rule shared by the BigQuery sinks (spec-prediction-infra §5.2 and §5.6): HTTP 429 and
 * 5xx, the reasons {@code rateLimitExceeded}, {@code backendError}, {@code internalError} and
 * {@code quotaExceeded}, the messages of BigQuery's concurrent-update and rate-limit errors, gRPC
 * {@code UNAVAILABLE}, {@code INTERNAL}, {@code DEADLINE_EXCEEDED}, {@code ABORTED}, {@code
 * RESOURCE_EXHAUSTED} and {@code CANCELLED}, timeouts and I/O errors are retryable; everything else
 * (400 {@code invalid}, 404, {@code INVALID_ARGUMENT}, {@code PERMISSION_DENIED}...) is permanent.
 * A {@link SinkException} anywhere in the cause chain says itself.
 *
 * <p>The sinks classify with it (they throw {@link SinkException}s that carry the verdict, which
 * {@link ErrorClassifier#defaults()} trusts); the retrying itself is the {@link
 * io.github.courtside.core.batch.BatchWriter}'s. Give it to a writer as its classifier when other
 * BigQuery exceptions may reach it:
 *
 * <pre>{@code
 * BatchWriter.builder(sink)
 *     .errorClassifier(BigQueryErrorClassifier.shared())
 *     .deadLetterFolder(dir)
 *     .build();
 * }</pre>
 */
public final class BigQueryErrorClassifier implements ErrorClassifier {
  private static final BigQueryErrorClassifier SHARED = new BigQueryErrorClassifier();

  private static final Set<String> RETRYABLE_REASONS =
      Set.of(
          "ratelimitexceeded",
          "backenderror",
          "internalerror",
          "quotaexceeded",
          "jobratelimitexceeded");

  private static final List<String> RETRYABLE_MESSAGES =
      List.of(
          "could not serialize access",
          "due to concurrent update",
          "concurrent dml statements",
          "quota exceeded",
          "exceeded rate limits",
          "too many api requests");

  private static final Set<Status.Code> RETRYABLE_GRPC =
      Set.of(
          Status.Code.UNAVAILABLE,
          Status.Code.INTERNAL,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.ABORTED,
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.CANCELLED);

  private BigQueryErrorClassifier() {}

  /** The classifier. */
  public static BigQueryErrorClassifier shared() {
    return SHARED;
  }

  @Override
  public boolean isRetryable(Throwable error) {
    int depth = 0;
    for (@Nullable Throwable t = error; t != null && depth < 32; t = t.getCause(), depth++) {
      if (t instanceof SinkException sinkError) {
        return sinkError.retryable();
      }
      if (t instanceof BigQueryException bigQueryError) {
        return isRetryable(bigQueryError);
      }
      if (t instanceof StatusRuntimeException || t instanceof StatusException) {
        return RETRYABLE_GRPC.contains(Status.fromThrowable(t).getCode());
      }
      if (t instanceof ApiException apiError) {
        String code = apiError.getStatusCode().getCode().name();
        return RETRYABLE_GRPC.stream().anyMatch(c -> c.name().equals(code))
            || apiError.isRetryable();
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
  }

  private static boolean isRetryable(BigQueryException error) {
    int code = error.getCode();
    if (code == 429 || code >= 500) {
      return true;
    }
    if (isRetryableReason(error.getReason()) || isRetryableMessage(error.getMessage())) {
      return true;
    }
    BigQueryError detail = error.getError();
    if (detail != null
        && (isRetryableReason(detail.getReason()) || isRetryableMessage(detail.getMessage()))) {
      return true;
    }
    if (code == 0) {
      // no HTTP response at all: the connection failed
      return error.getCause() instanceof IOException || error.isRetryable();
    }
    return false;
  }

  private static boolean isRetryableReason(@Nullable String reason) {
    return reason != null && RETRYABLE_REASONS.contains(reason.toLowerCase(Locale.ROOT));
  }

  private static boolean isRetryableMessage(@Nullable String message) {
    if (message == null) {
      return false;
    }
    String lower = message.toLowerCase(Locale.ROOT);
    return RETRYABLE_MESSAGES.stream().anyMatch(lower::contains);
  }

  /** A one-line description of a BigQuery failure: status, reason and message. */
  static String describe(Throwable error) {
    if (error instanceof BigQueryException bigQueryError) {
      return "HTTP "
          + bigQueryError.getCode()
          + (bigQueryError.getReason() != null ? " " + bigQueryError.getReason() : "")
          + ": "
          + bigQueryError.getMessage();
    }
    if (error instanceof StatusRuntimeException || error instanceof StatusException) {
      Status status = Status.fromThrowable(error);
      return status.getCode() + ": " + status.getDescription();
    }
    return String.valueOf(error);
  }
}

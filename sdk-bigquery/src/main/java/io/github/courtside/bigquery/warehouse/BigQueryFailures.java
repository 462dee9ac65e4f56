package io.github.courtside.bigquery.warehouse;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.WarehouseException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps BigQuery failures to {@link WarehouseException}s: retryable for HTTP 429 and 5xx, the
 * reasons {@code backendError}, {@code rateLimitExceeded}, {@code internalError} (and their job
 * variants), gRPC UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED and INTERNAL; never
 * for {@code quotaExceeded} (a daily quota does not heal within a retry) or invalid requests.
 */
final class BigQueryFailures {
  private static final Set<String> RETRYABLE_REASONS =
      Set.of(
          "backenderror",
          "ratelimitexceeded",
          "internalerror",
          "jobbackenderror",
          "jobinternalerror",
          "jobratelimitexceeded");

  private BigQueryFailures() {}

  static boolean retryableReason(@Nullable String reason) {
    return reason != null && RETRYABLE_REASONS.contains(reason.toLowerCase(Locale.ROOT));
  }

  static boolean retryable(BigQueryException e) {
    int code = e.getCode();
    if (code == 429 || code >= 500) {
      return true;
    }
    BigQueryError error = e.getError();
    if (error != null && retryableReason(error.getReason())) {
      return true;
    }
    return retryableReason(e.getReason()) || causeIsRetryable(e.getCause());
  }

  private static boolean causeIsRetryable(@Nullable Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof com.google.api.client.http.HttpResponseException) {
        return false; // an HTTP answer: its status and reason decided above
      }
      if (t instanceof java.io.IOException && !(t instanceof java.io.FileNotFoundException)) {
        return true; // no answer at all: connection reset, timeout
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  static boolean retryable(ApiException e) {
    StatusCode.Code code = e.getStatusCode().getCode();
    return switch (code) {
      case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, INTERNAL -> true;
      default -> false;
    };
  }

  static WarehouseException of(
      @Nullable TableId table, String what, BigQueryException e, @Nullable String jobId) {
    BigQueryError error = e.getError();
    String reason = error != null ? error.getReason() : e.getReason();
    String message =
        what
            + ": HTTP "
            + e.getCode()
            + (reason == null ? "" : " " + reason)
            + ": "
            + (error != null && error.getMessage() != null ? error.getMessage() : e.getMessage());
    return new WarehouseException(table, message, e, retryable(e), jobId);
  }

  static String jobErrorMessage(String what, BigQueryError error) {
    return what
        + ": "
        + error.getReason()
        + ": "
        + error.getMessage()
        + (error.getLocation() == null ? "" : " at " + error.getLocation());
  }

  static WarehouseException of(@Nullable TableId table, String what, ApiException e) {
    return new WarehouseException(
        table,
        what + ": " + e.getStatusCode().getCode() + ": " + e.getMessage(),
        e,
        retryable(e),
        null);
  }

  /** Whether a job error says the rows or statement did not fit a table's schema. */
  static boolean isSchemaMismatch(@Nullable String reason, @Nullable String message) {
    String text = (message == null ? "" : message).toLowerCase(Locale.ROOT);
    return ("invalid".equalsIgnoreCase(reason) || "invalidQuery".equalsIgnoreCase(reason))
        && (text.contains("no such field")
            || text.contains("schema")
            || text.contains("unrecognized name")
            || text.contains("not found inside"));
  }
}

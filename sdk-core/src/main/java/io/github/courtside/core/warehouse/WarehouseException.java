package io.github.courtside.core.warehouse;

import io.github.courtside.core.CourtsideException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A warehouse operation failed; carries the table it concerned when there is one, whether trying
 * again may succeed, and the backend's job id when the failure belongs to a job.
 *
 * <p>Retryable failures are the transient ones: HTTP 429 and 5xx, BigQuery reasons {@code
 * backendError}, {@code rateLimitExceeded} and {@code internalError}, a job still RUNNING when the
 * wait timed out. A retry of a write that may have happened (a timeout) must be idempotent.
 *
 * <pre>{@code
 * try {
 *   warehouse.append(table, rows);
 * } catch (WarehouseException e) {
 *   if (e.retryable()) { scheduleRetry(); }
 *   log.error("append to {} failed (job {})", e.table().orElse(null), e.jobId().orElse("-"), e);
 * }
 * }</pre>
 */
public class WarehouseException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable TableId table;
  private final boolean retryable;
  private final @Nullable String jobId;

  public WarehouseException(@Nullable TableId table, String message) {
    this(table, message, null, false, null);
  }

  public WarehouseException(@Nullable TableId table, String message, Throwable cause) {
    this(table, message, cause, false, null);
  }

  /**
   * @param table the table concerned, if any
   * @param message what failed; the job id is appended when given and not already mentioned
   * @param cause the underlying failure, if any
   * @param retryable whether the same request may succeed later
   * @param jobId the backend's job id, if the failure belongs to a job
   */
  public WarehouseException(
      @Nullable TableId table,
      String message,
      @Nullable Throwable cause,
      boolean retryable,
      @Nullable String jobId) {
    super(withJob(message, jobId), cause);
    this.table = table;
    this.retryable = retryable;
    this.jobId = jobId;
  }

  /** The table concerned, if any. */
  public Optional<TableId> table() {
    return Optional.ofNullable(table);
  }

  /** Whether the same request may succeed if tried again (after a backoff). */
  public boolean retryable() {
    return retryable;
  }

  /** The backend's job id, when the failure belongs to a job. */
  public Optional<String> jobId() {
    return Optional.ofNullable(jobId);
  }

  private static String withJob(String message, @Nullable String jobId) {
    return jobId == null || message.contains(jobId) ? message : message + " [job " + jobId + "]";
  }
}

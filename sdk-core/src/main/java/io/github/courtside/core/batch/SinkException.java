package io.github.courtside.core.batch;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.core.warehouse.TableId;

/**
 * A sink request failed, and the sink knows whether trying again may help. The default {@link
 * ErrorClassifier} trusts {@link #retryable()}.
 *
 * <pre>{@code
 * throw new SinkException(table, "HTTP 503 from insertAll", true, cause);
 * }</pre>
 */
public class SinkException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final TableId table;
  private final boolean retryable;

  /** A failure writing to {@code table}. */
  public SinkException(TableId table, String message, boolean retryable) {
    super("writing to " + table + " failed: " + message);
    this.table = table;
    this.retryable = retryable;
  }

  /** A failure writing to {@code table} caused by {@code cause}. */
  public SinkException(TableId table, String message, boolean retryable, Throwable cause) {
    super("writing to " + table + " failed: " + message, cause);
    this.table = table;
    this.retryable = retryable;
  }

  /** The table written to. */
  public TableId table() {
    return table;
  }

  /** Whether sending the same request again may succeed. */
  public boolean retryable() {
    return retryable;
  }
}

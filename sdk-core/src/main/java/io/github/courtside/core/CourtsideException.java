package io.github.courtside.core;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the SDK throws on purpose.
 *
 * <p>All Courtside exceptions are unchecked. Subtypes carry structured context (table, columns,
 * section, row index, feature) so that callers can react to the cause without parsing messages:
 *
 * <pre>{@code
 * try {
 *   stagingWriter.write(rows);
 * } catch (SchemaMismatchException e) {
 *   log.error("rejected columns {} of {}", e.columns(), e.table());
 * }
 * }</pre>
 */
public class CourtsideException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CourtsideException(String message) {
    super(message);
  }

  public CourtsideException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}

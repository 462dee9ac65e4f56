package io.github.courtside.core.batch;

/**
 * How a table is written, which decides whether a streaming writer may touch it
 * (spec-prediction-infra §5.3).
 *
 * <pre>{@code
 * WriteModePolicy policy = WriteModePolicy.builder()
 *     .register(auditTable, WriteMode.APPEND_ONLY)
 *     .register(accuracyTable, WriteMode.MUTABLE)
 *     .build();
 * }</pre>
 */
public enum WriteMode {
  /** Rows are only ever appended; streaming (rows in a streaming buffer for a while) is safe. */
  APPEND_ONLY,
  /**
   * Rows are rewritten by DELETE+INSERT or MERGE. Streamed rows would sit in a buffer that DML
   * cannot touch, so a re-run would fail or duplicate rows: only load-semantics writes are allowed.
   */
  MUTABLE
}

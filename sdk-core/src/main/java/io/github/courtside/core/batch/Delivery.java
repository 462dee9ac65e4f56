package io.github.courtside.core.batch;

/**
 * How a {@link BatchSink} delivers rows: the property {@link WriteModePolicy} judges.
 *
 * <pre>{@code
 * if (sink.delivery() == Delivery.STREAMING) { ... }
 * }</pre>
 */
public enum Delivery {
  /** Rows become visible through a streaming buffer that DML cannot change for a while. */
  STREAMING,
  /** All-or-nothing load semantics; written rows can be changed by DML right away. */
  LOAD
}

package io.github.courtside.core.batch;

/**
 * What {@link BatchWriter#add} does when the buffer holds {@link BatchWriterConfig#capacity()}
 * rows.
 *
 * <pre>{@code
 * BatchWriterConfig.builder().capacity(10_000).backpressure(BackpressurePolicy.REJECT).build();
 * }</pre>
 */
public enum BackpressurePolicy {
  /**
   * Wait for room up to {@link BatchWriterConfig#blockTimeout()}, then throw {@link
   * BufferFullException}.
   */
  BLOCK,
  /** Throw {@link BufferFullException} at once; the row is not accepted. */
  REJECT
}

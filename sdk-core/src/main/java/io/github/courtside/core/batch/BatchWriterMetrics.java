package io.github.courtside.core.batch;

import io.github.resilience4j.retry.RetryRegistry;

/** Where a writer reports counts; a no-op unless a Micrometer registry was given. */
interface BatchWriterMetrics {
  BatchWriterMetrics NOOP = new BatchWriterMetrics() {};

  default void accepted() {}

  default void refused() {}

  default void written(long rows) {}

  default void deadLettered(long rows) {}

  default void request() {}

  default void retry() {}

  default void bind(BatchWriter writer) {}

  /** Binds Resilience4j's tagged meters of the writer's retry (held by {@code retries}). */
  default void bindRetries(RetryRegistry retries) {}
}

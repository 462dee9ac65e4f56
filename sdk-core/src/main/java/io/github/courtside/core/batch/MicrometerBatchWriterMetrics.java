package io.github.courtside.core.batch;

import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Micrometer counters {@code courtside.batch.rows} by outcome, requests, retries, pending gauge;
 * and, with {@code resilience4j-micrometer} on the class path, Resilience4j's tagged retry meter
 * {@code resilience4j.retry.calls} (tag {@code name} {@code courtside-batch-<writer>}, {@code
 * kind}).
 */
final class MicrometerBatchWriterMetrics implements BatchWriterMetrics {
  private final MeterRegistry registry;
  private final Tags tags;
  private final Counter accepted;
  private final Counter refused;
  private final Counter written;
  private final Counter deadLettered;
  private final Counter requests;
  private final Counter retries;

  /** The meters of a writer whose setup names a registry (only called when it does). */
  static BatchWriterMetrics create(BatchWriterSetup setup, String writer, String table) {
    return new MicrometerBatchWriterMetrics(setup.meterRegistry().orElseThrow(), writer, table);
  }

  MicrometerBatchWriterMetrics(MeterRegistry registry, String writer, String table) {
    this.registry = registry;
    this.tags = Tags.of("writer", writer, "table", table);
    this.accepted = rows("accepted");
    this.refused = rows("refused");
    this.written = rows("written");
    this.deadLettered = rows("dead_lettered");
    this.requests =
        Counter.builder("courtside.batch.requests")
            .description("sink requests, retries included")
            .tags(tags)
            .register(registry);
    this.retries =
        Counter.builder("courtside.batch.retries")
            .description("sink requests that were retries")
            .tags(tags)
            .register(registry);
  }

  private Counter rows(String outcome) {
    return Counter.builder("courtside.batch.rows")
        .description("rows by outcome")
        .tags(tags)
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public void accepted() {
    accepted.increment();
  }

  @Override
  public void refused() {
    refused.increment();
  }

  @Override
  public void written(long rows) {
    written.increment(rows);
  }

  @Override
  public void deadLettered(long rows) {
    deadLettered.increment(rows);
  }

  @Override
  public void request() {
    requests.increment();
  }

  @Override
  public void retry() {
    retries.increment();
  }

  @Override
  public void bindRetries(RetryRegistry retries) {
    try {
      Class.forName(
          "io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics",
          false,
          MicrometerBatchWriterMetrics.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return; // resilience4j-micrometer is optional: the courtside.batch.* meters stand
    }
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
  }

  @Override
  public void bind(BatchWriter writer) {
    Gauge.builder("courtside.batch.pending", writer, w -> w.stats().pending())
        .description("rows accepted but neither written nor dead-lettered")
        .tags(tags)
        .strongReference(false)
        .register(registry);
  }
}

package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outage tests' sink and writer set-up: an in-memory store behind a decorator that fails every
 * request with an I/O error while {@link #down} is set, counting requests and refusals.
 *
 * <pre>{@code
 * Outage sink = new Outage();
 * BatchWriter writer = sink.writer(Outage.retrying("outage")).deadLetters(dead::add).build();
 * sink.down.set(true);
 * }</pre>
 */
final class Outage implements BatchSink {
  static final TableId TABLE = TableId.of("nba_processing", "quality_issues");

  final InMemorySink store = InMemorySink.of(TABLE);
  final AtomicBoolean down = new AtomicBoolean();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong refusedRequests = new AtomicLong();

  @Override
  public TableId table() {
    return TABLE;
  }

  @Override
  public Delivery delivery() {
    return store.delivery();
  }

  @Override
  public SinkResult write(List<BatchRecord> records) {
    requests.incrementAndGet();
    if (down.get()) {
      refusedRequests.incrementAndGet();
      throw new UncheckedIOException(new IOException("sink is down (injected)"));
    }
    return store.write(records);
  }

  /** A writer on this sink with {@code config}; add the clock, scheduler and dead letters. */
  BatchWriterSetup.Builder writer(BatchWriterConfig config) {
    return BatchWriter.builder(this).config(config);
  }

  /**
   * A writer named {@code name} that sends 10 rows a request and tries each 3 times, waiting 1 s
   * then 2 s (no jitter, at most 5 s).
   */
  static BatchWriterConfig.Builder retrying(String name) {
    return BatchWriterConfig.builder()
        .name(name)
        .maxRows(10)
        .maxAttempts(3)
        .initialBackoff(Duration.ofSeconds(1))
        .maxBackoff(Duration.ofSeconds(5))
        .jitter(0.0);
  }

  /** Row {@code n} of producer {@code producer}. */
  static Row row(int producer, int n) {
    return Row.builder()
        .set("producer", "p" + producer)
        .set("n", (long) n)
        .set("issue", "issue " + producer + "/" + n)
        .build();
  }
}

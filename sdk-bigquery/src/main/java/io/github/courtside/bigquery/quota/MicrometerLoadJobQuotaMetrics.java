package io.github.courtside.bigquery.quota;

import io.github.courtside.core.warehouse.TableId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes load-job quota decisions to Micrometer (an optional dependency: only this class needs
 * it):
 *
 * <ul>
 *   <li>{@code courtside.bigquery.load.jobs} counter, tags {@code table} and {@code outcome} =
 *       {@code started} or {@code refused};
 *   <li>{@code courtside.bigquery.load.jobs.warnings} counter, tag {@code table}: jobs started at
 *       or above the warning threshold;
 *   <li>{@code courtside.bigquery.load.jobs.used} gauge, tag {@code table}: today's count;
 *   <li>{@code courtside.bigquery.load.jobs.limit} gauge, tag {@code table}: the daily limit.
 * </ul>
 *
 * <pre>{@code
 * LoadJobQuotaGuard.builder().listener(new MicrometerLoadJobQuotaMetrics(registry)).build();
 * }</pre>
 */
public final class MicrometerLoadJobQuotaMetrics implements LoadJobQuotaListener {
  private final MeterRegistry registry;
  private final Map<TableId, AtomicLong> used = new ConcurrentHashMap<>();

  /** Metrics in {@code registry}. */
  public MicrometerLoadJobQuotaMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void started(TableId table, long count, long limit) {
    registry
        .counter(
            "courtside.bigquery.load.jobs", "table", table.qualifiedName(), "outcome", "started")
        .increment();
    gauge(table, limit).set(count);
  }

  @Override
  public void warned(TableId table, long count, long limit) {
    registry
        .counter("courtside.bigquery.load.jobs.warnings", "table", table.qualifiedName())
        .increment();
  }

  @Override
  public void refused(TableId table, long count, long limit) {
    registry
        .counter(
            "courtside.bigquery.load.jobs", "table", table.qualifiedName(), "outcome", "refused")
        .increment();
    gauge(table, limit).set(count);
  }

  private AtomicLong gauge(TableId table, long limit) {
    return used.computeIfAbsent(
        table,
        t -> {
          AtomicLong value = new AtomicLong();
          Gauge.builder("courtside.bigquery.load.jobs.used", value, AtomicLong::doubleValue)
              .tag("table", t.qualifiedName())
              .register(registry);
          Gauge.builder("courtside.bigquery.load.jobs.limit", () -> limit)
              .tag("table", t.qualifiedName())
              .register(registry);
          return value;
        });
  }
}

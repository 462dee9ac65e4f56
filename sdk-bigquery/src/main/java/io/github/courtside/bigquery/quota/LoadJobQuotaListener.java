package io.github.courtside.bigquery.quota;

import io.github.courtside.core.warehouse.TableId;

/**
 * Hears the decisions of a {@link LoadJobQuotaGuard}, e.g. to publish metrics.
 *
 * <pre>{@code
 * LoadJobQuotaGuard.builder().listener(new MicrometerLoadJobQuotaMetrics(registry)).build();
 * }</pre>
 */
public interface LoadJobQuotaListener {
  /** Hears nothing. */
  LoadJobQuotaListener NONE = new LoadJobQuotaListener() {};

  /** A load job was allowed; {@code used} counts it. */
  default void started(TableId table, long used, long limit) {}

  /** A load job was allowed at or above the warning threshold; {@code used} counts it. */
  default void warned(TableId table, long used, long limit) {}

  /** A load job was refused at {@code used} jobs. */
  default void refused(TableId table, long used, long limit) {}
}

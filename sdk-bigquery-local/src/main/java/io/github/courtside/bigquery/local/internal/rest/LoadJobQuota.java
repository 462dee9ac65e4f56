package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.TableReference;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * BigQuery's quota of load jobs (and query appends) per destination table per UTC day, by the
 * server's clock. Every job that writes to the table counts, failed ones included; the one past the
 * limit fails with 403 {@code quotaExceeded} and BigQuery's message.
 */
final class LoadJobQuota {
  static final String MESSAGE =
      "Quota exceeded: Your table exceeded quota for imports or query appends per table. For more"
          + " information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas";

  private final Clock clock;
  private final int limit;
  private final Map<String, Integer> counts = new HashMap<>();

  LoadJobQuota(Clock clock, int limit) {
    this.clock = clock;
    this.limit = limit;
  }

  /** Counts one job for the table today; throws {@code quotaExceeded} past the limit. */
  synchronized void acquire(TableReference destination) {
    LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    String key = Decorators.key(destination) + "@" + day;
    int used = counts.getOrDefault(key, 0);
    if (used >= limit) {
      throw new ApiException(403, "quotaExceeded", MESSAGE);
    }
    counts.put(key, used + 1);
  }
}

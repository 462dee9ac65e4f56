package io.github.courtside.bigquery.warehouse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The tables this warehouse has described, fetched once (tables.get) and kept until the SDK changes
 * the table (create, drop, addColumns, a DDL statement), a job reports a schema mismatch, or {@code
 * expireAfterWrite} passes (which bounds how long a change made by another process goes unseen).
 * Absent tables are not cached, so a table created elsewhere is seen at once.
 */
final class SchemaCache {
  private final Cache<TableId, TableInfo> tables;
  private final AtomicLong loads = new AtomicLong();

  SchemaCache(Duration expireAfterWrite, long maximumSize) {
    this.tables =
        Caffeine.newBuilder().expireAfterWrite(expireAfterWrite).maximumSize(maximumSize).build();
  }

  /** The cached description, loading it with {@code loader} (null when absent) when missing. */
  Optional<TableInfo> get(TableId table, Function<TableId, @Nullable TableInfo> loader) {
    return Optional.ofNullable(
        tables.get(
            table,
            key -> {
              loads.incrementAndGet();
              return loader.apply(key);
            }));
  }

  void invalidate(TableId table) {
    tables.invalidate(table);
  }

  void invalidateAll() {
    tables.invalidateAll();
  }

  /** How many times a description was fetched from BigQuery (for tests and metrics). */
  long loads() {
    return loads.get();
  }
}

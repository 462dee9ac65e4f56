package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.services.bigquery.model.TableReference;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Rows for one table, in canonical cell values (see {@link LocalStorage}).
 *
 * @param table the table (its {@code tableId} may carry a partition decorator {@code t$20240410},
 *     which is parsed into {@code partition} by {@link #of})
 * @param partition the one partition every row must fall in, or null
 * @param disposition {@code WRITE_APPEND}, {@code WRITE_TRUNCATE} (replaces the table, or only
 *     {@code partition} when given) or {@code WRITE_EMPTY} (fails with 400 {@code duplicate}... as
 *     BigQuery does, when the table or the partition has rows)
 * @param origin which API wrote them
 * @param rows the rows, each a map from field name to canonical value
 */
public record TableAppend(
    TableReference table,
    @Nullable LocalDate partition,
    String disposition,
    WriteOrigin origin,
    List<Map<String, @Nullable Object>> rows) {
  public TableAppend {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(origin, "origin");
    rows = List.copyOf(rows);
  }
}

package io.github.courtside.core.warehouse;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a warehouse knows about one table beyond its schema.
 *
 * <pre>{@code
 * warehouse.describe(staging)
 *     .flatMap(TableInfo::createdAt)
 *     .filter(created -> created.isBefore(clock.instant().minus(Duration.ofHours(24))));
 * }</pre>
 *
 * @param table the table
 * @param schema its schema
 * @param createdAt when it was created, when the backend knows
 */
public record TableInfo(TableId table, TableSchema schema, Optional<Instant> createdAt) {
  public TableInfo {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}

package io.github.courtside.testkit.schema;

import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import java.util.List;
import java.util.Objects;

/**
 * One writer's staging table: its id, its (drifted) schema and its rows.
 *
 * @param table the staging table id
 * @param schema its schema
 * @param rows its rows, keyed by the schema's spelling of each column
 */
public record StagedTable(TableId table, TableSchema schema, List<Row> rows) {
  public StagedTable {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(schema, "schema");
    rows = List.copyOf(rows);
  }
}

package io.github.courtside.core.warehouse;

import io.github.courtside.core.ValueStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * An ordered list of columns with an optional date partition column and clustering hints.
 *
 * <p>Column names are unique ignoring case, as in BigQuery and DuckDB.
 *
 * <pre>{@code
 * TableSchema schema = TableSchema.builder()
 *     .column(Column.required("game_date", ColumnType.DATE))
 *     .column(Column.required("player_lookup", ColumnType.STRING))
 *     .column(Column.nullable("points", ColumnType.INT64))
 *     .partitionBy("game_date")
 *     .clusterBy("player_lookup")
 *     .build();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class TableSchema {
  TableSchema() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this schema, e.g. to add columns. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The columns in table order. */
  public abstract List<Column> columns();

  /** The DATE column the table is partitioned by, if any. */
  public abstract Optional<String> partitionColumn();

  /** Clustering hints in order; backends without clustering may ignore them. */
  public abstract List<String> clustering();

  /** The columns by lower-case name. */
  @Value.Derived
  @Value.Auxiliary
  Map<String, Column> byLowerName() {
    Map<String, Column> index = new LinkedHashMap<>();
    for (Column column : columns()) {
      if (index.put(lower(column.name()), column) != null) {
        throw new IllegalArgumentException("duplicate column " + column.name());
      }
    }
    return index;
  }

  @Value.Check
  void check() {
    if (columns().isEmpty()) {
      throw new IllegalArgumentException("a table schema needs at least one column");
    }
    Map<String, Column> index = byLowerName();
    if (partitionColumn().isPresent()) {
      String partitionColumn = partitionColumn().get();
      Column partition = index.get(lower(partitionColumn));
      if (partition == null) {
        throw new IllegalArgumentException(
            "partition column " + partitionColumn + " is not a column");
      }
      if (partition.type() != ColumnType.DATE) {
        throw new IllegalArgumentException(
            "partition column " + partitionColumn + " must be DATE, is " + partition.type());
      }
    }
    for (String name : clustering()) {
      if (!index.containsKey(lower(name))) {
        throw new IllegalArgumentException("clustering column " + name + " is not a column");
      }
    }
  }

  /** The column names in table order. */
  public List<String> columnNames() {
    return columns().stream().map(Column::name).toList();
  }

  /** The column with this name, ignoring case. */
  public Optional<Column> column(String name) {
    return Optional.ofNullable(byLowerName().get(lower(name)));
  }

  /** Whether a column of this name exists, ignoring case. */
  public boolean hasColumn(String name) {
    return byLowerName().containsKey(lower(name));
  }

  /**
   * Checks rows against this schema, as a load would: no unknown columns, every value of its
   * column's Java type, no NULL (explicit, or missing without a default) in a required column, no
   * NaN or infinite FLOAT64 (refused rather than silently turned into NULL).
   *
   * <pre>{@code
   * schema.check(table, rows);   // throws SchemaMismatchException naming the bad columns
   * }</pre>
   *
   * @throws SchemaMismatchException naming all offending columns, each with the first row index
   */
  public void check(TableId table, List<Row> rows) {
    Map<String, String> problems = new java.util.TreeMap<>();
    for (int index = 0; index < rows.size(); index++) {
      Row row = rows.get(index);
      for (Map.Entry<String, @Nullable Object> entry : row.asMap().entrySet()) {
        String name = entry.getKey();
        Object value = entry.getValue();
        Column declared = byLowerName().get(lower(name));
        if (declared == null) {
          problems.putIfAbsent(name, "unknown column (row " + index + ")");
        } else if (value != null && !declared.type().accepts(value)) {
          problems.putIfAbsent(
              name,
              "expected "
                  + declared.type()
                  + " ("
                  + declared.type().javaType().getSimpleName()
                  + "), got "
                  + value.getClass().getSimpleName()
                  + " (row "
                  + index
                  + ")");
        } else if (value instanceof Double number && (number.isNaN() || number.isInfinite())) {
          problems.putIfAbsent(name, "non-finite value " + number + " (row " + index + ")");
        }
      }
      for (Column column : columns()) {
        if (column.required()
            && valueOf(row, column.name()) == null
            && (hasColumn(row, column.name()) || column.defaultValue().isEmpty())) {
          problems.putIfAbsent(column.name(), "required column is NULL (row " + index + ")");
        }
      }
    }
    if (!problems.isEmpty()) {
      List<String> details = new ArrayList<>();
      problems.forEach((column, problem) -> details.add(column + ": " + problem));
      throw new SchemaMismatchException(
          table, List.copyOf(problems.keySet()), String.join("; ", details));
    }
  }

  /** The row's value for a column, matching the name ignoring case. */
  static @Nullable Object valueOf(Row row, String column) {
    if (row.has(column)) {
      return row.get(column);
    }
    for (Map.Entry<String, @Nullable Object> entry : row.asMap().entrySet()) {
      if (entry.getKey().equalsIgnoreCase(column)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static boolean hasColumn(Row row, String column) {
    return row.has(column) || row.columns().stream().anyMatch(c -> c.equalsIgnoreCase(column));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("TableSchema[");
    List<Column> columns = columns();
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      text.append(i == 0 ? "" : ", ")
          .append(column.name())
          .append(' ')
          .append(column.type())
          .append(column.required() ? " NOT NULL" : "");
    }
    partitionColumn().ifPresent(column -> text.append("; partition by ").append(column));
    if (!clustering().isEmpty()) {
      text.append("; cluster by ").append(String.join(", ", clustering()));
    }
    return text.append(']').toString();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Builds a {@link TableSchema}; columns keep the order they are added in. */
  public static final class Builder extends ImmutableTableSchema.Builder {
    Builder() {}

    /** Adds a column at the end. */
    public Builder column(Column column) {
      return addColumns(column);
    }

    /** Adds a nullable column at the end. */
    public Builder column(String name, ColumnType type) {
      return column(Column.nullable(name, type));
    }

    /** Adds several columns at the end (unlike {@code columns(Iterable)}, which replaces them). */
    public Builder columns(List<Column> more) {
      return addAllColumns(more);
    }

    /** Partitions the table by a DATE column. */
    public Builder partitionBy(String column) {
      return partitionColumn(column);
    }

    /** Clustering hints, in order, replacing any set before. */
    public Builder clusterBy(String... columnNames) {
      return clustering(List.of(columnNames));
    }
  }
}

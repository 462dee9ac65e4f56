package io.github.courtside.core.warehouse;

/**
 * DuckDB SQL: double-quoted identifiers, no projects (a table id naming one is refused), TIMESTAMP
 * columns hold UTC wall time, NUMERIC is {@code DECIMAL(38,9)}.
 */
final class DuckDbSqlDialect extends AbstractSqlDialect {
  static final DuckDbSqlDialect INSTANCE = new DuckDbSqlDialect();

  private DuckDbSqlDialect() {}

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public String table(TableId table) {
    if (table.project().isPresent()) {
      throw new IllegalArgumentException(
          "DuckDB has no projects: table "
              + table
              + " names project '"
              + table.project().get()
              + "'; use TableId.of(dataset, table)");
    }
    return identifier(table.dataset()) + "." + identifier(table.table());
  }

  @Override
  public String identifier(String name) {
    return "\"" + name + "\"";
  }

  @Override
  public String typeName(ColumnType type) {
    return switch (type) {
      case STRING -> "VARCHAR";
      case INT64 -> "BIGINT";
      case FLOAT64 -> "DOUBLE";
      case NUMERIC -> "DECIMAL(38,9)";
      case BOOL -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP";
      case JSON -> "JSON";
    };
  }

  /**
   * A JDBC positional parameter, cast so that its type never depends on where it stands (DuckDB
   * infers an untyped {@code ?} from its context, and a NULL or a bare {@code SELECT ?} has none).
   */
  @Override
  public String parameter(String name, ColumnType type) {
    return "CAST(? AS " + typeName(type) + ")";
  }

  /** DuckDB groups DOUBLE values exactly (and -0.0 with 0.0), so every type is its own key. */
  @Override
  public String groupingKey(String expression, ColumnType type) {
    return expression;
  }

  @Override
  public String firstInOrder(String expression, String orderBy) {
    return "first(" + expression + " ORDER BY " + orderBy + ")";
  }

  /**
   * DuckDB's {@code hash(...)}: the hash its own GROUP BY and joins use, so equal values (NULL,
   * {@code -0.0} and {@code 0.0}, every NaN) hash alike.
   */
  @Override
  public java.util.Optional<String> keyFingerprint(java.util.List<String> groupingKeys) {
    return java.util.Optional.of("hash(" + String.join(", ", groupingKeys) + ")");
  }

  /** DuckDB uses SQL-standard quote doubling, not backslash escapes. */
  @Override
  String stringLiteral(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  @Override
  String timestampLiteral(String utcText) {
    return "TIMESTAMP '" + utcText + "'";
  }

  @Override
  String jsonLiteral(String quotedText) {
    return "CAST(" + quotedText + " AS JSON)";
  }
}

package io.github.courtside.core.warehouse;

import org.jspecify.annotations.Nullable;

/**
 * Renders the SQL fragments on which dialects differ: identifiers, types, literals and the
 * lossless, NULL-safe key expressions that merge plans are built from.
 *
 * <p>Two dialects ship: {@link #googleSql()} (BigQuery) and {@link #duckDb()}. Plans such as {@code
 * MergePlan} render themselves through this interface, so one plan runs on either engine. Data
 * values go into {@link SqlStatement}s as parameters, which the dialect renders as placeholders
 * ({@link #parameter}); {@link #literal} is for the few places SQL cannot take a parameter (a DDL
 * {@code DEFAULT}, a GoogleSQL {@code ASSERT} description).
 *
 * <pre>{@code
 * SqlDialect dialect = warehouse.dialect();
 * SqlStatement count = SqlStatement.builder()
 *     .append("SELECT COUNT(*) AS n FROM " + dialect.table(main)
 *         + " WHERE " + dialect.identifier("game_date") + " = ")
 *     .value("day", LocalDate.parse("2024-04-10"), ColumnType.DATE)
 *     .build();
 * long n = warehouse.query(count).get(0).getLong("n").orElseThrow();
 * }</pre>
 */
public interface SqlDialect {

  /** GoogleSQL as BigQuery runs it. */
  static SqlDialect googleSql() {
    return GoogleSqlDialect.INSTANCE;
  }

  /** DuckDB SQL. */
  static SqlDialect duckDb() {
    return DuckDbSqlDialect.INSTANCE;
  }

  /** A short name, e.g. {@code googlesql}. */
  String name();

  /** A quoted table reference. */
  String table(TableId table);

  /** A quoted column or alias name. */
  String identifier(String name);

  /** The dialect's name for a column type. */
  String typeName(ColumnType type);

  /**
   * The placeholder of a statement parameter as this dialect's engine binds it: GoogleSQL a named
   * query parameter ({@code @name}), DuckDB a JDBC positional parameter cast to the type ({@code
   * CAST(? AS DATE)}), bound in order of appearance. {@link SqlStatement#sql(SqlDialect)} calls it.
   */
  String parameter(String name, ColumnType type);

  /**
   * A literal of the given type; {@code null} renders a typed NULL. Prefer a {@link SqlStatement}
   * parameter for data values: a literal is for the places SQL takes no parameter (DDL {@code
   * DEFAULT}) and for constants the caller controls.
   *
   * @throws IllegalArgumentException when the value is not of the type's Java representation
   */
  String literal(@Nullable Object value, ColumnType type);

  /**
   * An expression usable in a window {@code PARTITION BY} or {@code GROUP BY} that is lossless for
   * the type: two values map to the same result only when they are equal, and NULL stays NULL (so
   * NULLs form one group of their own). BigQuery refuses FLOAT64 there (incident I-1), so GoogleSQL
   * renders FLOAT64 through a round-trip text form instead of the old {@code CAST(... AS INT64)},
   * which made lines 22.5 and 23.0 collide (hazard H-1).
   */
  String groupingKey(String expression, ColumnType type);

  /**
   * An aggregate: the value of {@code expression} (NULL included) in the group's first row by
   * {@code orderBy} (a SQL {@code ORDER BY} list without the keywords). Aggregates with the same
   * total order read their values from one row. DuckDB: {@code first(... ORDER BY ...)}; GoogleSQL:
   * the first element of {@code ARRAY_AGG(STRUCT(...) ORDER BY ... LIMIT 1)}.
   */
  String firstInOrder(String expression, String orderBy);

  /**
   * One cheap expression that is equal for equal tuples of {@link #groupingKey grouping keys}
   * (NULLs included), for pre-checks that group by it instead of by every key column: a result
   * without two equal fingerprints proves the keys distinct; equal fingerprints only mean "maybe"
   * (a hash collision), so callers confirm with the exact grouping. Empty when the dialect has no
   * such function (callers then group by the keys).
   */
  default java.util.Optional<String> keyFingerprint(java.util.List<String> groupingKeys) {
    return java.util.Optional.empty();
  }

  /**
   * A NULL-safe equality of two expressions of the type: true when both are NULL (incident I-2).
   */
  default String nullSafeEquals(String left, String right, ColumnType type) {
    return comparable(left, type) + " IS NOT DISTINCT FROM " + comparable(right, type);
  }

  /** The expression in a form that can be compared with {@code =} (JSON is not comparable). */
  default String comparable(String expression, ColumnType type) {
    return expression;
  }
}

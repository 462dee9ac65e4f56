package io.github.courtside.core.warehouse;

import org.jspecify.annotations.Nullable;

/**
 * Renders the SQL fragments on which dialects differ: identifiers, types, literals and the
 * lossless, NULL-safe key expressions that merge plans are built from.
 *
 * <p>Two dialects ship: {@link #googleSql()} (BigQuery) and {@link #duckDb()}. Plans such as {@code
 * MergePlan} render themselves through this interface, so one plan runs on either engine. Values
 * are rendered as typed, escaped literals (never by string interpolation of raw text), so rendered
 * statements need no bind parameters and read the same in logs as they ran.
 *
 * <pre>{@code
 * SqlDialect dialect = warehouse.dialect();
 * String sql = "SELECT COUNT(*) AS n FROM " + dialect.table(main)
 *     + " WHERE " + dialect.identifier("game_date") + " = "
 *     + dialect.literal(LocalDate.parse("2024-04-10"), ColumnType.DATE);
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
   * A literal of the given type; {@code null} renders a typed NULL.
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

package io.github.courtside.bigquery.local.internal.sql;

/** Quoting for DuckDB SQL text. */
final class DuckDbText {
  private DuckDbText() {}

  /** A double-quoted DuckDB identifier. */
  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A single-quoted DuckDB string literal (DuckDB strings have no backslash escapes). */
  static String string(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** The name the compiled SQL gives a resolved column: unique by the column's id. */
  static String column(long id) {
    return "__c" + id;
  }
}

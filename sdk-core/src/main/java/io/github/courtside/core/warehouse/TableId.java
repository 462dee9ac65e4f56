package io.github.courtside.core.warehouse;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A table addressed by dataset and table name, e.g. {@code
 * nba_predictions.player_prop_predictions}.
 *
 * <p>Both parts are plain identifiers (letters, digits, underscores, not starting with a digit), so
 * they can be rendered into SQL without quoting surprises on any dialect.
 *
 * <pre>{@code
 * TableId main = TableId.of("nba_predictions", "player_prop_predictions");
 * TableId staging = main.sibling("_staging_batch42_worker7");
 * }</pre>
 *
 * @param dataset the dataset (BigQuery) or schema (DuckDB)
 * @param table the table name inside the dataset
 */
public record TableId(String dataset, String table) {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,1023}");

  public TableId {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(table, "table");
    requireIdentifier("dataset", dataset);
    requireIdentifier("table", table);
  }

  /** Creates a table id after validating both identifiers. */
  public static TableId of(String dataset, String table) {
    return new TableId(dataset, table);
  }

  /** Parses {@code dataset.table}. */
  public static TableId parse(String qualifiedName) {
    int dot = qualifiedName.indexOf('.');
    if (dot <= 0 || dot != qualifiedName.lastIndexOf('.')) {
      throw new IllegalArgumentException(
          "expected a table id of the form dataset.table, got '" + qualifiedName + "'");
    }
    return new TableId(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
  }

  /** A table with another name in the same dataset. */
  public TableId sibling(String otherTable) {
    return new TableId(dataset, otherTable);
  }

  /** {@code dataset.table}. */
  public String qualifiedName() {
    return dataset + "." + table;
  }

  @Override
  public String toString() {
    return qualifiedName();
  }

  private static void requireIdentifier(String what, String value) {
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what
              + " '"
              + value
              + "' is not a valid identifier (letters, digits and underscores, not starting with a"
              + " digit)");
    }
  }
}

package io.github.courtside.core.warehouse;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A table addressed by an optional project, a dataset and a table name, e.g. {@code
 * nba_predictions.player_prop_predictions} or {@code my-project.nba_predictions.player_game}.
 *
 * <p>Dataset and table are plain identifiers (letters, digits, underscores, not starting with a
 * digit), so they can be rendered into SQL without quoting surprises on any dialect. The project
 * follows BigQuery's project-id rules (lower-case letters, digits and hyphens, optionally after a
 * {@code domain:} prefix). Without a project, a backend uses its own default project; a backend
 * without projects (DuckDB) refuses a table id that names one.
 *
 * <pre>{@code
 * TableId main = TableId.of("nba_predictions", "player_prop_predictions");
 * TableId staging = main.sibling("_staging_batch42_worker7");
 * TableId elsewhere = TableId.parse("analytics-prod.nba_predictions.player_game");
 * }</pre>
 *
 * @param project the project, when not the backend's default
 * @param dataset the dataset (BigQuery) or schema (DuckDB)
 * @param table the table name inside the dataset
 */
public record TableId(Optional<String> project, String dataset, String table) {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,1023}");
  private static final Pattern PROJECT =
      Pattern.compile("([a-z0-9][a-z0-9.-]{0,62}:)?[a-z][a-z0-9-]{0,61}[a-z0-9]");

  public TableId {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(table, "table");
    project.ifPresent(TableId::requireProject);
    requireIdentifier("dataset", dataset);
    requireIdentifier("table", table);
  }

  /** A table of the backend's default project. */
  public TableId(String dataset, String table) {
    this(Optional.empty(), dataset, table);
  }

  /** Creates a table id of the default project after validating both identifiers. */
  public static TableId of(String dataset, String table) {
    return new TableId(dataset, table);
  }

  /** Creates a table id in an explicit project. */
  public static TableId of(String project, String dataset, String table) {
    return new TableId(Optional.of(project), dataset, table);
  }

  /**
   * Parses {@code dataset.table} or {@code project.dataset.table} (a domain-scoped project such as
   * {@code example.com:analytics} may contain dots; the last two parts are dataset and table).
   */
  public static TableId parse(String qualifiedName) {
    int last = qualifiedName.lastIndexOf('.');
    int middle = last <= 0 ? -1 : qualifiedName.lastIndexOf('.', last - 1);
    if (last <= 0 || last == qualifiedName.length() - 1 || middle == 0 || middle == last - 1) {
      throw new IllegalArgumentException(
          "expected a table id of the form [project.]dataset.table, got '" + qualifiedName + "'");
    }
    String table = qualifiedName.substring(last + 1);
    if (middle < 0) {
      return new TableId(qualifiedName.substring(0, last), table);
    }
    try {
      return new TableId(
          Optional.of(qualifiedName.substring(0, middle)),
          qualifiedName.substring(middle + 1, last),
          table);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "expected a table id of the form [project.]dataset.table, got '"
              + qualifiedName
              + "': "
              + e.getMessage(),
          e);
    }
  }

  /** A table with another name in the same project and dataset. */
  public TableId sibling(String otherTable) {
    return new TableId(project, dataset, otherTable);
  }

  /** This table in the given project. */
  public TableId inProject(String otherProject) {
    return new TableId(Optional.of(otherProject), dataset, table);
  }

  /** This table without a project (the backend's default). */
  public TableId withoutProject() {
    return project.isEmpty() ? this : new TableId(dataset, table);
  }

  /** {@code dataset.table}, or {@code project.dataset.table} when a project is named. */
  public String qualifiedName() {
    return project.map(p -> p + ".").orElse("") + dataset + "." + table;
  }

  @Override
  public String toString() {
    return qualifiedName();
  }

  private static void requireProject(String value) {
    if (!PROJECT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "project '"
              + value
              + "' is not a valid project id (lower-case letters, digits and hyphens, starting"
              + " with a letter, optionally after a 'domain:' prefix)");
    }
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

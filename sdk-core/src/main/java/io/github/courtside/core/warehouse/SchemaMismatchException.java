package io.github.courtside.core.warehouse;

import java.util.List;

/**
 * Rows or tables do not fit a table's schema; names every offending column (incident I-9: a worker
 * emitted columns the table lacked and every load failed for two days without naming them).
 *
 * <pre>{@code
 * try {
 *   stagingWriter.write(rows);
 * } catch (SchemaMismatchException e) {
 *   log.error("rejected columns {} of {}", e.columns(), e.table());
 * }
 * }</pre>
 */
public class SchemaMismatchException extends WarehouseException {
  private static final long serialVersionUID = 1L;

  private final transient TableId schemaOf;
  private final List<String> columns;

  /**
   * @param table the table whose schema was violated
   * @param columns the offending column names, in a stable order
   * @param detail what was wrong with each, for the message
   */
  public SchemaMismatchException(TableId table, List<String> columns, String detail) {
    super(table, "schema mismatch against " + table + " in columns " + columns + ": " + detail);
    this.schemaOf = table;
    this.columns = List.copyOf(columns);
  }

  /** The offending columns. */
  public List<String> columns() {
    return columns;
  }

  /** The table whose schema was violated. */
  public TableId schemaTable() {
    return schemaOf;
  }
}

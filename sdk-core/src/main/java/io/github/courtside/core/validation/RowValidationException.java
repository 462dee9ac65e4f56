package io.github.courtside.core.validation;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.core.warehouse.TableId;

/**
 * Rows bound for a table were refused by a {@link RowValidator}. Carries the table, the first
 * rejected row's index and column, and the number of rejected rows.
 *
 * <pre>{@code
 * try {
 *   warehouse.append(table, validator.validate(rows).acceptedOrThrow());
 * } catch (RowValidationException e) {
 *   log.error("{} rejected at row {} column {}", e.table(), e.rowIndex(), e.column());
 * }
 * }</pre>
 */
public final class RowValidationException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final transient RowRejection first;
  private final int rejectedRows;

  /** An exception for {@code first}, one of {@code rejectedRows} rejected rows. */
  public RowValidationException(RowRejection first, int rejectedRows) {
    super(rejectedRows + " row(s) rejected for " + first.table() + "; first: " + first.reason());
    this.first = first;
    this.rejectedRows = rejectedRows;
  }

  /** The target table. */
  public TableId table() {
    return first.table();
  }

  /** The index of the first rejected row. */
  public int rowIndex() {
    return first.rowIndex();
  }

  /** The first offending column of the first rejected row. */
  public String column() {
    return first.violations().get(0).column();
  }

  /** The first rejected row with all its violations. */
  public RowRejection firstRejection() {
    return first;
  }

  /** How many rows were rejected. */
  public int rejectedRows() {
    return rejectedRows;
  }
}

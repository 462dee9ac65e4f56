package io.github.courtside.core.warehouse;

import java.util.Objects;

/**
 * A condition checked inside the same transaction as the writes it guards, e.g. a fencing check
 * ("no newer token has written this partition"). When the condition is not TRUE the transaction is
 * rolled back and {@link WriteGuardRefusedException} is thrown; nothing is written.
 *
 * <p>The condition is a boolean SQL expression in the warehouse's dialect, typically a comparison
 * with a scalar subquery, whose data values are {@link SqlStatement} parameters. BigQuery runs it
 * as {@code ASSERT (<condition>) AS '<description>'} in a multi-statement transaction (the
 * parameters become query parameters of the script); DuckDB evaluates it as a prepared statement in
 * the JDBC transaction of the writes.
 *
 * <pre>{@code
 * SqlDialect d = warehouse.dialect();
 * WriteGuard fence = WriteGuard.of(
 *     SqlStatement.builder()
 *         .append("(SELECT COALESCE(MAX(fencing_token), 0) FROM " + d.table(journal)
 *             + " WHERE partition_date = ")
 *         .value("day", LocalDate.parse("2024-04-10"), ColumnType.DATE)
 *         .append(") <= 42")
 *         .build(),
 *     "partition 2024-04-10 written under a token newer than 42");
 * warehouse.transaction(fence, List.of(merge, journalInsert));
 * }</pre>
 *
 * @param condition the boolean SQL expression that must be TRUE for the writes to happen
 * @param description what a failed check means, for the exception and BigQuery's ASSERT message
 */
public record WriteGuard(SqlStatement condition, String description) {
  private static final WriteGuard NONE = new WriteGuard(SqlStatement.of("TRUE"), "no guard");

  public WriteGuard {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(description, "description");
    if (condition.isBlank()) {
      throw new IllegalArgumentException("a write guard needs a condition");
    }
    // the text only: a ';' inside a parameter value is just a value
    if (condition.toString().contains(";")) {
      throw new IllegalArgumentException(
          "a write guard condition is one expression, not statements: " + condition);
    }
  }

  /** A guard with this condition and description. */
  public static WriteGuard of(SqlStatement condition, String description) {
    return new WriteGuard(condition, description);
  }

  /** A guard with this parameterless condition and description. */
  public static WriteGuard of(String condition, String description) {
    return new WriteGuard(SqlStatement.of(condition), description);
  }

  /** The guard that always passes (a plain transaction). */
  public static WriteGuard none() {
    return NONE;
  }
}

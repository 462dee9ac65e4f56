package io.github.courtside.bigquery.warehouse;

import io.github.courtside.core.warehouse.SqlStatement;
import io.github.courtside.core.warehouse.WriteGuard;
import java.util.List;

/**
 * The multi-statement script of a guarded transaction: {@code BEGIN TRANSACTION; ASSERT (<guard>)
 * AS '<marker>'; <statements>; COMMIT TRANSACTION;}. A failed ASSERT (or statement) ends the script
 * with an error, and BigQuery rolls back the open transaction, so the guard and the writes are one
 * atomic unit. The marker tells a refused guard apart from other failures.
 *
 * <p>The guard's and the statements' parameters become the script's query parameters (BigQuery
 * takes query parameters in a multi-statement query like in a single statement); two of them that
 * share a name but not a value are renamed apart by {@link
 * SqlStatement.Builder#append(SqlStatement)}. GoogleSQL requires the {@code ASSERT ... AS}
 * description to be a string literal, so it is the constant {@link BigQueryWarehouse#GUARD_MARKER}
 * and nothing else: the guard's description, which callers write and which may name tables and
 * values, stays on the Java side, in the {@link
 * io.github.courtside.core.warehouse.WriteGuardRefusedException} thrown for a refused guard.
 */
final class GuardedScript {
  private GuardedScript() {}

  static SqlStatement render(WriteGuard guard, List<SqlStatement> statements) {
    SqlStatement.Builder script = SqlStatement.builder().append("BEGIN TRANSACTION;\n");
    if (!guard.equals(WriteGuard.none())) {
      script
          .append("ASSERT (")
          .append(guard.condition())
          .append(") AS '" + BigQueryWarehouse.GUARD_MARKER + "';\n");
    }
    for (SqlStatement statement : statements) {
      script.append(statement).append(";\n");
    }
    return script.append("COMMIT TRANSACTION;").build();
  }
}

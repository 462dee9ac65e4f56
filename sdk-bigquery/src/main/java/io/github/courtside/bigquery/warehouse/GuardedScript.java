package io.github.courtside.bigquery.warehouse;

import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.SqlDialect;
import io.github.courtside.core.warehouse.WriteGuard;
import java.util.List;

/**
 * The multi-statement script of a guarded transaction: {@code BEGIN TRANSACTION; ASSERT (<guard>)
 * AS '<marker><description>'; <statements>; COMMIT TRANSACTION;}. A failed ASSERT (or statement)
 * ends the script with an error, and BigQuery rolls back the open transaction, so the guard and the
 * writes are one atomic unit. The marker tells a refused guard apart from other failures.
 */
final class GuardedScript {
  private GuardedScript() {}

  static String render(WriteGuard guard, List<String> statements) {
    StringBuilder script = new StringBuilder("BEGIN TRANSACTION;\n");
    if (!guard.equals(WriteGuard.none())) {
      script
          .append("ASSERT (")
          .append(guard.condition())
          .append(") AS ")
          .append(
              SqlDialect.googleSql()
                  .literal(BigQueryWarehouse.GUARD_MARKER + guard.description(), ColumnType.STRING))
          .append(";\n");
    }
    for (String statement : statements) {
      script.append(statement).append(";\n");
    }
    return script.append("COMMIT TRANSACTION;").toString();
  }
}

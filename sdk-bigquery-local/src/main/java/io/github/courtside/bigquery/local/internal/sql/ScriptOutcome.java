package io.github.courtside.bigquery.local.internal.sql;

import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a query job did, for its statistics.
 *
 * @param statementType BigQuery's name: {@code SELECT}, {@code INSERT}, {@code UPDATE}, {@code
 *     DELETE}, {@code MERGE}, {@code TRUNCATE_TABLE}, {@code CREATE_TABLE}, {@code
 *     CREATE_TABLE_AS_SELECT}, {@code DROP_TABLE}, {@code ALTER_TABLE}, {@code ASSERT}, {@code
 *     SCRIPT} (several statements)...
 * @param resultSchema the schema of the rows in the request's result table, or null when the (last)
 *     statement returned no rows (DML, DDL)
 * @param resultRows how many rows the result table holds
 * @param dml whether any statement was DML (then the three counts are meaningful)
 * @param insertedRows rows inserted by DML (INSERT, MERGE's INSERT)
 * @param updatedRows rows updated by DML
 * @param deletedRows rows deleted by DML (DELETE, MERGE's DELETE, TRUNCATE)
 * @param ddlTargetTable the table a DDL statement created, replaced, altered or dropped, or null
 * @param ddlOperationPerformed {@code CREATE}, {@code SKIP}, {@code REPLACE}, {@code DROP}, {@code
 *     ALTER}, or null
 * @param totalBytesProcessed an estimate of the bytes the statements read
 * @param referencedTables the tables the statements read or wrote
 * @param statements for a script, what each statement did (BigQuery's child jobs), in order; empty
 *     for a single statement
 * @param sql the text of the script or statement
 */
public record ScriptOutcome(
    String statementType,
    @Nullable TableSchema resultSchema,
    long resultRows,
    boolean dml,
    long insertedRows,
    long updatedRows,
    long deletedRows,
    @Nullable TableReference ddlTargetTable,
    @Nullable String ddlOperationPerformed,
    long totalBytesProcessed,
    List<TableReference> referencedTables,
    List<ScriptOutcome> statements,
    String sql) {
  public ScriptOutcome {
    Objects.requireNonNull(statementType, "statementType");
    Objects.requireNonNull(sql, "sql");
    referencedTables = List.copyOf(referencedTables);
    statements = List.copyOf(statements);
  }

  /** {@code numDmlAffectedRows}: inserted + updated + deleted. */
  public long affectedRows() {
    return insertedRows + updatedRows + deletedRows;
  }
}

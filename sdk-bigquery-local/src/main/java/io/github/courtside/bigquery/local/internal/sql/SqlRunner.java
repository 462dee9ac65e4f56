package io.github.courtside.bigquery.local.internal.sql;

/**
 * Runs GoogleSQL: every statement is analysed by ZetaSQL in BigQuery's language mode against the
 * server's tables, then compiled from the resolved tree to DuckDB SQL and run. Scripts of several
 * statements run one statement at a time (each analysed against the tables as they are by then).
 *
 * <p>Failures are {@link io.github.courtside.bigquery.local.internal.ApiException}s: 400 {@code
 * invalidQuery} with ZetaSQL's message and {@code line:column} location, 400 {@code invalidQuery}
 * "not supported by the local server: ..." for what the compiler does not handle, 404 {@code
 * notFound} for a missing table, 400 {@code invalidQuery} for the streaming-buffer rule, a MERGE
 * matching a target row twice, and a failed {@code ASSERT}.
 */
public interface SqlRunner {

  /** Runs a query job's SQL; a final SELECT's rows go to {@link ScriptRequest#resultTable()}. */
  ScriptOutcome run(ScriptRequest request);

  /** Analyses without running (a dry run): statement type, referenced tables, result schema. */
  ScriptOutcome dryRun(ScriptRequest request);
}

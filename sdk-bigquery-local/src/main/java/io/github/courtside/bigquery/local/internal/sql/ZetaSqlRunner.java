package io.github.courtside.bigquery.local.internal.sql;

import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;

/** The {@link SqlRunner} on ZetaSQL and DuckDB. (Placeholder: the SQL work replaces this body.) */
public final class ZetaSqlRunner implements SqlRunner {
  /** A runner over the server's storage. */
  public ZetaSqlRunner(LocalStorage storage, ServerSettings settings) {}

  @Override
  public ScriptOutcome run(ScriptRequest request) {
    throw ApiException.notSupported("queries (SQL runner not built yet)");
  }

  @Override
  public ScriptOutcome dryRun(ScriptRequest request) {
    throw ApiException.notSupported("queries (SQL runner not built yet)");
  }
}

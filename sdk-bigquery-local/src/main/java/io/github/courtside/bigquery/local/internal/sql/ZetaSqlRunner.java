package io.github.courtside.bigquery.local.internal.sql;

import io.github.courtside.bigquery.local.internal.ServerSettings;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;

/**
 * The {@link SqlRunner} on ZetaSQL and DuckDB: each statement is analysed by ZetaSQL in BigQuery's
 * language mode against the tables it references, its resolved tree compiled to DuckDB SQL and run
 * on the storage's database.
 */
public final class ZetaSqlRunner implements SqlRunner {
  private final LocalStorage storage;
  private final ServerSettings settings;

  /** A runner over the server's storage. */
  public ZetaSqlRunner(LocalStorage storage, ServerSettings settings) {
    this.storage = storage;
    this.settings = settings;
  }

  @Override
  public ScriptOutcome run(ScriptRequest request) {
    return new ScriptRun(storage, settings, request, GoogleSqlAnalyzer.shared(), true).run();
  }

  @Override
  public ScriptOutcome dryRun(ScriptRequest request) {
    return new ScriptRun(storage, settings, request, GoogleSqlAnalyzer.shared(), false).run();
  }
}

package io.github.courtside.bigquery.local.internal.storage;

import io.github.courtside.bigquery.local.internal.ServerSettings;

/** The {@link LocalStorage} on DuckDB. (Placeholder: the storage work replaces this body.) */
public final class DuckDbLocalStorage {
  private DuckDbLocalStorage() {}

  /** Opens the storage: in memory, or in {@link ServerSettings#dataDirectory()}. */
  public static LocalStorage open(ServerSettings settings) {
    throw new UnsupportedOperationException("storage not built yet");
  }
}

package io.github.courtside.bigquery.local;

import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import io.github.courtside.bigquery.local.internal.rest.RestServer;
import io.github.courtside.bigquery.local.internal.sql.SqlRunner;
import io.github.courtside.bigquery.local.internal.sql.ZetaSqlRunner;
import io.github.courtside.bigquery.local.internal.storage.DuckDbLocalStorage;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import io.github.courtside.bigquery.local.internal.write.StorageWriteServer;

/**
 * The parts of one started server — storage, SQL runner, REST server, Storage Write server — and
 * their shutdown in reverse order. Shared by {@link LocalBigQuery} and {@link LocalBigQueryServer}
 * (which must not load the JUnit callbacks {@code LocalBigQuery} implements).
 */
final class RunningServer implements AutoCloseable {
  private final LocalStorage storage;
  private final SqlRunner sql;
  private final RestServer rest;
  private final StorageWriteServer write;

  private RunningServer(
      LocalStorage storage, SqlRunner sql, RestServer rest, StorageWriteServer write) {
    this.storage = storage;
    this.sql = sql;
    this.rest = rest;
    this.write = write;
  }

  static RunningServer start(ServerSettings settings, Faults faults) {
    LocalStorage storage = DuckDbLocalStorage.open(settings);
    try {
      SqlRunner sql = new ZetaSqlRunner(storage, settings);
      StorageWriteServer write = StorageWriteServer.start(storage, faults, settings);
      try {
        RestServer rest = RestServer.start(storage, sql, faults, settings);
        return new RunningServer(storage, sql, rest, write);
      } catch (RuntimeException e) {
        write.close();
        throw e;
      }
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  int restPort() {
    return rest.port();
  }

  StorageWriteServer write() {
    return write;
  }

  SqlRunner sql() {
    return sql;
  }

  BigQueryWriteSettings writeSettings() {
    return write().clientSettings();
  }

  @Override
  public void close() {
    try {
      rest.close();
    } finally {
      try {
        write.close();
      } finally {
        storage.close();
      }
    }
  }
}

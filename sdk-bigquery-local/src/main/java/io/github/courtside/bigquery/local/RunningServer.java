package io.github.courtside.bigquery.local;

import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import io.github.courtside.bigquery.local.internal.rest.RestServer;
import io.github.courtside.bigquery.local.internal.sql.SqlRunner;
import io.github.courtside.bigquery.local.internal.sql.ZetaSqlRunner;
import io.github.courtside.bigquery.local.internal.storage.DuckDbLocalStorage;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import io.github.courtside.bigquery.local.internal.write.StorageWriteServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of one started server — storage, SQL runner, REST server, Storage Write server — and
 * their shutdown in reverse order. Shared by {@link LocalBigQuery} and {@link LocalBigQueryServer}
 * (which must not load the JUnit callbacks {@code LocalBigQuery} implements).
 */
final class RunningServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);

  private final LocalStorage storage;
  private final SqlRunner sql;
  private final RestServer rest;
  private final @Nullable StorageWriteServer write;

  private RunningServer(
      LocalStorage storage, SqlRunner sql, RestServer rest, @Nullable StorageWriteServer write) {
    this.storage = storage;
    this.sql = sql;
    this.rest = rest;
    this.write = write;
  }

  static RunningServer start(ServerSettings settings, Faults faults) {
    LocalStorage storage = DuckDbLocalStorage.open(settings);
    try {
      SqlRunner sql = new ZetaSqlRunner(storage, settings);
      StorageWriteServer write = startWrite(storage, faults, settings);
      try {
        RestServer rest = RestServer.start(storage, sql, faults, settings);
        return new RunningServer(storage, sql, rest, write);
      } catch (RuntimeException e) {
        if (write != null) {
          write.close();
        }
        throw e;
      }
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  private static @Nullable StorageWriteServer startWrite(
      LocalStorage storage, Faults faults, ServerSettings settings) {
    try {
      return StorageWriteServer.start(storage, faults, settings);
    } catch (UnsupportedOperationException e) {
      // only while the Storage Write API is not built into this copy of the module
      LOG.warn("Storage Write API not available: {}", e.getMessage());
      return null;
    }
  }

  int restPort() {
    return rest.port();
  }

  StorageWriteServer write() {
    if (write == null) {
      throw new IllegalStateException("the Storage Write API is not available in this build");
    }
    return write;
  }

  boolean hasWrite() {
    return write != null;
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
        if (write != null) {
          write.close();
        }
      } finally {
        storage.close();
      }
    }
  }
}

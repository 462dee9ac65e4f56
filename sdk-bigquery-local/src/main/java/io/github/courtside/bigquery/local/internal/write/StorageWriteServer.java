package io.github.courtside.bigquery.local.internal.write;

import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import io.github.courtside.bigquery.local.Faults;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;

/**
 * The Storage Write API over gRPC on loopback. (Placeholder: the Storage Write work replaces this
 * body.)
 */
public final class StorageWriteServer implements AutoCloseable {
  private StorageWriteServer() {}

  /** Starts serving on 127.0.0.1 at {@link ServerSettings#grpcPort()} (0: any free port). */
  public static StorageWriteServer start(
      LocalStorage storage, Faults faults, ServerSettings settings) {
    throw new UnsupportedOperationException("Storage Write API not built yet");
  }

  /** The port it listens on. */
  public int port() {
    throw new UnsupportedOperationException("Storage Write API not built yet");
  }

  /** Settings for a {@code BigQueryWriteClient} that talks to this server in plaintext. */
  public BigQueryWriteSettings clientSettings() {
    throw new UnsupportedOperationException("Storage Write API not built yet");
  }

  @Override
  public void close() {}
}

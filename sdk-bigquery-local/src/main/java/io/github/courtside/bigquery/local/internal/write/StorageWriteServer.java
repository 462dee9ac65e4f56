package io.github.courtside.bigquery.local.internal.write;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import io.github.courtside.bigquery.local.Faults;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BigQuery Storage Write API (v1) over gRPC on loopback: {@code CreateWriteStream} (COMMITTED,
 * PENDING, BUFFERED), the {@code _default} stream, {@code AppendRows} with proto rows and offsets,
 * {@code FinalizeWriteStream}, {@code BatchCommitWriteStreams}, {@code GetWriteStream} and {@code
 * FlushRows}, writing through {@link LocalStorage}.
 *
 * <pre>{@code
 * try (StorageWriteServer server = StorageWriteServer.start(storage, faults, settings);
 *     BigQueryWriteClient client = BigQueryWriteClient.create(server.clientSettings());
 *     JsonStreamWriter writer =
 *         JsonStreamWriter.newBuilder("projects/p/datasets/d/tables/t", client).build()) {
 *   writer.append(new JSONArray().put(new JSONObject().put("id", 1))).get();
 * }
 * }</pre>
 */
public final class StorageWriteServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StorageWriteServer.class);

  /** BigQuery takes requests up to 10 MB; a little more leaves room for the envelope. */
  private static final int MAX_REQUEST_BYTES = 20 * 1024 * 1024;

  private final Server server;

  private StorageWriteServer(Server server) {
    this.server = server;
  }

  /** Starts serving on 127.0.0.1 at {@link ServerSettings#grpcPort()} (0: any free port). */
  public static StorageWriteServer start(
      LocalStorage storage, Faults faults, ServerSettings settings) {
    WriteStreams streams = new WriteStreams(storage, settings);
    Server server =
        NettyServerBuilder.forAddress(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.grpcPort()))
            .addService(new BigQueryWriteService(streams, faults))
            .maxInboundMessageSize(MAX_REQUEST_BYTES)
            .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the Storage Write API on 127.0.0.1:" + settings.grpcPort(), e);
    }
    LOG.info("Storage Write API serving on 127.0.0.1:{}", server.getPort());
    return new StorageWriteServer(server);
  }

  /** The port it listens on. */
  public int port() {
    return server.getPort();
  }

  /** Settings for a {@code BigQueryWriteClient} that talks to this server in plaintext. */
  public BigQueryWriteSettings clientSettings() {
    try {
      return BigQueryWriteSettings.newBuilder()
          .setEndpoint("127.0.0.1:" + port())
          .setCredentialsProvider(NoCredentialsProvider.create())
          .setTransportChannelProvider(
              InstantiatingGrpcChannelProvider.newBuilder()
                  .setEndpoint("127.0.0.1:" + port())
                  .setChannelConfigurator(StorageWriteServer::plaintext)
                  .setMaxInboundMessageSize(MAX_REQUEST_BYTES)
                  .build())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("rawtypes") // gax's channel configurator takes the raw builder type
  private static ManagedChannelBuilder plaintext(ManagedChannelBuilder channel) {
    return channel.usePlaintext();
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}

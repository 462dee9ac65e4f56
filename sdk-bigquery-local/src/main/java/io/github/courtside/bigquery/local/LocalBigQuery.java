package io.github.courtside.bigquery.local;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A local BigQuery for tests. (Placeholder API: the REST work implements it.)
 *
 * <pre>{@code
 * @RegisterExtension static LocalBigQuery bigQuery = LocalBigQuery.create();
 *
 * BigQuery client = bigQuery.client();              // setHost(http://127.0.0.1:port), NoCredentials
 * BigQueryWriteClient writer = bigQuery.writeClient();
 * bigQuery.faults().failNext("tabledata.insertAll", Fault.rateLimitExceeded(), 1);
 *
 * try (LocalBigQuery server = LocalBigQuery.builder().project("demo").build().start()) { ... }
 * }</pre>
 */
public final class LocalBigQuery implements AutoCloseable {
  private LocalBigQuery() {}

  /**
   * A server with the defaults, started on first use (a JUnit 5 extension or by {@link #start}).
   */
  public static LocalBigQuery create() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** A builder for a configured server. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts the server (idempotent) and returns it. */
  public LocalBigQuery start() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** The project the handed-out clients use. */
  public String projectId() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** {@code http://127.0.0.1:PORT}, for {@code BigQueryOptions.setHost} or other clients. */
  public String restEndpoint() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** {@code 127.0.0.1:PORT} of the Storage Write API. */
  public String grpcEndpoint() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Client options pointing at this server (host, project, location, NoCredentials). */
  public BigQueryOptions options() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** A BigQuery client of this server. */
  public BigQuery client() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Settings of a Storage Write client of this server (plaintext gRPC, no credentials). */
  public BigQueryWriteSettings writeSettings() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** A new Storage Write client of this server; the caller closes it. */
  public BigQueryWriteClient writeClient() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Fault injection and request counts. */
  public Faults faults() {
    throw new UnsupportedOperationException("not built yet");
  }

  @Override
  public void close() {}

  /** Builds a {@link LocalBigQuery}. */
  public static final class Builder {
    private Builder() {}

    public Builder project(String project) {
      return this;
    }

    public Builder location(String location) {
      return this;
    }

    public Builder clock(Clock clock) {
      return this;
    }

    public Builder streamingBufferWindow(Duration window) {
      return this;
    }

    public Builder loadJobsPerTablePerDay(int limit) {
      return this;
    }

    public Builder dataDirectory(Path folder) {
      return this;
    }

    public Builder restPort(int port) {
      return this;
    }

    public Builder grpcPort(int port) {
      return this;
    }

    public LocalBigQuery build() {
      throw new UnsupportedOperationException("not built yet");
    }
  }
}

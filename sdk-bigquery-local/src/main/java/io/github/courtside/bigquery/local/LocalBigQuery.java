package io.github.courtside.bigquery.local;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local BigQuery for tests: the REST API (v2) and the Storage Write API on 127.0.0.1, GoogleSQL
 * analysed by ZetaSQL and run on DuckDB, with fault injection.
 *
 * <p>As a JUnit 5 extension on a static field, one server serves the whole test class (started
 * before all tests, closed after them); on an instance field, one server per test.
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
public final class LocalBigQuery
    implements AutoCloseable,
        BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback {
  private final ServerSettings settings;
  private final Faults faults = new Faults();
  private @Nullable RunningServer server;
  private @Nullable BigQueryOptions options;
  private boolean closed;
  private int classScopes;
  private boolean startedForTest;

  private LocalBigQuery(ServerSettings settings) {
    this.settings = settings;
  }

  /**
   * A server with the defaults (project {@code local-project}, location {@code US}), started on
   * first use (by the JUnit 5 extension or by {@link #start}).
   */
  public static LocalBigQuery create() {
    return builder().build();
  }

  /** A builder for a configured server. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts the server (idempotent) and returns it. */
  public synchronized LocalBigQuery start() {
    if (closed) {
      throw new IllegalStateException("this LocalBigQuery was closed; create a new one");
    }
    if (server == null) {
      server = RunningServer.start(settings, faults);
    }
    return this;
  }

  private synchronized RunningServer running() {
    if (server == null) {
      start();
    }
    return Objects.requireNonNull(server);
  }

  /** The project the handed-out clients use. */
  public String projectId() {
    return settings.defaultProject();
  }

  /** The location reported on datasets and jobs. */
  public String location() {
    return settings.location();
  }

  /** {@code http://127.0.0.1:PORT}, for {@code BigQueryOptions.setHost} or other clients. */
  public String restEndpoint() {
    return "http://127.0.0.1:" + running().restPort();
  }

  /** {@code 127.0.0.1:PORT} of the Storage Write API. */
  public String grpcEndpoint() {
    return "127.0.0.1:" + running().write().port();
  }

  /** Client options pointing at this server (host, project, location, NoCredentials). */
  public synchronized BigQueryOptions options() {
    if (options == null) {
      options =
          BigQueryOptions.newBuilder()
              .setProjectId(projectId())
              .setHost(restEndpoint())
              .setLocation(location())
              .setCredentials(NoCredentials.getInstance())
              .build();
    }
    return options;
  }

  /** A BigQuery client of this server. */
  public BigQuery client() {
    return options().getService();
  }

  /** Settings of a Storage Write client of this server (plaintext gRPC, no credentials). */
  public BigQueryWriteSettings writeSettings() {
    return running().writeSettings();
  }

  /** A new Storage Write client of this server; the caller closes it. */
  public BigQueryWriteClient writeClient() {
    try {
      return BigQueryWriteClient.create(writeSettings());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a Storage Write client", e);
    }
  }

  /** Fault injection and request counts. */
  public Faults faults() {
    return faults;
  }

  /** Stops the server and frees its threads, ports and database; a closed server stays closed. */
  @Override
  public synchronized void close() {
    closed = true;
    options = null;
    if (server != null) {
      RunningServer running = server;
      server = null;
      running.close();
    }
  }

  // ---- JUnit 5 ----

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    classScopes++;
    start();
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    classScopes--;
    if (classScopes <= 0) {
      close();
    }
  }

  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    if (classScopes == 0 && server == null) {
      start();
      startedForTest = true;
    }
  }

  @Override
  public synchronized void afterEach(ExtensionContext context) {
    if (startedForTest && classScopes == 0) {
      startedForTest = false;
      close();
    }
  }

  /** Builds a {@link LocalBigQuery}. */
  public static final class Builder {
    private String project = "local-project";
    private String location = "US";
    private Clock clock = Clock.systemUTC();
    private Duration streamingBufferWindow = Duration.ofMinutes(30);
    private int loadJobsPerTablePerDay = 1_500;
    private @Nullable Path dataDirectory;
    private int restPort;
    private int grpcPort;

    private Builder() {}

    /** The project of the handed-out clients (default {@code local-project}). */
    public Builder project(String project) {
      this.project = Objects.requireNonNull(project, "project");
      return this;
    }

    /** The location of datasets and jobs (default {@code US}). */
    public Builder location(String location) {
      this.location = Objects.requireNonNull(location, "location");
      return this;
    }

    /** The clock of creation times, the streaming buffer and the load-job quota day. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long streamed rows stay out of DML's reach (default 30 minutes). */
    public Builder streamingBufferWindow(Duration window) {
      this.streamingBufferWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /** Load jobs accepted per table per UTC day (default 1,500). */
    public Builder loadJobsPerTablePerDay(int limit) {
      if (limit < 0) {
        throw new IllegalArgumentException("limit must not be negative, was " + limit);
      }
      this.loadJobsPerTablePerDay = limit;
      return this;
    }

    /** A folder that keeps the data between runs (default: in memory). */
    public Builder dataDirectory(Path folder) {
      this.dataDirectory = Objects.requireNonNull(folder, "folder");
      return this;
    }

    /** The HTTP port (default 0: any free port). */
    public Builder restPort(int port) {
      this.restPort = checkPort(port);
      return this;
    }

    /** The gRPC port of the Storage Write API (default 0: any free port). */
    public Builder grpcPort(int port) {
      this.grpcPort = checkPort(port);
      return this;
    }

    private static int checkPort(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
      return port;
    }

    ServerSettings settings() {
      return new ServerSettings(
          project,
          location,
          clock,
          streamingBufferWindow,
          loadJobsPerTablePerDay,
          dataDirectory,
          restPort,
          grpcPort);
    }

    /** An unstarted server. */
    public LocalBigQuery build() {
      return new LocalBigQuery(settings());
    }
  }
}

package io.github.courtside.bigquery.local;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** A builder for a configured server ({@code LocalBigQuerySetup.builder()}). */
  public static LocalBigQuerySetup.Builder builder() {
    return LocalBigQuerySetup.builder();
  }

  /** An unstarted server configured by {@code setup}. */
  public static LocalBigQuery create(LocalBigQuerySetup setup) {
    return new LocalBigQuery(
        new ServerSettings(
            setup.project(),
            setup.location(),
            setup.clock(),
            setup.streamingBufferWindow(),
            setup.loadJobsPerTablePerDay(),
            setup.dataDirectory().orElse(null),
            setup.restPort(),
            setup.grpcPort()));
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
}

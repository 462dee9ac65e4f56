package io.github.courtside.examples.demo;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import io.github.courtside.bigquery.local.LocalBigQuery;
import io.github.courtside.bigquery.warehouse.BigQueryWarehouse;
import io.github.courtside.bigquery.warehouse.BigQueryWarehouseSetup;
import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.core.warehouse.Warehouse;
import io.github.courtside.duckdb.DuckDbDatabase;
import io.github.courtside.duckdb.coordination.DuckDbCoordinationStore;
import io.github.courtside.duckdb.warehouse.DuckDbWarehouse;
import io.github.courtside.firestore.FirestoreSettings;
import io.github.courtside.firestore.coordination.FirestoreCoordinationStore;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The warehouse and coordination store a demo run uses, opened from the command line's choices and
 * closed together.
 *
 * <pre>{@code
 * try (DemoBackends backends = DemoBackends.open(Backend.BIGQUERY, Coordination.EMBEDDED, settings)) {
 *   DemoReport report = new DemoPipeline(config).run(backends.warehouse(), backends.store());
 * }
 * }</pre>
 */
public final class DemoBackends implements AutoCloseable {
  /** The warehouse the demo runs on. */
  public enum Backend {
    /** A DuckDB file in the demo's directory. */
    DUCKDB,
    /** BigQuery: a local server started in-process, one given by its host, or a project. */
    BIGQUERY
  }

  /** Where workers and the coordinator coordinate. */
  public enum Coordination {
    /** In the DuckDB file (DuckDB backend) or in memory (BigQuery backend). */
    EMBEDDED,
    /** Firestore: the emulator named by FIRESTORE_EMULATOR_HOST, else the project's. */
    FIRESTORE
  }

  /**
   * Where the backends are.
   *
   * @param directory the demo's directory (the DuckDB file goes there)
   * @param bigQueryHost the BigQuery REST endpoint, or null for an in-process local server (or
   *     Google's BigQuery when a project is given)
   * @param bigQueryWriteHost the Storage Write API {@code host:port} of a local server given by an
   *     {@code http://} host (plaintext, no credentials)
   * @param project the Google Cloud project, if any
   * @param environment the process environment (FIRESTORE_EMULATOR_HOST)
   */
  public record Settings(
      Path directory,
      @Nullable String bigQueryHost,
      @Nullable String bigQueryWriteHost,
      @Nullable String project,
      Map<String, String> environment) {
    public Settings {
      Objects.requireNonNull(directory, "directory");
      environment = Map.copyOf(environment);
    }
  }

  private final Warehouse warehouse;
  private final CoordinationStore store;
  private final String description;
  private final Deque<AutoCloseable> resources;

  private DemoBackends(
      Warehouse warehouse,
      CoordinationStore store,
      String description,
      Deque<AutoCloseable> resources) {
    this.warehouse = warehouse;
    this.store = store;
    this.description = description;
    this.resources = resources;
  }

  /** Opens the chosen warehouse and coordination store; close the result when done. */
  public static DemoBackends open(Backend backend, Coordination coordination, Settings settings) {
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    try {
      Warehouse warehouse;
      String description;
      @Nullable DuckDbDatabase database = null;
      if (backend == Backend.DUCKDB) {
        Path file = settings.directory().resolve("courtside-demo.duckdb");
        Files.createDirectories(settings.directory());
        Files.deleteIfExists(file);
        Files.deleteIfExists(settings.directory().resolve("courtside-demo.duckdb.wal"));
        database = DuckDbDatabase.open(file);
        resources.push(database);
        warehouse = DuckDbWarehouse.builder().database(database).build();
        description = "DuckDB " + file;
      } else if (settings.bigQueryHost() == null && settings.project() == null) {
        LocalBigQuery server = LocalBigQuery.builder().build().start();
        resources.push(server);
        warehouse =
            BigQueryWarehouse.builder()
                .bigQueryOptions(server.options())
                .writeSettings(server.writeSettings())
                .createMissingDatasets(true)
                .build();
        description =
            "BigQuery, local server in-process at "
                + server.restEndpoint()
                + " (project "
                + server.projectId()
                + ")";
      } else {
        warehouse = remoteBigQuery(settings);
        description =
            "BigQuery "
                + (settings.bigQueryHost() == null ? "(Google)" : settings.bigQueryHost())
                + ", project "
                + warehouseProject(settings);
      }
      resources.push(warehouse);
      CoordinationStore store;
      if (coordination == Coordination.FIRESTORE) {
        FirestoreCoordinationStore firestore =
            FirestoreCoordinationStore.connect(firestore(settings));
        resources.push(firestore);
        store = firestore;
        description += "; coordination on Firestore";
      } else if (database != null) {
        store = new DuckDbCoordinationStore(database);
        description += "; coordination in the DuckDB file";
      } else {
        store = new InMemoryCoordinationStore();
        description += "; coordination in memory";
      }
      return new DemoBackends(warehouse, store, description, resources);
    } catch (IOException e) {
      closeAll(resources);
      throw new UncheckedIOException("cannot prepare " + settings.directory(), e);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  private static String warehouseProject(Settings settings) {
    String project = settings.project();
    if (project != null) {
      return project;
    }
    return "local-project";
  }

  private static BigQueryWarehouse remoteBigQuery(Settings settings) {
    String host = settings.bigQueryHost();
    BigQueryOptions.Builder options =
        BigQueryOptions.newBuilder().setProjectId(warehouseProject(settings));
    BigQueryWarehouseSetup.Builder builder =
        BigQueryWarehouse.builder().createMissingDatasets(true);
    if (host != null && host.startsWith("http://")) {
      String writeHost = settings.bigQueryWriteHost();
      if (writeHost == null) {
        throw new IllegalArgumentException(
            "the local server at " + host + " needs its Storage Write API host:port as well");
      }
      options.setHost(host).setCredentials(NoCredentials.getInstance());
      builder.writeSettings(plaintextWriteSettings(writeHost));
    } else {
      if (settings.project() == null) {
        throw new IllegalArgumentException(
            "BigQuery at " + host + " needs a project: --project or GOOGLE_CLOUD_PROJECT");
      }
      if (host != null) {
        options.setHost(host);
      }
    }
    return builder.bigQueryOptions(options.build()).build();
  }

  private static BigQueryWriteSettings plaintextWriteSettings(String endpoint) {
    try {
      return BigQueryWriteSettings.newBuilder()
          .setEndpoint(endpoint)
          .setCredentialsProvider(NoCredentialsProvider.create())
          .setTransportChannelProvider(
              InstantiatingGrpcChannelProvider.newBuilder()
                  .setEndpoint(endpoint)
                  .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
                  .build())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot configure the Storage Write client of " + endpoint, e);
    }
  }

  private static FirestoreSettings firestore(Settings settings) {
    String emulator = settings.environment().get(FirestoreSettings.EMULATOR_HOST_VARIABLE);
    boolean emulated = emulator != null && !emulator.isBlank();
    String project = settings.project();
    if (!emulated) {
      if (project == null) {
        throw new IllegalArgumentException(
            "--coordination firestore needs "
                + FirestoreSettings.EMULATOR_HOST_VARIABLE
                + " (the emulator's host:port) or a project (--project or GOOGLE_CLOUD_PROJECT)"
                + " with application default credentials");
      }
      try {
        GoogleCredentials.getApplicationDefault();
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "--coordination firestore: "
                + FirestoreSettings.EMULATOR_HOST_VARIABLE
                + " is not set and project "
                + project
                + " has no application default credentials ("
                + e.getMessage()
                + ")",
            e);
      }
    }
    return FirestoreSettings.fromEnvironment(
        project != null ? project : "courtside-demo", settings.environment());
  }

  /** The warehouse. */
  public Warehouse warehouse() {
    return warehouse;
  }

  /** The coordination store. */
  public CoordinationStore store() {
    return store;
  }

  /** Which backends these are, for the demo's output. */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    closeAll(resources);
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    RuntimeException failure = null;
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("cannot close a demo backend: " + e.getMessage(), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}

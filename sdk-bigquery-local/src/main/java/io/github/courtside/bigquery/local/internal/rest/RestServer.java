package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.ProjectList;
import com.google.api.services.bigquery.model.ProjectReference;
import com.sun.net.httpserver.HttpServer;
import io.github.courtside.bigquery.local.Faults;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import io.github.courtside.bigquery.local.internal.sql.SqlRunner;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The BigQuery REST API (v2) on a JDK {@link HttpServer} bound to 127.0.0.1: datasets, tables,
 * tabledata, jobs and media uploads, over one {@link LocalStorage} and one {@link SqlRunner}.
 *
 * <pre>{@code
 * try (RestServer rest = RestServer.start(storage, sql, faults, settings)) {
 *   String host = "http://127.0.0.1:" + rest.port();
 * }
 * }</pre>
 */
public final class RestServer implements AutoCloseable {
  private static final String NODELAY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ExecutorService executor;
  private final JobScheduler scheduler;

  private RestServer(HttpServer server, ExecutorService executor, JobScheduler scheduler) {
    this.server = server;
    this.executor = executor;
    this.scheduler = scheduler;
  }

  /** Starts serving on 127.0.0.1 at {@link ServerSettings#restPort()} (0: any free port). */
  public static RestServer start(
      LocalStorage storage, SqlRunner sql, Faults faults, ServerSettings settings) {
    JobScheduler scheduler = new JobScheduler(storage, sql, settings, new JobRegistry());
    List<Route> routes = new ArrayList<>();
    routes.add(
        Route.of(
            "GET",
            "projects",
            "projects.list",
            request ->
                RestResponse.json(
                    new ProjectList()
                        .setKind("bigquery#projectList")
                        .setTotalItems(1)
                        .setProjects(
                            List.of(
                                new ProjectList.Projects()
                                    .setKind("bigquery#project")
                                    .setId(settings.defaultProject())
                                    .setFriendlyName(settings.defaultProject())
                                    .setProjectReference(
                                        new ProjectReference()
                                            .setProjectId(settings.defaultProject())))))));
    routes.addAll(new DatasetsResource(storage, settings).routes());
    routes.addAll(new TablesResource(storage).routes());
    routes.addAll(new TabledataResource(storage, new InsertIdWindow(settings.clock())).routes());
    routes.addAll(new JobsResource(scheduler, storage, settings).routes());
    routes.addAll(new UploadsResource(scheduler).routes());
    routes.addAll(DiscoveryResource.routes());
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "bigquery-local-http-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    // The JDK server writes a response's headers and body separately; without TCP_NODELAY each
    // response then waits for the client's delayed ACK (about 40 ms on Linux). Read once, when the
    // JDK's server classes load, so it must be set before the first server starts.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    try {
      HttpServer server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.restPort()), 64);
      server.createContext("/", new Dispatcher(routes, faults));
      server.setExecutor(executor);
      server.start();
      return new RestServer(server, executor, scheduler);
    } catch (IOException e) {
      executor.shutdownNow();
      scheduler.close();
      throw new UncheckedIOException(
          "cannot listen on 127.0.0.1:" + settings.restPort() + ": " + e.getMessage(), e);
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    scheduler.close();
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

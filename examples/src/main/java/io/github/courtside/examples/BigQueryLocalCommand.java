package io.github.courtside.examples;

import io.github.courtside.bigquery.local.LocalBigQuery;
import io.github.courtside.bigquery.local.LocalBigQuerySetup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code courtside bigquery-local}: serves the local BigQuery (REST and Storage Write API) on
 * 127.0.0.1 until stopped, so tests in any language can use it.
 *
 * <pre>{@code
 * bin/courtside bigquery-local --port 9050 --grpc-port 9060 --project demo --data /tmp/bq
 * # REST:          http://127.0.0.1:9050   (BigQueryOptions.setHost, apiEndpoint, BIGQUERY_EMULATOR_HOST)
 * # Storage Write: 127.0.0.1:9060          (plaintext gRPC)
 * }</pre>
 */
@Command(
    name = "bigquery-local",
    mixinStandardHelpOptions = true,
    description =
        "Serve a local BigQuery (REST API and Storage Write API, GoogleSQL on DuckDB) on"
            + " 127.0.0.1 until stopped.",
    footer = {
      "%nExamples:",
      "  courtside bigquery-local",
      "  courtside bigquery-local --port 9050 --grpc-port 9060 --project demo --data /tmp/bq"
    })
public final class BigQueryLocalCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "9050",
      description = "HTTP port of the REST API (0: any free port; default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--grpc-port",
      defaultValue = "0",
      description = "gRPC port of the Storage Write API (0: any free port; default).")
  int grpcPort;

  @Option(
      names = "--project",
      defaultValue = "local-project",
      description = "Default project (default: ${DEFAULT-VALUE}).")
  String project;

  @Option(
      names = "--data",
      description = "Folder that keeps the tables between runs (default: in memory).")
  @Nullable Path data;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    requirePort("--port", port);
    requirePort("--grpc-port", grpcPort);
    if (data != null) {
      WritableFolder.require(spec.commandLine(), "--data", data);
    }
    LocalBigQuerySetup.Builder builder =
        LocalBigQuery.builder().project(project).restPort(port).grpcPort(grpcPort);
    if (data != null) {
      builder.dataDirectory(data);
    }
    LocalBigQuery server = builder.build().start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "bigquery-local-shutdown"));
    out.println("BigQuery REST API:          " + server.restEndpoint());
    out.println("BigQuery Storage Write API: " + server.grpcEndpoint());
    out.println("project:                    " + server.projectId());
    out.println("Press Ctrl+C to stop.");
    out.flush();
    stopped.await();
    server.close();
    return 0;
  }

  private void requirePort(String option, int value) {
    if (value < 0 || value > 65535) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + " must be from 0 to 65535; was " + value);
    }
  }

  /** Stops a running server (what Ctrl+C does); for tests. */
  void stop() {
    stopped.countDown();
  }
}

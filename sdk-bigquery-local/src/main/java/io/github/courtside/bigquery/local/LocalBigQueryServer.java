package io.github.courtside.bigquery.local;

import io.github.courtside.bigquery.local.internal.ServerSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * The local BigQuery as a standalone process, for tests in other languages:
 *
 * <pre>
 * java -cp ... io.github.courtside.bigquery.local.LocalBigQueryServer --port 9050 [--grpc-port 9060] [--project P] [--data DIR]
 * </pre>
 *
 * <p>Serves on 127.0.0.1 until stopped (Ctrl-C or SIGTERM) and prints both addresses.
 */
public final class LocalBigQueryServer {
  private LocalBigQueryServer() {}

  /** Parsed command line. */
  record Options(int port, int grpcPort, String project, String location, @Nullable Path data) {

    static Options parse(String... args) {
      int port = 9050;
      int grpcPort = 9060;
      String project = "local-project";
      String location = "US";
      Path data = null;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String value;
        int eq = arg.indexOf('=');
        String name = eq > 0 ? arg.substring(0, eq) : arg;
        if (name.equals("--help") || name.equals("-h")) {
          throw new IllegalArgumentException(usage());
        }
        if (eq > 0) {
          value = arg.substring(eq + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new IllegalArgumentException("missing value for " + name + "\n" + usage());
        }
        switch (name) {
          case "--port" -> port = port(name, value);
          case "--grpc-port" -> grpcPort = port(name, value);
          case "--project" -> project = value;
          case "--location" -> location = value;
          case "--data" -> data = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + name + "\n" + usage());
        }
      }
      return new Options(port, grpcPort, project, location, data);
    }

    private static int port(String name, String value) {
      try {
        int port = Integer.parseInt(value);
        if (port < 0 || port > 65_535) {
          throw new NumberFormatException();
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " needs a port number, got " + value);
      }
    }

    static String usage() {
      return "usage: bigquery-local [--port 9050] [--grpc-port 9060] [--project local-project]"
          + " [--location US] [--data DIR]";
    }

    ServerSettings settings() {
      return new ServerSettings(
          project,
          location,
          Clock.systemUTC(),
          Duration.ofMinutes(30),
          1_500,
          data,
          port,
          grpcPort);
    }
  }

  /** Runs the server until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    RunningServer server = RunningServer.start(options.settings(), new Faults());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "bigquery-local-shutdown"));
    System.out.println("BigQuery REST API:   http://127.0.0.1:" + server.restPort());
    System.out.println("Storage Write API:   " + "127.0.0.1:" + server.write().port());
    System.out.println("Project: " + options.project() + "  (stop with Ctrl-C)");
    System.out.flush();
    stopped.await();
  }
}

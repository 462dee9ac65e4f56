package io.github.courtside.examples;

import io.github.courtside.core.consolidation.ConsolidationReport;
import io.github.courtside.examples.demo.DemoBackends;
import io.github.courtside.examples.demo.DemoBackends.Backend;
import io.github.courtside.examples.demo.DemoBackends.Coordination;
import io.github.courtside.examples.demo.DemoConfig;
import io.github.courtside.examples.demo.DemoPipeline;
import io.github.courtside.examples.demo.DemoReport;
import io.github.courtside.models.grading.AccuracyMonitor;
import io.github.courtside.models.grading.AccuracySummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code courtside demo}: the whole pipeline on the embedded default, no cloud account needed.
 *
 * <pre>{@code
 * bin/courtside demo --dir /tmp/courtside-demo
 * bin/courtside demo --teams 8 --games 16 --graded-dates 4 --workers 2
 * }</pre>
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the end-to-end pipeline on DuckDB with in-process coordination over a synthetic",
      "regular season (30 teams, 1,230 games by default): gamebook PDFs -> parser -> player_game",
      "-> point-in-time features -> CatBoost model behind the readiness gate -> per graded date:",
      "fan-out workers + staging tables -> exactly-once completion -> locked MERGE -> grading;",
      "then writes the report folder (index.html with charts, graded.csv, graded.json)."
    },
    footer = {
      "%nExamples:",
      "  courtside demo",
      "  courtside demo --dir /tmp/courtside-demo --seed 7",
      "  courtside demo --teams 8 --games 16 --graded-dates 4 --workers 2   (a quick run)",
      "  courtside demo --backend bigquery --coordination firestore"
    })
final class DemoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--dir",
      description = "Where to write the DuckDB file, PDFs and model (default: a new temp folder).")
  @Nullable Path directory;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "League seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--teams",
      defaultValue = "30",
      description = "Teams, even, 2-30 (default: ${DEFAULT-VALUE}).")
  int teams;

  @Option(
      names = "--games",
      defaultValue = "82",
      description = "Regular-season games per team (default: ${DEFAULT-VALUE}).")
  int games;

  @Option(
      names = "--graded-dates",
      defaultValue = "30",
      description =
          "The season's last game dates to predict, consolidate and grade, one fan-out batch"
              + " each (default: ${DEFAULT-VALUE}).")
  int gradedDates;

  @Option(
      names = "--workers",
      defaultValue = "4",
      description = "Prediction workers (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--backend",
      defaultValue = "duckdb",
      converter = BackendConverter.class,
      description = "Warehouse: duckdb or bigquery (default: ${DEFAULT-VALUE}).")
  Backend backend = Backend.DUCKDB;

  @Option(
      names = "--coordination",
      defaultValue = "embedded",
      converter = CoordinationConverter.class,
      description =
          "Coordination store: embedded (in the DuckDB file, or in memory with --backend bigquery)"
              + " or firestore (FIRESTORE_EMULATOR_HOST, else the project's default credentials;"
              + " default: ${DEFAULT-VALUE}).")
  Coordination coordination = Coordination.EMBEDDED;

  @Option(
      names = "--bigquery-host",
      description =
          "BigQuery REST endpoint, e.g. http://127.0.0.1:9050 of `courtside bigquery-local`"
              + " (default with --backend bigquery: a local server started in-process; with"
              + " --project and no host: Google's BigQuery).")
  @Nullable String bigQueryHost;

  @Option(
      names = "--bigquery-write-host",
      description =
          "Storage Write API endpoint HOST:PORT of a local server given by an http://"
              + " --bigquery-host (plaintext gRPC, no credentials).")
  @Nullable String bigQueryWriteHost;

  @Option(
      names = "--project",
      description =
          "Google Cloud project of BigQuery and Firestore (default: GOOGLE_CLOUD_PROJECT; the"
              + " in-process server's project).")
  @Nullable String project;

  @Option(
      names = "--dataset",
      description = "Dataset of the demo's tables (default: " + DemoConfig.DEFAULT_DATASET + ").")
  @Nullable String dataset;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    validate();
    Path folder =
        directory != null
            ? WritableFolder.require(spec.commandLine(), "--dir", directory)
            : Files.createTempDirectory("courtside-demo");
    DemoConfig.Builder builder =
        DemoConfig.builder(folder)
            .seed(seed)
            .teams(teams)
            .gamesPerTeam(games)
            .gradedDates(gradedDates)
            .workers(workers)
            .progress(System.console() != null);
    if (dataset != null) {
      builder.dataset(dataset);
    }
    DemoConfig config;
    try {
      config = builder.build();
    } catch (IllegalArgumentException e) {
      ParameterException usage =
          new ParameterException(spec.commandLine(), String.valueOf(e.getMessage()));
      usage.initCause(e);
      throw usage;
    }
    out.printf(
        Locale.ROOT,
        "Courtside demo: %d teams, %d games each, the last %d game dates graded, %d workers, in"
            + " %s%n",
        teams,
        games,
        gradedDates,
        workers,
        folder);
    out.flush();
    // The gate logs every blocked vector at WARN (QUALITY_BLOCKED ...): right for a service, a
    // flood in a terminal. The demo counts them instead, and the report lists each one.
    System.setProperty(
        "org.slf4j.simpleLogger.log.io.github.courtside.models.prediction.FallbackPredictor",
        "error");
    long started = System.nanoTime();
    DemoReport report;
    if (backend == Backend.DUCKDB && coordination == Coordination.EMBEDDED) {
      report = new DemoPipeline(config).run();
    } else {
      DemoBackends opened;
      try {
        opened = DemoBackends.open(backend, coordination, settings(folder));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), String.valueOf(e.getMessage()));
      }
      try (DemoBackends backends = opened) {
        out.printf(Locale.ROOT, "   backend  %s%n", backends.description());
        out.flush();
        report = new DemoPipeline(config).run(backends.warehouse(), backends.store());
      }
    }
    print(out, config, report, (System.nanoTime() - started) / 1e9);
    return 0;
  }

  private void validate() {
    if (backend == Backend.DUCKDB && (bigQueryHost != null || bigQueryWriteHost != null)) {
      throw new ParameterException(
          spec.commandLine(), "--bigquery-host and --bigquery-write-host need --backend bigquery");
    }
    if (bigQueryWriteHost != null
        && (bigQueryHost == null || !bigQueryHost.startsWith("http://"))) {
      throw new ParameterException(
          spec.commandLine(),
          "--bigquery-write-host is for a local server given by an http:// --bigquery-host");
    }
    if (bigQueryHost != null && bigQueryHost.startsWith("http://") && bigQueryWriteHost == null) {
      throw new ParameterException(
          spec.commandLine(),
          "an http:// --bigquery-host needs --bigquery-write-host HOST:PORT (the Storage Write"
              + " API endpoint `courtside bigquery-local` prints)");
    }
  }

  private DemoBackends.Settings settings(Path folder) {
    String environmentProject = System.getenv("GOOGLE_CLOUD_PROJECT");
    String chosen =
        project != null
            ? project
            : environmentProject != null && !environmentProject.isBlank()
                ? environmentProject
                : null;
    return new DemoBackends.Settings(
        folder, bigQueryHost, bigQueryWriteHost, chosen, System.getenv());
  }

  /** Lower-case names only, and an error that lists them. */
  abstract static class LowerCaseEnumConverter<E extends Enum<E>>
      implements CommandLine.ITypeConverter<E> {
    private final Class<E> type;

    LowerCaseEnumConverter(Class<E> type) {
      this.type = type;
    }

    @Override
    public E convert(String value) {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
          return constant;
        }
      }
      throw new CommandLine.TypeConversionException(
          "expected one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", "))
              + " but was '"
              + value
              + "'");
    }
  }

  static final class BackendConverter extends LowerCaseEnumConverter<Backend> {
    BackendConverter() {
      super(Backend.class);
    }
  }

  static final class CoordinationConverter extends LowerCaseEnumConverter<Coordination> {
    CoordinationConverter() {
      super(Coordination.class);
    }
  }

  static void print(PrintWriter out, DemoConfig config, DemoReport report, double seconds) {
    summary(out, config, report);
    out.printf(Locale.ROOT, "   steps    %s%n", timings(report));
    out.printf(Locale.ROOT, "report     %s%n", report.reportIndex());
    out.printf(Locale.ROOT, "done in %.1f s; files in %s%n", seconds, report.directory());
    out.flush();
  }

  /** The summary lines: the same for the same seed whatever the backend. */
  static void summary(PrintWriter out, DemoConfig config, DemoReport report) {
    out.printf(
        Locale.ROOT,
        "1. scrape   %d games: %d gamebook PDFs rendered and parsed (%d complete, box scores"
            + " verified)%n",
        report.games(),
        report.gamebooksParsed(),
        report.gamebooksComplete());
    out.printf(
        Locale.ROOT,
        "2. load     %d rows in %s (one atomic partition replace per game date)%n",
        report.playerGameRows(),
        config.playerGameTable().qualifiedName());
    out.printf(
        Locale.ROOT,
        "3. train    %d point-in-time vectors -> %d oblivious trees (CatBoost JSON, catboost4j)%n",
        report.trainingRows(),
        report.modelTrees());
    out.printf(
        Locale.ROOT,
        "4. predict  %d predictions over %d game dates (%s to %s); quality tiers %s; picks %s%n",
        report.predictions(),
        report.batches(),
        report.firstGradedDate(),
        report.lastGradedDate(),
        report.qualityTiers(),
        report.recommendations());
    out.printf(
        Locale.ROOT,
        "   gate     %d blocked by the readiness gate, %d fallbacks in all, %d feature values"
            + " imputed%n",
        report.blocked(),
        report.fallbacks(),
        report.imputedValues());
    out.printf(
        Locale.ROOT,
        "5. fan out  %d batches x %d workers, each with its own staging table; %d batches"
            + " completed by exactly one record call%n",
        report.batches(),
        report.workers(),
        report.batchCompletions());
    long[] totals = report.consolidationTotals();
    out.printf(
        Locale.ROOT,
        "6. merge    %d batches %s: %d staged, %d merged, %d deactivated, %d staging tables"
            + " dropped%n",
        report.consolidations().size(),
        report.consolidations().stream()
            .map(c -> c.outcome().name())
            .distinct()
            .collect(Collectors.joining("/")),
        totals[0],
        totals[1],
        totals[2],
        totals[3]);
    out.printf(
        Locale.ROOT,
        "   rerun    %s; %d active predictions in %s%n",
        report.rerun().outcome(),
        report.activePredictions(),
        config.predictionsTable().qualifiedName());
    AccuracySummary accuracy = report.accuracy();
    out.printf(
        Locale.ROOT,
        "7. grade    %d graded: %d wins, %d losses, %d pushes, %d voids, %d passes; hit rate %s"
            + " (break-even %.2f%%), MAE %s, fallbacks %d%n",
        report.graded().size(),
        accuracy.wins(),
        accuracy.losses(),
        accuracy.pushes(),
        accuracy.voids(),
        accuracy.passes(),
        percent(accuracy.hitRate()),
        100 * AccuracyMonitor.BREAK_EVEN_AT_MINUS_110,
        number(accuracy.meanAbsoluteError()),
        accuracy.fallbacks());
  }

  /** How long the consolidation steps took, summed over the batches (not part of the summary). */
  static String timings(DemoReport report) {
    java.util.Map<String, Long> millis = new java.util.LinkedHashMap<>();
    for (ConsolidationReport consolidation : report.consolidations()) {
      consolidation
          .timings()
          .forEach(t -> millis.merge(t.step().name(), t.elapsed().toMillis(), Long::sum));
    }
    return millis.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue() + "ms")
        .collect(Collectors.joining(", "));
  }

  private static String percent(OptionalDouble value) {
    return value.isPresent()
        ? String.format(Locale.ROOT, "%.1f%%", 100 * value.getAsDouble())
        : "n/a";
  }

  private static String number(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.2f", value.getAsDouble()) : "n/a";
  }
}

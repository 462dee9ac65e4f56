package io.github.courtside.examples;

import io.github.courtside.core.consolidation.ConsolidationReport;
import io.github.courtside.examples.demo.DemoConfig;
import io.github.courtside.examples.demo.DemoPipeline;
import io.github.courtside.examples.demo.DemoReport;
import io.github.courtside.models.grading.AccuracyMonitor;
import io.github.courtside.models.grading.AccuracySummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code courtside demo}: the whole pipeline on the embedded default, no cloud account needed.
 *
 * <pre>{@code
 * bin/courtside demo --dir /tmp/courtside-demo --teams 8 --days 30 --workers 4
 * }</pre>
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the end-to-end pipeline on DuckDB with in-process coordination:",
      "synthetic gamebook PDFs -> parser -> player_game -> point-in-time features -> CatBoost model",
      "-> fan-out workers + staging tables -> exactly-once completion -> locked MERGE -> grading."
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
      defaultValue = "8",
      description = "Teams, even (default: ${DEFAULT-VALUE}).")
  int teams;

  @Option(
      names = "--days",
      defaultValue = "30",
      description = "Game days of history before the predicted day (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--workers",
      defaultValue = "4",
      description = "Prediction workers (default: ${DEFAULT-VALUE}).")
  int workers;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path folder = directory != null ? directory : Files.createTempDirectory("courtside-demo");
    DemoConfig config =
        DemoConfig.builder(folder)
            .seed(seed)
            .teams(teams)
            .historyDays(days)
            .workers(workers)
            .build();
    out.printf(
        Locale.ROOT,
        "Courtside demo: %d teams, %d history days, %d workers, in %s%n",
        teams,
        days,
        workers,
        folder);
    out.flush();
    long started = System.nanoTime();
    DemoReport report = new DemoPipeline(config).run();
    print(out, report, (System.nanoTime() - started) / 1e9);
    return 0;
  }

  static void print(PrintWriter out, DemoReport report, double seconds) {
    out.printf(
        Locale.ROOT,
        "1. scrape   %d gamebook PDFs rendered and parsed (%d complete, box scores verified)%n",
        report.gamebooksParsed(),
        report.gamebooksComplete());
    out.printf(
        Locale.ROOT,
        "2. load     %d rows in %s (one atomic partition replace per day)%n",
        report.playerGameRows(),
        DemoPipeline.PLAYER_GAME);
    out.printf(
        Locale.ROOT,
        "3. train    %d point-in-time vectors -> %d oblivious trees (CatBoost JSON, catboost4j)%n",
        report.trainingRows(),
        report.modelTrees());
    out.printf(
        Locale.ROOT,
        "4. predict  %d players on %s; quality tiers %s; picks %s%n",
        report.predictions(),
        report.predictedDay(),
        report.qualityTiers(),
        report.recommendations());
    out.printf(
        Locale.ROOT,
        "5. fan out  %d workers wrote %d staging tables; batch completed by %d record call%n",
        report.stagingTables(),
        report.stagingTables(),
        report.batchCompletions());
    ConsolidationReport merge = report.consolidation();
    out.printf(
        Locale.ROOT,
        "6. merge    %s under fencing token %d: %d staged, %d merged, %d deactivated, %d staging"
            + " tables dropped; steps %s%n",
        merge.outcome(),
        merge.fencingToken(),
        merge.stagedRows(),
        merge.mergedRows(),
        merge.deactivatedRows(),
        merge.droppedTables(),
        merge.timings().stream()
            .map(t -> t.step() + " " + t.elapsed().toMillis() + "ms")
            .collect(Collectors.joining(", ")));
    out.printf(
        Locale.ROOT,
        "   rerun    %s; %d active predictions in %s%n",
        report.rerun().outcome(),
        report.activePredictions(),
        DemoPipeline.PREDICTIONS);
    AccuracySummary accuracy = report.accuracy();
    out.printf(
        Locale.ROOT,
        "7. grade    %d wins, %d losses, %d pushes, %d voids, %d passes; hit rate %s (break-even"
            + " %.2f%%), MAE %s, fallbacks %d%n",
        accuracy.wins(),
        accuracy.losses(),
        accuracy.pushes(),
        accuracy.voids(),
        accuracy.passes(),
        percent(accuracy.hitRate()),
        100 * AccuracyMonitor.BREAK_EVEN_AT_MINUS_110,
        number(accuracy.meanAbsoluteError()),
        accuracy.fallbacks());
    out.printf(Locale.ROOT, "done in %.1f s; files in %s%n", seconds, report.directory());
    out.flush();
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

package io.github.courtside.examples;

import io.github.courtside.examples.report.GradedRow;
import io.github.courtside.examples.report.GradedRowFiles;
import io.github.courtside.examples.report.GradingFiles;
import io.github.courtside.models.grading.AccuracyMonitor;
import io.github.courtside.models.grading.AccuracyMonitorConfig;
import io.github.courtside.models.grading.AccuracySummary;
import io.github.courtside.models.grading.ActualResult;
import io.github.courtside.models.grading.Grader;
import io.github.courtside.models.grading.GradingResult;
import io.github.courtside.models.prediction.Prediction;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code courtside grade}: grades predictions against results with the SDK's {@link Grader} and
 * writes the graded rows (CSV or JSON by the file's extension), then prints the summary.
 *
 * <pre>{@code
 * bin/courtside grade --predictions predictions.json --results results.json --out graded.csv
 * }</pre>
 */
@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = {
      "Grades predictions against results: one row per player, game and system (later",
      "predictions replace earlier ones), DNPs void, PASS and no-line rows outside the hit rate.",
      "Writes the graded rows and prints the summary; `courtside report` charts them."
    },
    footer = {
      "%nInputs (JSON arrays, as the demo writes them in its folder):",
      "  predictions: {player_lookup, game_id, game_date, predicted_points, line,",
      "                recommendation, model_id, model_type, fallback_reason, quality_tier}",
      "  results:     {player_lookup, game_id, points, minutes, dnp}",
      "%nExamples:",
      "  courtside grade --predictions demo/predictions.json --results demo/results.json"
          + " --out graded.csv",
      "  courtside grade --predictions p.json --results r.json --out graded.json"
    })
final class GradeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--predictions", required = true, description = "Predictions JSON file.")
  Path predictions;

  @Option(names = "--results", required = true, description = "Results JSON file.")
  Path results;

  @Option(
      names = "--out",
      required = true,
      description = "Graded rows: a .csv or .json file (its folder is created if absent).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    Path target = outputFile();
    List<Prediction> predicted = read("--predictions", predictions, GradingFiles::readPredictions);
    List<ActualResult> actual = read("--results", results, GradingFiles::readResults);
    GradingResult graded = new Grader().grade(predicted, actual);
    List<GradedRow> rows = graded.rows().stream().map(GradedRow::of).toList();
    if (target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      GradedRowFiles.writeJson(target, rows);
    } else {
      GradedRowFiles.writeCsv(target, rows);
    }
    AccuracySummary summary =
        new AccuracyMonitor(AccuracyMonitorConfig.defaults()).report(graded.rows()).overall();
    stdout.printf(
        Locale.ROOT,
        "graded %d of %d predictions (%d duplicates replaced, %d placeholder lines skipped, %d"
            + " without a result)%n",
        rows.size(),
        predicted.size(),
        graded.duplicatesDropped(),
        graded.placeholderLinesSkipped(),
        graded.missingResults());
    stdout.printf(
        Locale.ROOT,
        "%d wins, %d losses, %d pushes, %d voids, %d passes, %d without a line; hit rate %s"
            + " (break-even %.2f%%), MAE %s, ROI %s, fallbacks %d%n",
        summary.wins(),
        summary.losses(),
        summary.pushes(),
        summary.voids(),
        summary.passes(),
        summary.noLine(),
        percent(summary.hitRate()),
        100 * AccuracyMonitor.BREAK_EVEN_AT_MINUS_110,
        number(summary.meanAbsoluteError()),
        percent(summary.roi()),
        summary.fallbacks());
    stdout.printf(Locale.ROOT, "graded rows in %s%n", target);
    stdout.flush();
    return 0;
  }

  private Path outputFile() {
    if (out.toString().isBlank()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--out needs the path of a .csv or .json file; it was empty");
    }
    if (Files.isDirectory(out)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--out " + out + " is a folder; give a .csv or .json file in it");
    }
    Path absolute = out.toAbsolutePath();
    @Nullable Path parent = absolute.getParent();
    if (parent != null) {
      WritableFolder.require(spec.commandLine(), "--out", parent);
    }
    if (Files.exists(absolute) && !Files.isWritable(absolute)) {
      throw new CommandFailure("--out " + out + ": the file is not writable");
    }
    return absolute;
  }

  /** Reads an input file, naming the option when it is missing, a folder or malformed. */
  static <T> List<T> read(
      String option, Path file, java.util.function.Function<Path, List<T>> reader) {
    if (file.toString().isBlank()) {
      throw new CommandFailure(option + " needs a file; it was empty");
    }
    if (Files.isDirectory(file)) {
      throw new CommandFailure(option + " " + file + " is a folder, not a file");
    }
    if (!Files.exists(file)) {
      throw new CommandFailure(option + " " + file + ": no such file");
    }
    try {
      return reader.apply(file);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(String.valueOf(e.getMessage()), e);
    }
  }

  private static String percent(OptionalDouble value) {
    return value.isPresent()
        ? String.format(Locale.ROOT, "%.2f%%", 100 * value.getAsDouble())
        : "n/a";
  }

  private static String number(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.2f", value.getAsDouble()) : "n/a";
  }
}

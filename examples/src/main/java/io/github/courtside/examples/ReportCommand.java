package io.github.courtside.examples;

import io.github.courtside.examples.report.GradedRow;
import io.github.courtside.examples.report.GradedRowFiles;
import io.github.courtside.examples.report.ReportFolder;
import io.github.courtside.examples.report.ReportFolderSetup;
import io.github.courtside.examples.report.StepTiming;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code courtside report}: turns graded rows (from {@code courtside grade} or the demo) into the
 * report folder: {@code index.html} with PNG charts, the summary table and the rows as CSV and
 * JSON.
 *
 * <pre>{@code
 * bin/courtside report --graded graded.csv --out report
 * }</pre>
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the report folder from graded rows: index.html with PNG charts (hit rate over time",
      "with the 52.38% break-even line and a Wilson band, calibration, edge buckets, quality tiers,",
      "fallbacks per day, consolidation timings), the summary table, graded.csv and graded.json."
    },
    footer = {
      "%nExamples:",
      "  courtside report --graded graded.csv --out report",
      "  courtside report --graded demo/report/graded.json --timings"
          + " demo/report/consolidation.json --out report"
    })
final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--graded",
      required = true,
      description = "Graded rows: graded.csv or graded.json as `courtside grade` writes them.")
  Path graded;

  @Option(
      names = "--timings",
      description = "Consolidation step timings (consolidation.json of a demo report).")
  @Nullable Path timings;

  @Option(names = "--out", required = true, description = "The report folder (created if absent).")
  Path out;

  @Option(names = "--title", defaultValue = "Courtside report", description = "The page title.")
  String title = "Courtside report";

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    if (out.toString().isBlank()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--out needs a folder; it was empty");
    }
    Path folder = WritableFolder.require(spec.commandLine(), "--out", out);
    List<GradedRow> rows = GradeCommand.read("--graded", graded, GradedRowFiles::read);
    if (rows.isEmpty()) {
      throw new CommandFailure("no graded rows in " + graded + ": there is nothing to report");
    }
    ReportFolderSetup.Builder report = ReportFolder.builder(title, rows);
    Path timingFile = timings;
    if (timingFile != null) {
      List<StepTiming> steps =
          GradeCommand.read("--timings", timingFile, GradedRowFiles::readTimings);
      report.timings(steps);
    }
    Path index = report.build().writeTo(folder);
    stdout.printf("report of %d graded rows: %s%n", rows.size(), index);
    stdout.flush();
    return 0;
  }
}

package io.github.courtside.examples;

import io.github.courtside.scrapers.JsonStyle;
import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.injury.InjuryReport;
import io.github.courtside.scrapers.injury.InjuryReportJson;
import io.github.courtside.scrapers.injury.InjuryReportParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code courtside parse-injury-report FILE.pdf [FILE...]}: parses NBA injury report PDFs and
 * prints each as JSON, one document per line (indented with {@code --pretty} when there is one
 * file). Non-ASCII characters are written as JSON escapes, so names like "Dončić" survive a console
 * whose charset is not UTF-8. Every file gets a document; the exit code is 1 and stderr names each
 * file that could not be parsed.
 *
 * <pre>{@code
 * bin/courtside parse-injury-report ../shared/fixtures/injury-report/injury-report-2024-01-04-1230PM.pdf
 * }</pre>
 */
@Command(
    name = "parse-injury-report",
    mixinStandardHelpOptions = true,
    description = "Parse NBA injury report PDFs and print JSON (one document per line).")
public final class ParseInjuryReportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "injury report PDF files")
  List<Path> files = new ArrayList<>();

  @Option(names = "--pretty", description = "indent the JSON (only with a single file)")
  boolean pretty;

  @Override
  public Integer call() {
    PdfBoxLogging.quiet();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    InjuryReportParser parser = InjuryReportParser.create();
    int failures = 0;
    for (Path file : files) {
      InjuryReport report = parser.parse(file);
      out.println(
          InjuryReportJson.toJson(
              report,
              (pretty && files.size() == 1 ? JsonStyle.PRETTY : JsonStyle.COMPACT)
                  .escapingNonAscii()));
      if (report.status() == ParseStatus.FAILED) {
        failures++;
        err.println(
            "parse-injury-report: "
                + file
                + ": "
                + report.failureReason().orElse("could not be parsed"));
      }
    }
    out.flush();
    err.flush();
    return failures == 0 ? 0 : 1;
  }
}

package io.github.courtside.examples;

import io.github.courtside.scrapers.JsonStyle;
import io.github.courtside.scrapers.ParseStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the PDF parsing commands share: parse every file in one process, print one JSON document per
 * file and line (indented with {@code --pretty} when there is one file), report each failed file on
 * stderr and exit 1 if any failed. Non-ASCII characters are written as JSON escapes, so names like
 * "Dončić" survive a console whose charset is not UTF-8.
 *
 * @param <T> the parsed document
 */
abstract class PdfParseCommand<T> implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "PDF files")
  List<Path> files = new ArrayList<>();

  @Option(names = "--pretty", description = "indent the JSON (only with a single file)")
  boolean pretty;

  /** Parses one file; never throws for a bad document. */
  abstract T parse(Path file);

  /** The document as JSON. */
  abstract String toJson(T document, JsonStyle style);

  /** Whether the document could be read. */
  abstract ParseStatus status(T document);

  /** Why a failed document could not be read. */
  abstract Optional<String> failureReason(T document);

  @Override
  public final Integer call() {
    PdfBoxLogging.quiet();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JsonStyle style =
        (pretty && files.size() == 1 ? JsonStyle.PRETTY : JsonStyle.COMPACT).escapingNonAscii();
    int failures = 0;
    for (Path file : files) {
      T document = parse(file);
      out.println(toJson(document, style));
      if (status(document) == ParseStatus.FAILED) {
        failures++;
        err.println(
            "courtside: "
                + spec.name()
                + ": "
                + file
                + ": "
                + failureReason(document).orElse("could not be parsed"));
      }
    }
    out.flush();
    err.flush();
    return failures == 0 ? 0 : 1;
  }
}

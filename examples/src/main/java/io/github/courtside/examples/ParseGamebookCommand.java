package io.github.courtside.examples;

import io.github.courtside.scrapers.JsonStyle;
import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.GamebookJson;
import io.github.courtside.scrapers.gamebook.GamebookParser;
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
 * {@code courtside parse-gamebook FILE.pdf [FILE...]}: parses NBA.com gamebook PDFs and prints each
 * as JSON, one document per line (indented with {@code --pretty} when there is one file). Every
 * file gets a document, failed ones too ({@code "data_status":"failed"} with a {@code
 * failure_reason}); the exit code is 1 and stderr names each file that could not be parsed.
 *
 * <pre>{@code
 * bin/courtside parse-gamebook ../shared/fixtures/gamebook/20240410-MEMCLE.rendered.pdf --pretty
 * bin/courtside parse-gamebook a.pdf b.pdf > gamebooks.jsonl
 * }</pre>
 */
@Command(
    name = "parse-gamebook",
    mixinStandardHelpOptions = true,
    description = "Parse NBA.com gamebook PDFs and print JSON (one document per line).")
public final class ParseGamebookCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "gamebook PDF files")
  List<Path> files = new ArrayList<>();

  @Option(names = "--pretty", description = "indent the JSON (only with a single file)")
  boolean pretty;

  @Override
  public Integer call() {
    PdfBoxLogging.quiet();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GamebookParser parser = GamebookParser.create();
    int failures = 0;
    for (Path file : files) {
      Gamebook gamebook = parser.parse(file);
      out.println(
          GamebookJson.toJson(
              gamebook,
              (pretty && files.size() == 1 ? JsonStyle.PRETTY : JsonStyle.COMPACT)
                  .escapingNonAscii()));
      if (gamebook.status() == ParseStatus.FAILED) {
        failures++;
        err.println(
            "parse-gamebook: "
                + file
                + ": "
                + gamebook.failureReason().orElse("could not be parsed"));
      }
    }
    out.flush();
    err.flush();
    return failures == 0 ? 0 : 1;
  }
}

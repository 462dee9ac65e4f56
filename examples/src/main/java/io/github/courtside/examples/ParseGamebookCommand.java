package io.github.courtside.examples;

import io.github.courtside.scrapers.JsonStyle;
import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.GamebookJson;
import io.github.courtside.scrapers.gamebook.GamebookParser;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code courtside parse-gamebook FILE.pdf [FILE...]}: parses NBA.com gamebook PDFs and prints each
 * as JSON. Every file gets a document, failed ones too ({@code "data_status":"failed"} with a
 * {@code failure_reason}).
 *
 * <pre>{@code
 * bin/courtside parse-gamebook ../shared/fixtures/gamebook/20240410-MEMCLE.rendered.pdf --pretty
 * bin/courtside parse-gamebook a.pdf b.pdf > gamebooks.jsonl
 * }</pre>
 */
@Command(
    name = "parse-gamebook",
    mixinStandardHelpOptions = true,
    description = "Parse NBA.com gamebook PDFs and print JSON (one document per line).",
    footer = {
      "%nExamples:",
      "  courtside parse-gamebook 20240410-MEMCLE.pdf --pretty",
      "  courtside parse-gamebook gamebooks/*.pdf > gamebooks.jsonl"
    })
public final class ParseGamebookCommand extends PdfParseCommand<Gamebook> {
  private final GamebookParser parser = GamebookParser.create();

  @Override
  Gamebook parse(Path file) {
    return parser.parse(file);
  }

  @Override
  String toJson(Gamebook document, JsonStyle style) {
    return GamebookJson.toJson(document, style);
  }

  @Override
  ParseStatus status(Gamebook document) {
    return document.status();
  }

  @Override
  Optional<String> failureReason(Gamebook document) {
    return document.failureReason();
  }
}

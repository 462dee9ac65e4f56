package io.github.courtside.examples;

import io.github.courtside.scrapers.JsonStyle;
import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.injury.InjuryReport;
import io.github.courtside.scrapers.injury.InjuryReportJson;
import io.github.courtside.scrapers.injury.InjuryReportParser;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code courtside parse-injury-report FILE.pdf [FILE...]}: parses NBA injury report PDFs and
 * prints each as JSON, teams not yet submitted included.
 *
 * <pre>{@code
 * bin/courtside parse-injury-report ../shared/fixtures/injury-report/injury-report-2024-01-04-1230PM.pdf
 * }</pre>
 */
@Command(
    name = "parse-injury-report",
    mixinStandardHelpOptions = true,
    description = "Parse NBA injury report PDFs and print JSON (one document per line).",
    footer = {
      "%nExamples:",
      "  courtside parse-injury-report injury-report-2024-01-04-1230PM.pdf --pretty",
      "  courtside parse-injury-report reports/*.pdf > injuries.jsonl"
    })
public final class ParseInjuryReportCommand extends PdfParseCommand<InjuryReport> {
  private final InjuryReportParser parser = InjuryReportParser.create();

  @Override
  InjuryReport parse(Path file) {
    return parser.parse(file);
  }

  @Override
  String toJson(InjuryReport document, JsonStyle style) {
    return InjuryReportJson.toJson(document, style);
  }

  @Override
  ParseStatus status(InjuryReport document) {
    return document.status();
  }

  @Override
  Optional<String> failureReason(InjuryReport document) {
    return document.failureReason();
  }
}

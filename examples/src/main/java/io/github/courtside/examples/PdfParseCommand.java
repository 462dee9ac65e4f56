package io.github.courtside.examples;

import io.github.courtside.scrapers.JsonStyle;
import io.github.courtside.scrapers.ParseStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the PDF parsing commands share: parse every file in one process, print one JSON document per
 * file and line (indented with {@code --pretty} when there is one file), report each failed file on
 * stderr and exit 1 if any failed. Non-ASCII characters are written as JSON escapes, so names like
 * "Dončić" survive a console whose charset is not UTF-8. Files are parsed in parallel on {@code
 * --threads} threads (default: every core), and printed in the order given.
 *
 * @param <T> the parsed document
 */
abstract class PdfParseCommand<T> implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "PDF files")
  List<Path> files = new ArrayList<>();

  @Option(names = "--pretty", description = "indent the JSON (only with a single file)")
  boolean pretty;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "files parsed at once (default: the number of cores)")
  int threads = Runtime.getRuntime().availableProcessors();

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
    if (threads < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--threads must be at least 1, got " + threads);
    }
    int failures = 0;
    List<T> documents = parseAll();
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      T document = documents.get(i);
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

  /** Every file parsed, in the given order; a single file or thread parses on this thread. */
  private List<T> parseAll() {
    int workers = Math.min(threads, files.size());
    if (workers <= 1) {
      return files.stream().map(this::parse).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Path file : files) {
        futures.add(pool.submit(() -> parse(file)));
      }
      List<T> documents = new ArrayList<>();
      for (Future<T> future : futures) {
        documents.add(future.get());
      }
      return documents;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("parse failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}

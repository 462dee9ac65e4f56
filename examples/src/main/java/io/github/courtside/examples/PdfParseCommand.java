package io.github.courtside.examples;

import io.github.courtside.scrapers.JsonStyle;
import io.github.courtside.scrapers.ParseStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the PDF parsing commands share: parse every file in one process, print one JSON document per
 * file and line (indented with {@code --pretty} when there is one file), report each failed file on
 * stderr and exit 1 if any failed. Non-ASCII characters are written as JSON escapes, so names like
 * "Dončić" survive a console whose charset is not UTF-8. Files are parsed in parallel on {@code
 * --threads} threads (default: every core), each rendered to JSON on the thread that parsed it, and
 * printed in the order given as soon as it and every file before it are done.
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
    int workers = Math.min(threads, files.size());
    ExecutorService pool = workers <= 1 ? null : Executors.newFixedThreadPool(workers, new Named());
    try {
      // At most a few files per thread in flight: the output streams out in order while later
      // files are parsed, and finished documents do not pile up on the heap.
      Deque<Future<Printed>> pending = new ArrayDeque<>();
      int next = 0;
      while (next < files.size() || !pending.isEmpty()) {
        while (next < files.size()
            && (pool == null ? pending.isEmpty() : pending.size() < 4 * workers)) {
          Path file = files.get(next++);
          Callable<Printed> job = () -> print(file, style);
          if (pool == null) {
            FutureTask<Printed> task = new FutureTask<>(job);
            task.run();
            pending.add(task);
          } else {
            pending.add(pool.submit(job));
          }
        }
        Printed printed = await(pending.removeFirst());
        out.println(printed.json());
        if (printed.failure() != null) {
          failures++;
          err.println("courtside: " + spec.name() + ": " + printed.failure());
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    out.flush();
    err.flush();
    return failures == 0 ? 0 : 1;
  }

  /** Parses one file and renders it, on the calling (worker) thread. */
  private Printed print(Path file, JsonStyle style) {
    T document = parse(file);
    String failure =
        status(document) == ParseStatus.FAILED
            ? file + ": " + failureReason(document).orElse("could not be parsed")
            : null;
    return new Printed(toJson(document, style), failure);
  }

  private static Printed await(Future<Printed> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("parse failed: " + e.getCause(), e.getCause());
    }
  }

  /** One file's JSON line and, when it failed, the stderr message. */
  private record Printed(String json, @Nullable String failure) {}

  /** Daemon threads named after the command, so a thread dump shows who parses. */
  private static final class Named implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, "courtside-cli-parse-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}

package io.github.courtside.scrapers.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hard wall-clock budget around the work of one document: the work runs on a worker thread and
 * the caller waits at most the budget. When the budget runs out the worker is interrupted, every
 * resource it registered with {@link #closeOnCancel} (the open {@code PDDocument}) is closed, and
 * the caller gets the failure result at once, whatever the worker is doing. Cooperative checks in
 * the extractor and the parsers ({@link #checkCancelled()}) make the worker stop soon after.
 *
 * <p>Each calling thread has a worker of its own, so a caller's documents run one after another on
 * the same thread and core. A pool shared by all callers hands each document to whichever worker is
 * idle: the callers' work then hops between threads and cores, and on 2 cores two callers parsed
 * only ~1.4× as fast as one (2.1× with a worker each; threads {@code courtside-parse-N}). A worker
 * whose document ran out of time is left to stop by itself and the caller gets a new one; a worker
 * idle for a minute ends, and the next document starts another.
 *
 * <p>{@link OutOfMemoryError} and {@link StackOverflowError} thrown by one document's work never
 * reach the caller: they, and any other throwable, become the failure result with the reason.
 *
 * <pre>{@code
 * TimeBudget budget = TimeBudget.of(Duration.ofSeconds(2));
 * Gamebook g = budget.run(() -> parseNow(bytes), reason -> failed(reason));
 * }</pre>
 */
public final class TimeBudget {
  private static final Logger log = LoggerFactory.getLogger(TimeBudget.class);
  private static final Duration WORKER_IDLE_TIME = Duration.ofMinutes(1);
  private static final Workers WORKER_THREADS = new Workers();
  private static final ThreadLocal<@Nullable ThreadPoolExecutor> WORKER = new ThreadLocal<>();
  private static final ThreadLocal<@Nullable List<Closeable>> RESOURCES = new ThreadLocal<>();

  private final Duration limit;

  private TimeBudget(Duration limit) {
    Objects.requireNonNull(limit, "limit");
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("time budget must be positive, got " + limit);
    }
    this.limit = limit;
  }

  /** A budget of the given wall-clock time per document. */
  public static TimeBudget of(Duration limit) {
    return new TimeBudget(limit);
  }

  /** The wall-clock limit. */
  public Duration limit() {
    return limit;
  }

  /**
   * Runs {@code work} within the budget.
   *
   * @param work the document's extraction and parsing
   * @param onFailure turns a failure reason (time out, out of memory, stack overflow, an unexpected
   *     exception) into the caller's failed result
   */
  public <T> T run(Callable<T> work, Function<String, T> onFailure) {
    List<Closeable> resources = new ArrayList<>();
    ThreadPoolExecutor worker = callersWorker();
    Future<T> future;
    try {
      future =
          worker.submit(
              () -> {
                RESOURCES.set(resources);
                try {
                  return work.call();
                } finally {
                  RESOURCES.remove();
                }
              });
    } catch (RuntimeException e) {
      retire(worker);
      return onFailure.apply("cannot start the parse: " + e);
    }
    try {
      return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      retire(worker);
      closeAll(resources);
      return onFailure.apply(
          PdfExtractionException.Reason.TIMED_OUT
              + ": parsing exceeded its time budget of "
              + limit.toMillis()
              + " ms");
    } catch (InterruptedException e) {
      future.cancel(true);
      retire(worker);
      closeAll(resources);
      Thread.currentThread().interrupt();
      return onFailure.apply("interrupted while parsing");
    } catch (ExecutionException e) {
      return onFailure.apply(describe(e.getCause() == null ? e : e.getCause()));
    } catch (CancellationException e) {
      return onFailure.apply("parse cancelled");
    }
  }

  /** The calling thread's worker: one thread, started on demand, ending after an idle minute. */
  private static ThreadPoolExecutor callersWorker() {
    ThreadPoolExecutor worker = WORKER.get();
    if (worker == null) {
      worker =
          new ThreadPoolExecutor(
              1,
              1,
              WORKER_IDLE_TIME.toNanos(),
              TimeUnit.NANOSECONDS,
              new LinkedBlockingQueue<>(),
              WORKER_THREADS);
      worker.allowCoreThreadTimeOut(true);
      WORKER.set(worker);
    }
    return worker;
  }

  /**
   * Gives up a worker that may still be busy with a cancelled document: it takes no more work and
   * ends once that document stops; the caller's next document gets a new worker.
   */
  private static void retire(ThreadPoolExecutor worker) {
    worker.shutdown();
    WORKER.remove();
  }

  /**
   * Registers a resource of the current worker to close when its budget runs out; a no-op outside a
   * budget's worker.
   */
  public static void closeOnCancel(Closeable resource) {
    List<Closeable> resources = RESOURCES.get();
    if (resources != null) {
      synchronized (resources) {
        resources.add(resource);
      }
    }
  }

  /**
   * Throws {@link CancellationException} when the current thread was interrupted (its budget ran
   * out); called by the parsers between lines.
   */
  public static void checkCancelled() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("the document's time budget ran out");
    }
  }

  static String describe(Throwable failure) {
    if (failure instanceof OutOfMemoryError) {
      return PdfExtractionException.Reason.TOO_LARGE + ": out of memory while parsing: " + failure;
    }
    if (failure instanceof StackOverflowError) {
      return PdfExtractionException.Reason.UNREADABLE
          + ": stack overflow while parsing (nesting too deep or cyclic references)";
    }
    if (failure instanceof PdfExtractionException extraction) {
      return extraction.reason() + ": " + extraction.getMessage();
    }
    return "parser failure: " + failure;
  }

  private static void closeAll(List<Closeable> resources) {
    List<Closeable> copy;
    synchronized (resources) {
      copy = List.copyOf(resources);
    }
    for (Closeable resource : copy) {
      try {
        resource.close();
      } catch (IOException | RuntimeException e) {
        log.debug("closing a timed-out document failed: {}", e.toString());
      }
    }
  }

  /** Daemon worker threads with a large stack, so deep nesting fails cleanly, not the caller. */
  private static final class Workers implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread =
          new Thread(null, runnable, "courtside-parse-" + count.incrementAndGet(), 8L << 20);
      thread.setDaemon(true);
      return thread;
    }
  }
}

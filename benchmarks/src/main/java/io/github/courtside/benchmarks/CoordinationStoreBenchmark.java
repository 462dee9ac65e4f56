package io.github.courtside.benchmarks;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentQuery;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.duckdb.DuckDbDatabase;
import io.github.courtside.duckdb.coordination.DuckDbCoordinationStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The coordination store under the completion tracker's and the lease lock's load, on the in-memory
 * store and on DuckDB in a temporary file, with {@link #history} documents already stored in other
 * batches (so that a query which scans the table, instead of the batch's prefix, shows it).
 *
 * <ul>
 *   <li>{@code completionRecord}, {@code completionRecord8}, {@code completionRecord64}: exactly
 *       the store calls one {@code CompletionTracker.record} makes for a new item of a known batch
 *       (the batch definition is cached): create the item's done document, count the batch's done
 *       documents, get the closure document. Completion records per second, from 1 and from 8
 *       threads.
 *   <li>{@code completionRecordPipelined}: the same calls for 64 records from one thread, whose
 *       creates are in flight together ({@code createIfAbsentAsync}, what {@code
 *       CompletionTracker.recordAsync} does): records per second.
 *   <li>{@code createIfAbsent} and {@code createIfAbsent8}: one new document per call.
 *   <li>{@code countBatch}, {@code newestById}, {@code newestByField}: the prefix count, the lease
 *       lock's newest-token query and the stall check's newest-record query over one batch of 1,000
 *       documents among the history (latency).
 * </ul>
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar CoordinationStoreBenchmark -p kind=duckdb
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class CoordinationStoreBenchmark {
  /** Documents per batch, in the history and in the benchmarked batches. */
  static final int BATCH_SIZE = 1_000;

  /** Records one thread keeps in flight in {@link #completionRecordPipelined}. */
  static final int WINDOW = 64;

  /** The store: {@code memory} or {@code duckdb}. */
  @Param({"memory", "duckdb"})
  public String kind = "memory";

  /** Documents stored before measuring, in batches of {@link #BATCH_SIZE}. */
  @Param({"100000"})
  public int history = 100_000;

  private static final Instant AT = Instant.parse("2024-04-10T19:30:00.123456Z");

  private CoordinationStore store = new InMemoryCoordinationStore();
  private @Nullable DuckDbDatabase database;
  private final AtomicLong next = new AtomicLong();
  private String probedBatch = "history/batch-0000000/done";

  /** A fresh store holding {@link #history} documents, written from 64 threads. */
  @Setup(Level.Trial)
  public void fill() {
    close();
    if (kind.equals("duckdb")) {
      Path folder;
      try {
        folder = Files.createTempDirectory("courtside-bench");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      database = DuckDbDatabase.open(folder.resolve("store.duckdb"));
      store = new DuckDbCoordinationStore(database);
    } else {
      store = new InMemoryCoordinationStore();
    }
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try {
      List<Future<Boolean>> writes = new ArrayList<>(history);
      for (int n = 0; n < history; n++) {
        Document document = historyDocument(n);
        writes.add(pool.submit(() -> store.createIfAbsent(document)));
      }
      for (Future<Boolean> write : writes) {
        write.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    probedBatch = "history/" + batchId(Math.max(0, history - 1) / BATCH_SIZE / 2) + "/done";
  }

  /** Closes the DuckDB database, if one is open. */
  @TearDown(Level.Trial)
  public void close() {
    if (database != null) {
      database.close();
      database = null;
    }
  }

  /** One completion record's store calls, from one thread. */
  @Benchmark
  public Optional<Document> completionRecord() {
    return record();
  }

  /** One completion record's store calls, from each of 8 threads. */
  @Benchmark
  @Threads(8)
  public Optional<Document> completionRecord8() {
    return record();
  }

  /** One completion record's store calls, from each of 64 threads (a fleet of workers). */
  @Benchmark
  @Threads(64)
  public Optional<Document> completionRecord64() {
    return record();
  }

  /**
   * {@link #WINDOW} completion records' store calls from one thread, pipelined: the creates are in
   * flight together ({@code createIfAbsentAsync}), then each record's count and closure get.
   */
  @Benchmark
  @OperationsPerInvocation(WINDOW)
  public int completionRecordPipelined() {
    List<CompletableFuture<Boolean>> creates = new ArrayList<>(WINDOW);
    long first = next.getAndAdd(WINDOW);
    for (long n = first; n < first + WINDOW; n++) {
      creates.add(store.createIfAbsentAsync(recordDocument(n)));
    }
    int found = 0;
    for (int k = 0; k < WINDOW; k++) {
      creates.get(k).join();
      String batch = "records/" + batchId((first + k) / BATCH_SIZE);
      found += (int) store.count(batch + "/done", "");
      found += store.get(batch + "/closure/closed").isPresent() ? 1 : 0;
    }
    return found;
  }

  /** One new document per call, from one thread. */
  @Benchmark
  public boolean createIfAbsent() {
    return store.createIfAbsent(benchDocument(next.getAndIncrement()));
  }

  /** One new document per call, from each of 8 threads. */
  @Benchmark
  @Threads(8)
  public boolean createIfAbsent8() {
    return store.createIfAbsent(benchDocument(next.getAndIncrement()));
  }

  /** The done documents of one batch of the history. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long countBatch() {
    return store.count(probedBatch, "");
  }

  /** The newest document by id of one batch of the history (the lease lock's token query). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<Document> newestById() {
    return store.query(DocumentQuery.in(probedBatch).orderByIdDescending().limit(1).build());
  }

  /** The newest document by a timestamp field of one batch (the stall check's query). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<Document> newestByField() {
    return store.query(DocumentQuery.in(probedBatch).orderBy("recorded_at", true).limit(1).build());
  }

  private Optional<Document> record() {
    long n = next.getAndIncrement();
    String batch = "records/" + batchId(n / BATCH_SIZE);
    store.createIfAbsent(recordDocument(n));
    store.count(batch + "/done", "");
    return store.get(batch + "/closure/closed");
  }

  private static Document recordDocument(long n) {
    return Document.of(
        "records/" + batchId(n / BATCH_SIZE) + "/done/" + itemId(n),
        Map.of("item", itemId(n), "recorded_at", AT.plusNanos(n * 1_000), "rows", 3L));
  }

  static Document historyDocument(long n) {
    return Document.of(
        "history/" + batchId(n / BATCH_SIZE) + "/done/" + itemId(n),
        Map.of("item", itemId(n), "recorded_at", AT.plusNanos(n * 1_000), "rows", n));
  }

  static Document benchDocument(long n) {
    return Document.of("creates/c1/items/" + itemId(n), Map.of("rows", n));
  }

  private static String batchId(long batch) {
    return String.format("batch-%07d", batch);
  }

  private static String itemId(long n) {
    return String.format("player-%019d", n);
  }
}

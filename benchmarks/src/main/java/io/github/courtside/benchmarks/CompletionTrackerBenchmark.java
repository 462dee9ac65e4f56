package io.github.courtside.benchmarks;

import io.github.courtside.core.completion.BatchId;
import io.github.courtside.core.completion.Completion;
import io.github.courtside.core.completion.CompletionTracker;
import io.github.courtside.core.completion.CompletionTrackerConfig;
import io.github.courtside.core.completion.RecordOutcome;
import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Completion records per second: each call records one new item of a started batch (create the item
 * document, count the batch, check for completion), on the in-memory store, on DuckDB in a file,
 * and on the Firestore emulator named by {@code FIRESTORE_EMULATOR_HOST}: {@code record} one call
 * at a time, {@code recordPipelined} 50 {@code recordAsync} calls in flight from one thread.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar CompletionTrackerBenchmark -p store=duckdb
 * FIRESTORE_EMULATOR_HOST=127.0.0.1:8080 java -jar benchmarks/target/benchmarks.jar \
 *     CompletionTrackerBenchmark -p store=emulator
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class CompletionTrackerBenchmark {
  /** Items per batch; a new batch starts when one is used up. */
  static final int BATCH_SIZE = 5_000;

  /** Records in flight together in {@link #recordPipelined} (divides {@link #BATCH_SIZE}). */
  static final int WINDOW = 50;

  /** The store: {@code memory}, {@code duckdb} or {@code emulator}. */
  @Param({"memory", "duckdb", "emulator"})
  public String store = "memory";

  private final AtomicLong next = new AtomicLong();
  private final List<String> items =
      IntStream.range(0, BATCH_SIZE).mapToObj(i -> "player-" + i).toList();
  private CompletionTracker tracker =
      new CompletionTracker(new InMemoryCoordinationStore(), CompletionTrackerConfig.defaults());
  private volatile BatchId batch = new BatchId("bench", 1);
  private AutoCloseable resource = () -> {};

  /** Opens the store and starts the first batch. */
  @Setup(Level.Trial)
  public void open() throws IOException {
    BenchmarkStores.Opened opened = BenchmarkStores.open(store);
    resource = opened.resource();
    CoordinationStore coordination = opened.store();
    tracker =
        new CompletionTracker(
            coordination,
            CompletionTrackerConfig.builder()
                .collection("bench-" + UUID.randomUUID().toString().substring(0, 8))
                .build());
    startBatch();
  }

  /** Closes the store. */
  @TearDown(Level.Trial)
  public void close() throws Exception {
    resource.close();
  }

  /** Records the next item of the current batch. */
  @Benchmark
  public RecordOutcome record() {
    long n = next.getAndIncrement();
    int index = (int) (n % BATCH_SIZE);
    BatchId current = batch;
    RecordOutcome outcome = tracker.record(current, items.get(index), Completion.rows(3));
    if (outcome.completedBatch()) {
      startBatch();
    }
    return outcome;
  }

  /**
   * Records the next {@link #WINDOW} items of the current batch from one thread with {@code
   * recordAsync}, all in flight together, and waits for their outcomes.
   */
  @Benchmark
  @OperationsPerInvocation(WINDOW)
  public int recordPipelined() {
    long first = next.getAndAdd(WINDOW);
    BatchId current = batch;
    List<CompletableFuture<RecordOutcome>> pending = new ArrayList<>(WINDOW);
    for (long n = first; n < first + WINDOW; n++) {
      pending.add(
          tracker.recordAsync(current, items.get((int) (n % BATCH_SIZE)), Completion.rows(3)));
    }
    int recorded = 0;
    boolean completed = false;
    for (CompletableFuture<RecordOutcome> outcome : pending) {
      RecordOutcome result = outcome.join();
      completed |= result.completedBatch();
      recorded += result.status() == RecordOutcome.Status.RECORDED ? 1 : 0;
    }
    if (completed) {
      startBatch();
    }
    return recorded;
  }

  private synchronized void startBatch() {
    batch = tracker.start("scope-" + UUID.randomUUID(), items);
  }
}

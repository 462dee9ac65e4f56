package io.github.courtside.benchmarks;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.core.lock.Lease;
import io.github.courtside.core.lock.LeaseLock;
import io.github.courtside.core.lock.LeaseLockConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A lease lock's round trips, by latency, on the in-memory store, on DuckDB in a file and on the
 * Firestore emulator named by {@code FIRESTORE_EMULATOR_HOST}: {@code acquireRelease} acquires a
 * free lock and releases it (the acquisition's query and create, the release's query and create),
 * {@code renew} renews a held lease (a create and a query). Old positions are compacted in the
 * background as in production.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar LeaseLockBenchmark -p store=duckdb
 * FIRESTORE_EMULATOR_HOST=127.0.0.1:8080 java -jar benchmarks/target/benchmarks.jar \
 *     LeaseLockBenchmark -p store=emulator
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class LeaseLockBenchmark {
  /** The store: {@code memory}, {@code duckdb} or {@code emulator}. */
  @Param({"memory", "duckdb", "emulator"})
  public String store = "memory";

  private AutoCloseable resource = () -> {};
  private LeaseLock lock =
      new LeaseLock(new InMemoryCoordinationStore(), LeaseLockConfig.defaults());
  private Lease held = lock.tryAcquire("held").orElseThrow();

  /** Opens the store and takes the lease {@link #renew} renews. */
  @Setup(Level.Trial)
  public void open() throws IOException {
    lock.close();
    BenchmarkStores.Opened opened = BenchmarkStores.open(store);
    resource = opened.resource();
    CoordinationStore coordination = opened.store();
    lock =
        new LeaseLock(
            coordination,
            LeaseLockConfig.builder()
                .collection("bench-" + UUID.randomUUID().toString().substring(0, 8))
                .owner("bench")
                .lease(Duration.ofSeconds(30))
                .renewInBackground(false)
                .build());
    held = lock.tryAcquire("held").orElseThrow();
  }

  /** Closes the lock and the store. */
  @TearDown(Level.Trial)
  public void close() throws Exception {
    lock.close();
    resource.close();
  }

  /** Acquires a free lock and releases it. */
  @Benchmark
  public long acquireRelease() {
    try (Lease lease = lock.tryAcquire("nightly").orElseThrow()) {
      return lease.token().value();
    }
  }

  /** Renews a held lease. */
  @Benchmark
  public Lease renew() {
    lock.renew(held);
    return held;
  }
}

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
 * Create-if-absent and newest-document queries (the lease lock's two hot operations) on the
 * in-memory store and on DuckDB in a temporary file.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar CoordinationStoreBenchmark -p store=duckdb
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CoordinationStoreBenchmark {
  /** The store: {@code memory} or {@code duckdb}. */
  @Param({"memory", "duckdb"})
  public String kind = "memory";

  private CoordinationStore store = new InMemoryCoordinationStore();
  private @Nullable DuckDbDatabase database;
  private long next;

  /** A fresh store with 10,000 documents in one collection. */
  @Setup(Level.Iteration)
  public void fill() {
    closeDatabase();
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
    for (next = 0; next < 10_000; next++) {
      store.createIfAbsent(document(next));
    }
  }

  /** Closes the DuckDB database, if one is open. */
  @TearDown(Level.Iteration)
  public void closeDatabase() {
    if (database != null) {
      database.close();
      database = null;
    }
  }

  /** One new document per call. */
  @Benchmark
  public boolean createIfAbsent() {
    return store.createIfAbsent(document(next++));
  }

  /** The newest document of the collection. */
  @Benchmark
  public List<Document> newestById() {
    return store.query(DocumentQuery.in("batches/b1/items").orderByIdDescending().limit(1).build());
  }

  static Document document(long n) {
    return Document.of("batches/b1/items/" + String.format("%019d", n), Map.of("rows", n));
  }
}

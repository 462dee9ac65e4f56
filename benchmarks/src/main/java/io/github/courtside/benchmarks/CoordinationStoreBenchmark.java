package io.github.courtside.benchmarks;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentQuery;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Create-if-absent and newest-document queries on the in-memory coordination store. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CoordinationStoreBenchmark {
  private CoordinationStore store = new InMemoryCoordinationStore();
  private long next;

  /** A fresh store with 10,000 documents in one collection. */
  @Setup(Level.Iteration)
  public void fill() {
    store = new InMemoryCoordinationStore();
    for (next = 0; next < 10_000; next++) {
      store.createIfAbsent(document(next));
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

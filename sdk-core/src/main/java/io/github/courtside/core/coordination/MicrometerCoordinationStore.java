package io.github.courtside.core.coordination;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link CoordinationStore} that times every operation of the store it wraps in a Micrometer
 * registry (Micrometer is an optional dependency: only this class needs it): {@code
 * courtside.coordination.operations}, a timer tagged {@code store} (the name given), {@code
 * operation} ({@code create}, {@code get}, {@code query}, {@code count}, {@code count-and-get},
 * {@code delete}) and {@code outcome} ({@code success}, or {@code error} when the operation threw;
 * the exception still reaches the caller). The decorator adds no behaviour: locks, completion
 * trackers and breakers on it work as on the store itself.
 *
 * <pre>{@code
 * CoordinationStore store =
 *     new MicrometerCoordinationStore(new DuckDbCoordinationStore(db), "duckdb", registry);
 * LeaseLock locks = new LeaseLock(store, LeaseLockConfig.defaults());
 * }</pre>
 */
public final class MicrometerCoordinationStore implements CoordinationStore {
  private final CoordinationStore delegate;
  private final String name;
  private final MeterRegistry registry;

  /** Times the operations of {@code delegate}, tagged {@code store=name}, in {@code registry}. */
  public MicrometerCoordinationStore(
      CoordinationStore delegate, String name, MeterRegistry registry) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.name = Objects.requireNonNull(name, "name");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public boolean createIfAbsent(Document document) {
    return timed("create", () -> delegate.createIfAbsent(document));
  }

  /** Delegates without waiting (the delegate's commits stay shared), timed until it completes. */
  @Override
  public CompletableFuture<Boolean> createIfAbsentAsync(Document document) {
    long start = System.nanoTime();
    CompletableFuture<Boolean> created;
    try {
      created = delegate.createIfAbsentAsync(document);
    } catch (RuntimeException e) {
      record("create", "error", start);
      throw e;
    }
    return created.whenComplete(
        (result, error) -> record("create", error == null ? "success" : "error", start));
  }

  @Override
  public Optional<Document> get(String path) {
    return timed("get", () -> delegate.get(path));
  }

  @Override
  public List<Document> query(DocumentQuery query) {
    return timed("query", () -> delegate.query(query));
  }

  @Override
  public long count(String collection, String idPrefix) {
    return timed("count", () -> delegate.count(collection, idPrefix));
  }

  /** Delegates (so that a store reading both in one round trip still does), timed as one. */
  @Override
  public CountAndDocument countAndGet(String collection, String idPrefix, String path) {
    return timed("count-and-get", () -> delegate.countAndGet(collection, idPrefix, path));
  }

  @Override
  public boolean delete(String path) {
    return timed("delete", () -> delegate.delete(path));
  }

  private <T> T timed(String operation, Supplier<T> call) {
    long start = System.nanoTime();
    String outcome = "error";
    try {
      T result = call.get();
      outcome = "success";
      return result;
    } finally {
      record(operation, outcome, start);
    }
  }

  private void record(String operation, String outcome, long start) {
    Timer.builder("courtside.coordination.operations")
        .description("coordination store operations")
        .tag("store", name)
        .tag("operation", operation)
        .tag("outcome", outcome)
        .register(registry)
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  @Override
  public String toString() {
    return "MicrometerCoordinationStore[" + name + ": " + delegate + "]";
  }
}

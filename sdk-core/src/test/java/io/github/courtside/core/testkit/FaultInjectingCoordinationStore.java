package io.github.courtside.core.testkit;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.CoordinationStoreException;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentQuery;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Wraps a real store and makes chosen operations fail, before the delegate runs them (nothing
 * happened) or after (the write happened but the caller sees an error, like a lost
 * acknowledgement). Fault injection on top of a real engine, never a replacement for one.
 *
 * <pre>{@code
 * FaultInjectingCoordinationStore store = new FaultInjectingCoordinationStore(real);
 * store.failNext(Operation.COUNT, Timing.BEFORE, path -> path.endsWith("/done"));
 * store.setPlan((operation, path) -> random.nextDouble() < 0.1 ? Optional.of(Timing.BEFORE)
 *     : Optional.empty());
 * }</pre>
 */
public final class FaultInjectingCoordinationStore implements CoordinationStore {

  /** The store operations. */
  public enum Operation {
    CREATE,
    GET,
    QUERY,
    COUNT,
    DELETE
  }

  /** When an injected failure strikes. */
  public enum Timing {
    /** Before the delegate runs the operation. */
    BEFORE,
    /** After the delegate ran it (writes took effect). */
    AFTER
  }

  /** Decides, per call, whether and when to fail. */
  @FunctionalInterface
  public interface FaultPlan {
    /** Never fails. */
    FaultPlan NONE = (operation, path) -> Optional.empty();

    /** The failure to inject into this call, if any. */
    Optional<Timing> failure(Operation operation, String path);
  }

  private record OneShot(Operation operation, Timing timing, Predicate<String> path) {}

  private record InFlight(Operation operation, Predicate<String> path, Runnable action) {}

  private record Hold(Operation operation, Predicate<String> path, CountDownLatch release) {}

  private final CoordinationStore delegate;
  private final Queue<OneShot> scripted = new ConcurrentLinkedQueue<>();
  private final Queue<InFlight> inFlight = new ConcurrentLinkedQueue<>();
  private final Queue<Hold> holds = new ConcurrentLinkedQueue<>();
  private final AtomicInteger injected = new AtomicInteger();
  private volatile FaultPlan plan = FaultPlan.NONE;

  public FaultInjectingCoordinationStore(CoordinationStore delegate) {
    this.delegate = delegate;
  }

  /** Replaces the standing plan. */
  public void setPlan(FaultPlan plan) {
    this.plan = plan;
  }

  /** Fails the next matching call once. */
  public void failNext(Operation operation, Timing timing, Predicate<String> path) {
    scripted.add(new OneShot(operation, timing, path));
  }

  /**
   * Delays the acknowledgement of the next matching call once: the delegate runs it, then {@code
   * whileInFlight} runs (advance a clock, say: the reply arrives late), then the call returns.
   */
  public void delayAcknowledgement(
      Operation operation, Predicate<String> path, Runnable whileInFlight) {
    inFlight.add(new InFlight(operation, path, whileInFlight));
  }

  /**
   * Holds every matching call, before the delegate runs it, until {@code release} is counted down
   * (or the calling thread is interrupted, which fails the call): a store call that hangs.
   */
  public void holdUntil(Operation operation, Predicate<String> path, CountDownLatch release) {
    holds.add(new Hold(operation, path, release));
  }

  /** How many failures were injected so far. */
  public int injectedFailures() {
    return injected.get();
  }

  @Override
  public boolean createIfAbsent(Document document) {
    hold(Operation.CREATE, document.path());
    Optional<Timing> failure = decide(Operation.CREATE, document.path());
    maybeFail(failure, Timing.BEFORE, Operation.CREATE, document.path());
    boolean created = delegate.createIfAbsent(document);
    acknowledge(Operation.CREATE, document.path());
    maybeFail(failure, Timing.AFTER, Operation.CREATE, document.path());
    return created;
  }

  @Override
  public Optional<Document> get(String path) {
    hold(Operation.GET, path);
    Optional<Timing> failure = decide(Operation.GET, path);
    maybeFail(failure, Timing.BEFORE, Operation.GET, path);
    Optional<Document> document = delegate.get(path);
    acknowledge(Operation.GET, path);
    maybeFail(failure, Timing.AFTER, Operation.GET, path);
    return document;
  }

  @Override
  public List<Document> query(DocumentQuery query) {
    hold(Operation.QUERY, query.collection());
    Optional<Timing> failure = decide(Operation.QUERY, query.collection());
    maybeFail(failure, Timing.BEFORE, Operation.QUERY, query.collection());
    List<Document> documents = delegate.query(query);
    acknowledge(Operation.QUERY, query.collection());
    maybeFail(failure, Timing.AFTER, Operation.QUERY, query.collection());
    return documents;
  }

  @Override
  public long count(String collection, String idPrefix) {
    hold(Operation.COUNT, collection);
    Optional<Timing> failure = decide(Operation.COUNT, collection);
    maybeFail(failure, Timing.BEFORE, Operation.COUNT, collection);
    long count = delegate.count(collection, idPrefix);
    acknowledge(Operation.COUNT, collection);
    maybeFail(failure, Timing.AFTER, Operation.COUNT, collection);
    return count;
  }

  @Override
  public boolean delete(String path) {
    hold(Operation.DELETE, path);
    Optional<Timing> failure = decide(Operation.DELETE, path);
    maybeFail(failure, Timing.BEFORE, Operation.DELETE, path);
    boolean deleted = delegate.delete(path);
    acknowledge(Operation.DELETE, path);
    maybeFail(failure, Timing.AFTER, Operation.DELETE, path);
    return deleted;
  }

  private void hold(Operation operation, String path) {
    for (Hold hold : holds) {
      if (hold.operation() == operation && hold.path().test(path)) {
        try {
          hold.release().await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CoordinationStoreException(path, "interrupted while held");
        }
      }
    }
  }

  private void acknowledge(Operation operation, String path) {
    Iterator<InFlight> pending = inFlight.iterator();
    while (pending.hasNext()) {
      InFlight delayed = pending.next();
      if (delayed.operation() == operation
          && delayed.path().test(path)
          && inFlight.remove(delayed)) {
        delayed.action().run();
        return;
      }
    }
  }

  private Optional<Timing> decide(Operation operation, String path) {
    Iterator<OneShot> shots = scripted.iterator();
    while (shots.hasNext()) {
      OneShot shot = shots.next();
      if (shot.operation() == operation && shot.path().test(path) && scripted.remove(shot)) {
        return Optional.of(shot.timing());
      }
    }
    return plan.failure(operation, path);
  }

  private void maybeFail(Optional<Timing> failure, Timing now, Operation operation, String path) {
    if (failure.isPresent() && failure.get() == now) {
      injected.incrementAndGet();
      throw new CoordinationStoreException(
          path,
          "injected " + operation + " failure " + now.name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}

package io.github.courtside.testkit.schedule;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.CoordinationStoreException;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentQuery;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a real store and fails one chosen write of the current step, before the delegate runs it
 * (nothing happened) or after (it landed, but the caller sees a {@link
 * CoordinationStoreException}). Only calls from the thread that {@linkplain #arm armed} it count,
 * so background work (token compaction) neither fails nor shifts which write fails.
 *
 * <pre>{@code
 * FaultingStore store = new FaultingStore(real);
 * store.arm(new Fault(Fault.Timing.AFTER_WRITE, 0));   // the next write lands, then "fails"
 * tracker.record(batch, item, Completion.done());      // throws CoordinationStoreException
 * store.disarm();
 * }</pre>
 */
public final class FaultingStore implements CoordinationStore {
  private final CoordinationStore delegate;
  private final Predicate<String> taken;
  private volatile @Nullable Fault fault;
  private volatile @Nullable Thread armedBy;
  private int writes;
  private int injected;

  /** A store failing nothing until armed. */
  public FaultingStore(CoordinationStore delegate) {
    this(delegate, path -> false);
  }

  private FaultingStore(CoordinationStore delegate, Predicate<String> taken) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.taken = Objects.requireNonNull(taken, "taken");
  }

  /**
   * A mutant for checking that invariants catch a broken store: every create of a path {@code
   * taken} accepts reports "already there" without writing (e.g. {@code path ->
   * path.contains("/retriggers/")}: a tracker that never wins a retrigger claim); faults as usual.
   */
  public static FaultingStore refusingCreates(CoordinationStore delegate, Predicate<String> taken) {
    return new FaultingStore(delegate, taken);
  }

  /** Fails the fault's write among the writes the calling thread makes from now on. */
  public void arm(@Nullable Fault next) {
    fault = next;
    armedBy = Thread.currentThread();
    writes = 0;
  }

  /** Fails nothing any more. */
  public void disarm() {
    fault = null;
    armedBy = null;
  }

  /** How many failures were injected so far. */
  public int injectedFailures() {
    return injected;
  }

  @Override
  public boolean createIfAbsent(Document document) {
    Fault planned = planned();
    fail(planned, Fault.Timing.BEFORE_WRITE, "create", document.path());
    boolean created = !taken.test(document.path()) && delegate.createIfAbsent(document);
    fail(planned, Fault.Timing.AFTER_WRITE, "create", document.path());
    return created;
  }

  @Override
  public Optional<Document> get(String path) {
    return delegate.get(path);
  }

  @Override
  public List<Document> query(DocumentQuery query) {
    return delegate.query(query);
  }

  @Override
  public long count(String collection, String idPrefix) {
    return delegate.count(collection, idPrefix);
  }

  @Override
  public boolean delete(String path) {
    Fault planned = planned();
    fail(planned, Fault.Timing.BEFORE_WRITE, "delete", path);
    boolean deleted = delegate.delete(path);
    fail(planned, Fault.Timing.AFTER_WRITE, "delete", path);
    return deleted;
  }

  private @Nullable Fault planned() {
    Fault current = fault;
    if (current == null || armedBy != Thread.currentThread()) {
      return null;
    }
    return writes++ == current.onWrite() ? current : null;
  }

  private void fail(@Nullable Fault planned, Fault.Timing now, String operation, String path) {
    if (planned != null && planned.timing() == now) {
      injected++;
      throw new CoordinationStoreException(
          path,
          "injected "
              + operation
              + " failure "
              + (now == Fault.Timing.BEFORE_WRITE ? "before the write" : "after the write landed")
                  .toLowerCase(Locale.ROOT));
    }
  }
}

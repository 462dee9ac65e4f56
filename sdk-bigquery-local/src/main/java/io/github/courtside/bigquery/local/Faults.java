package io.github.courtside.bigquery.local;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Fault injection and request counts, per API method, for one local server.
 *
 * <p>Methods are named as in the REST API's discovery document without the {@code bigquery.} prefix
 * ({@code datasets.insert}, {@code tables.get}, {@code jobs.insert}, {@code jobs.query}, {@code
 * jobs.getQueryResults}, {@code tabledata.insertAll}, {@code tabledata.list}, {@code upload} for
 * media uploads...) and as in the Storage Write API's service ({@code CreateWriteStream}, {@code
 * AppendRows} (each request message), {@code FinalizeWriteStream}, {@code BatchCommitWriteStreams},
 * {@code GetWriteStream}, {@code FlushRows}).
 *
 * <pre>{@code
 * bigQuery.faults().failNext("tabledata.insertAll", Fault.backendError(), 3);
 * writer.add(rows);   // retried through the three 500s
 * assertEquals(4 + n, bigQuery.faults().calls("tabledata.insertAll"));
 * bigQuery.faults().clear();
 * }</pre>
 */
public final class Faults {
  private final Map<String, Deque<Fault>> queued = new HashMap<>();
  private final Map<String, Fault> standing = new HashMap<>();
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

  /** The next {@code times} calls of {@code method} get {@code fault}, after any queued before. */
  public synchronized Faults failNext(String method, Fault fault, int times) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(fault, "fault");
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + times);
    }
    Deque<Fault> queue = queued.computeIfAbsent(method, m -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.addLast(fault);
    }
    return this;
  }

  /** Every call of {@code method} gets {@code fault} (once queued faults are used up). */
  public synchronized Faults always(String method, Fault fault) {
    standing.put(Objects.requireNonNull(method, "method"), Objects.requireNonNull(fault, "fault"));
    return this;
  }

  /** Removes every queued and standing fault; the call counts stay. */
  public synchronized Faults clear() {
    queued.clear();
    standing.clear();
    return this;
  }

  /** How many calls of {@code method} the server received (faulted ones included). */
  public long calls(String method) {
    AtomicLong count = calls.get(method);
    return count == null ? 0 : count.get();
  }

  /** Sets every call count back to zero. */
  public void resetCalls() {
    calls.clear();
  }

  /**
   * Counts one call of {@code method} and returns the fault it gets, if any. Called by the server
   * for each request; not for tests.
   */
  public Optional<Fault> onCall(String method) {
    calls.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
    synchronized (this) {
      Deque<Fault> queue = queued.get(method);
      @Nullable Fault next = queue == null ? null : queue.pollFirst();
      if (next == null) {
        next = standing.get(method);
      }
      return Optional.ofNullable(next);
    }
  }
}

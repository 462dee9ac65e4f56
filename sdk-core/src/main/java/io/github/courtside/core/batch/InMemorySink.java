package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe {@link BatchSink} that keeps rows in memory, deduplicating by {@link
 * BatchRecord#id()} as BigQuery's {@code insertId} does: a row whose id is already stored is
 * acknowledged but not stored again. For tests and demos, with fault injection: queued one-shot
 * faults (a request fails before or after storing its rows, or some of its rows fail) and standing
 * rules for rows that always fail.
 *
 * <pre>{@code
 * InMemorySink sink = InMemorySink.of(TableId.parse("nba_processing.quality_issues"));
 * sink.failNextRequest(new SinkException(sink.table(), "HTTP 503", true));
 * sink.failRowsInNextRequest(2, false, "invalid value");
 * sink.failRowsMatching(record -> record.row().has("bad"), "poison row");
 * // ... write through a BatchWriter, then:
 * assertEquals(expected, sink.rows());
 * }</pre>
 */
public final class InMemorySink implements BatchSink {
  private final TableId table;
  private final Delivery delivery;
  private final Map<String, Row> stored = new LinkedHashMap<>();
  private final ArrayDeque<Fault> faults = new ArrayDeque<>();
  private final List<StandingRule> rules = new ArrayList<>();
  private long requests;
  private long duplicatesIgnored;

  /** A sink for {@code table} that reports the given delivery. */
  public InMemorySink(TableId table, Delivery delivery) {
    this.table = Objects.requireNonNull(table, "table");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  /** A load-semantics sink for {@code table}. */
  public static InMemorySink of(TableId table) {
    return new InMemorySink(table, Delivery.LOAD);
  }

  /**
   * A streaming sink for {@code table} (needs an APPEND_ONLY table, see {@link WriteModePolicy}).
   */
  public static InMemorySink streaming(TableId table) {
    return new InMemorySink(table, Delivery.STREAMING);
  }

  @Override
  public TableId table() {
    return table;
  }

  @Override
  public Delivery delivery() {
    return delivery;
  }

  @Override
  public synchronized SinkResult write(List<BatchRecord> records) {
    requests++;
    Fault fault = faults.pollFirst();
    if (fault instanceof RequestFault requestFault && !requestFault.afterStoring()) {
      throw requestFault.error();
    }
    List<RowFailure> failures = new ArrayList<>();
    int failFirst = fault instanceof RowFault rowFault ? rowFault.rows() : 0;
    for (int i = 0; i < records.size(); i++) {
      BatchRecord record = records.get(i);
      if (i < failFirst) {
        RowFault rowFault = (RowFault) fault;
        failures.add(new RowFailure(record.id(), rowFault.reason(), rowFault.retryable()));
        continue;
      }
      StandingRule rule = ruleFor(record);
      if (rule != null) {
        failures.add(RowFailure.permanent(record.id(), rule.reason()));
        continue;
      }
      if (stored.putIfAbsent(record.id(), record.row()) != null) {
        duplicatesIgnored++;
      }
    }
    if (fault instanceof RequestFault requestFault) {
      throw requestFault.error();
    }
    return SinkResult.withFailures(failures);
  }

  private @Nullable StandingRule ruleFor(BatchRecord record) {
    for (StandingRule rule : rules) {
      if (rule.matches().test(record)) {
        return rule;
      }
    }
    return null;
  }

  /** The next request throws {@code error} and stores nothing. */
  public synchronized InMemorySink failNextRequest(RuntimeException error) {
    faults.addLast(new RequestFault(Objects.requireNonNull(error, "error"), false));
    return this;
  }

  /**
   * The next request stores its rows and then throws {@code error}, as when a response is lost
   * after the backend committed: a retry must not duplicate the rows.
   */
  public synchronized InMemorySink failNextRequestAfterStoring(RuntimeException error) {
    faults.addLast(new RequestFault(Objects.requireNonNull(error, "error"), true));
    return this;
  }

  /** In the next request the first {@code rows} rows fail with {@code reason}; the rest succeed. */
  public synchronized InMemorySink failRowsInNextRequest(
      int rows, boolean retryable, String reason) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, was " + rows);
    }
    faults.addLast(new RowFault(rows, retryable, Objects.requireNonNull(reason, "reason")));
    return this;
  }

  /** Every row matching {@code rows}, in every request, fails permanently with {@code reason}. */
  public synchronized InMemorySink failRowsMatching(Predicate<BatchRecord> rows, String reason) {
    rules.add(new StandingRule(Objects.requireNonNull(rows, "rows"), reason));
    return this;
  }

  /** The stored rows in the order first stored. */
  public synchronized List<Row> rows() {
    return List.copyOf(stored.values());
  }

  /** The stored rows by id. */
  public synchronized Map<String, Row> rowsById() {
    return Map.copyOf(stored);
  }

  /** Whether a row with this id is stored. */
  public synchronized boolean contains(String id) {
    return stored.containsKey(id);
  }

  /** Requests received, failed ones included. */
  public synchronized long requests() {
    return requests;
  }

  /** Rows acknowledged without storing because their id was already stored. */
  public synchronized long duplicatesIgnored() {
    return duplicatesIgnored;
  }

  /** Forgets the stored rows and counters (injected faults and rules stay). */
  public synchronized void clear() {
    stored.clear();
    requests = 0;
    duplicatesIgnored = 0;
  }

  /** Injected one-shot faults not yet used. */
  public synchronized int pendingFaults() {
    return faults.size();
  }

  private sealed interface Fault permits RequestFault, RowFault {}

  private record RequestFault(RuntimeException error, boolean afterStoring) implements Fault {}

  private record RowFault(int rows, boolean retryable, String reason) implements Fault {}

  private record StandingRule(Predicate<BatchRecord> matches, String reason) {}
}

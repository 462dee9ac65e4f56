package io.github.courtside.core.testkit;

import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.DmlResult;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.SqlDialect;
import io.github.courtside.core.warehouse.SqlStatement;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableInfo;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import io.github.courtside.core.warehouse.WriteGuard;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Fault injection on top of a real warehouse: a crash after the n-th mutating call (the call takes
 * effect, then the "process" dies and every later call fails), and rewriting or failing chosen
 * statements.
 */
public final class FaultyWarehouse implements Warehouse {
  /** What a crashed process throws. */
  public static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimulatedCrash(String message) {
      super(message);
    }
  }

  private final Warehouse delegate;
  private long mutations;
  private long crashAfter = Long.MAX_VALUE;
  private volatile boolean crashed;
  private volatile boolean keepOnDrop;
  private Predicate<String> failingQueries = sql -> false;
  private Function<String, Long> executeOverride = sql -> -1L;
  private volatile Consumer<List<String>> beforeTransaction = statements -> {};
  private final List<TableId> appendedTo = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<String> rendered = new java.util.concurrent.CopyOnWriteArrayList<>();

  public FaultyWarehouse(Warehouse delegate) {
    this.delegate = delegate;
  }

  public Warehouse delegate() {
    return delegate;
  }

  /**
   * The SQL text of every statement, guard condition and query sent to the warehouse, rendered in
   * its dialect (with its placeholders, without the parameter values), in order.
   */
  public List<String> renderedSql() {
    return List.copyOf(rendered);
  }

  private void render(SqlStatement statement) {
    rendered.add(statement.sql(delegate.dialect()));
  }

  /** Every table {@link #append} was called for, in order. */
  public List<TableId> appendedTo() {
    return List.copyOf(appendedTo);
  }

  /** The process dies now: this and every later call throws {@link SimulatedCrash}. */
  public void crashNow() {
    crashed = true;
    throw new SimulatedCrash("crash");
  }

  public void crashAfterMutation(long n) {
    this.crashAfter = n;
  }

  public long mutations() {
    return mutations;
  }

  public boolean crashed() {
    return crashed;
  }

  public void failQueriesMatching(Predicate<String> predicate) {
    this.failingQueries = predicate;
  }

  /**
   * Runs {@code hook} with the statements of every {@link #transaction} (and the statement of every
   * {@link #execute}) before it reaches the warehouse, on the calling thread: a hook that blocks is
   * a holder paused after its last check and before its write; one that calls {@link #crashNow} is
   * a process dying before it.
   */
  public void beforeTransaction(Consumer<List<String>> hook) {
    this.beforeTransaction = hook;
  }

  /**
   * Statements for which the function returns a count of zero or more are not run, alone or in a
   * transaction (where the others run, guarded, and the overridden one reports the count).
   */
  public void overrideExecute(Function<String, Long> override) {
    this.executeOverride = override;
  }

  private void alive() {
    if (crashed) {
      throw new SimulatedCrash("process is dead");
    }
  }

  private <T> T mutated(T result) {
    mutations++;
    if (mutations >= crashAfter) {
      crashed = true;
      throw new SimulatedCrash("crash after mutation " + mutations);
    }
    return result;
  }

  @Override
  public void createTable(TableId table, TableSchema schema) {
    alive();
    delegate.createTable(table, schema);
    mutated(Boolean.TRUE);
  }

  @Override
  public boolean createTableIfAbsent(TableId table, TableSchema schema) {
    alive();
    boolean created = delegate.createTableIfAbsent(table, schema);
    return created ? mutated(true) : false;
  }

  /** While true, {@link #dropTable} reports success and drops nothing (a lost drop). */
  public void keepTablesOnDrop(boolean keep) {
    this.keepOnDrop = keep;
  }

  @Override
  public boolean dropTable(TableId table) {
    alive();
    if (keepOnDrop) {
      return true;
    }
    boolean dropped = delegate.dropTable(table);
    return dropped ? mutated(true) : false;
  }

  @Override
  public Optional<TableSchema> schema(TableId table) {
    alive();
    return delegate.schema(table);
  }

  @Override
  public Optional<TableInfo> describe(TableId table) {
    alive();
    return delegate.describe(table);
  }

  @Override
  public void addColumns(TableId table, List<Column> columns) {
    alive();
    delegate.addColumns(table, columns);
    if (!columns.isEmpty()) {
      mutated(Boolean.TRUE);
    }
  }

  @Override
  public List<TableId> listTables(String dataset, String prefix) {
    alive();
    return delegate.listTables(dataset, prefix);
  }

  @Override
  public long append(TableId table, List<Row> rows) {
    alive();
    appendedTo.add(table);
    return mutated(delegate.append(table, rows));
  }

  @Override
  public long replacePartition(TableId table, LocalDate partition, List<Row> rows) {
    alive();
    return mutated(delegate.replacePartition(table, partition, rows));
  }

  @Override
  public SqlDialect dialect() {
    return delegate.dialect();
  }

  @Override
  public DmlResult execute(SqlStatement statement) {
    alive();
    String sql = statement.toString();
    render(statement);
    beforeTransaction.accept(List.of(sql));
    alive();
    long overridden = executeOverride.apply(sql);
    if (overridden >= 0) {
      return DmlResult.updated(overridden);
    }
    return mutated(delegate.execute(statement));
  }

  /** The hooks and predicates see each statement's {@link SqlStatement#toString() text}. */
  @Override
  public List<DmlResult> transaction(WriteGuard guard, List<SqlStatement> statements) {
    alive();
    render(guard.condition());
    statements.forEach(this::render);
    beforeTransaction.accept(statements.stream().map(SqlStatement::toString).toList());
    alive();
    List<SqlStatement> run = new ArrayList<>();
    List<Long> overridden = new ArrayList<>();
    for (SqlStatement sql : statements) {
      long count = executeOverride.apply(sql.toString());
      overridden.add(count);
      if (count < 0) {
        run.add(sql);
      }
    }
    List<DmlResult> results = delegate.transaction(guard, run);
    List<DmlResult> all = new ArrayList<>();
    int next = 0;
    for (long count : overridden) {
      all.add(count >= 0 ? DmlResult.updated(count) : results.get(next++));
    }
    return mutated(List.copyOf(all));
  }

  @Override
  public boolean supportsDdlInTransactions() {
    return delegate.supportsDdlInTransactions();
  }

  @Override
  public List<Row> query(SqlStatement sql) {
    alive();
    render(sql);
    if (failingQueries.test(sql.toString())) {
      throw new io.github.courtside.core.warehouse.WarehouseException(
          null, "injected query failure");
    }
    return delegate.query(sql);
  }

  @Override
  public void close() {
    delegate.close();
  }
}

package io.github.courtside.duckdb.coordination;

import io.github.courtside.core.coordination.CoordinationStoreException;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentPaths;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.duckdb.DuckDbDatabase;
import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One coordination table of one DuckDB database, shared by every {@link DuckDbCoordinationStore} on
 * it in this process: the committed documents mirrored in memory (reads never touch DuckDB) and one
 * writer that commits the creates and deletes queued meanwhile in one transaction (group commit),
 * as one multi-row {@code INSERT ... ON CONFLICT DO NOTHING RETURNING} per run of creates.
 *
 * <p>A document enters the mirror only after its transaction committed, so whatever a read sees is
 * durable, and a create returns true only after its commit. The writer is the table's only writer
 * in the process (DuckDB lets one process open a file for writing), so the mirror is exact; the
 * primary key still guards the table.
 */
final class DocumentTable {
  private static final Logger log = LoggerFactory.getLogger(DocumentTable.class);

  /** Writes committed together at most. */
  static final int MAX_GROUP = 512;

  /**
   * Where the futures of {@link #createAsync} complete: never the writer thread, so that a stage
   * chained to one may call the store synchronously (it would otherwise wait for its own thread).
   */
  private static final ThreadPoolExecutor CALLBACKS = callbacks();

  /** Tables by database (weakly: a database no store uses any more can go) and name. */
  private static final Map<DuckDbDatabase, Map<String, WeakReference<DocumentTable>>> OPEN =
      new WeakHashMap<>();

  private final DuckDbDatabase database;
  private final String table;
  private final InMemoryCoordinationStore mirror = new InMemoryCoordinationStore();
  private final ConcurrentLinkedQueue<Write> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicLong commits = new AtomicLong();
  private final ThreadPoolExecutor writer;

  /** Prepared once per connection (each thread that commits has its own). */
  private final Map<Connection, Statements> statements =
      Collections.synchronizedMap(new WeakHashMap<>());

  private DocumentTable(DuckDbDatabase database, String table) {
    this.database = database;
    this.table = table;
    this.writer =
        new ThreadPoolExecutor(
            1,
            1,
            2,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "courtside-duckdb-documents-" + table);
              thread.setDaemon(true);
              return thread;
            });
    writer.allowCoreThreadTimeOut(true); // no idle thread left behind per table
    createAndLoad();
  }

  /** The table {@code table} of {@code database}, opened (and loaded) once per process. */
  static DocumentTable of(DuckDbDatabase database, String table) {
    synchronized (OPEN) {
      Map<String, WeakReference<DocumentTable>> tables =
          OPEN.computeIfAbsent(database, unused -> new HashMap<>());
      WeakReference<DocumentTable> known = tables.get(table);
      DocumentTable open = known == null ? null : known.get();
      if (open == null) {
        open = new DocumentTable(database, table);
        tables.put(table, new WeakReference<>(open));
      }
      return open;
    }
  }

  /** Transactions committed so far (each one sync): how well creates share commits. */
  long commits() {
    return commits.get();
  }

  /** The committed documents. */
  InMemoryCoordinationStore committed() {
    return mirror;
  }

  /** Creates {@code document} unless one exists, returning after the commit. */
  boolean create(Document document) {
    if (mirror.get(document.path()).isPresent()) {
      return false; // committed before: no need to queue
    }
    return submit(new Write(document.path(), document, new CompletableFuture<>()));
  }

  /**
   * Creates {@code document} unless one exists without waiting: queues it for the writer thread,
   * which commits it with whatever else is queued; the future completes (on a callback thread)
   * after the commit, true when this call created it.
   */
  CompletableFuture<Boolean> createAsync(Document document) {
    if (mirror.get(document.path()).isPresent()) {
      return CompletableFuture.completedFuture(false);
    }
    Write write = new Write(document.path(), document, new CompletableFuture<>());
    queue.add(write);
    if (draining.compareAndSet(false, true)) {
      writer.execute(this::drain);
    }
    return write
        .outcome()
        .handleAsync(
            (created, error) -> {
              if (error == null) {
                return created;
              }
              Throwable inner = error.getCause();
              Throwable cause =
                  error instanceof CompletionException && inner != null ? inner : error;
              throw new CoordinationStoreException(
                  write.path(), "DuckDB write failed: " + cause.getMessage(), cause);
            },
            CALLBACKS);
  }

  /** Deletes the document at {@code path}, returning after the commit. */
  boolean delete(String path) {
    if (mirror.get(path).isEmpty()) {
      return false;
    }
    return submit(new Write(path, null, new CompletableFuture<>()));
  }

  private boolean submit(Write write) {
    queue.add(write);
    if (draining.compareAndSet(false, true)) {
      // no commit running: this caller leads, committing what is queued on its own thread (no
      // hand-off), until its own write is done
      try {
        while (!write.outcome().isDone()) {
          List<Write> group = nextGroup();
          if (group.isEmpty()) {
            break;
          }
          commit(group);
        }
      } finally {
        draining.set(false);
      }
      // writes queued meanwhile are committed by the writer thread, so their callers never wait
      // for a leader that left
      if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
        writer.execute(this::drain);
      }
    }
    try {
      return write.outcome().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CoordinationStoreException(
          write.path(), "interrupted while waiting for the DuckDB commit", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      // wrapped, so that the stack shows this caller too
      throw new CoordinationStoreException(
          write.path(), "DuckDB write failed: " + cause.getMessage(), cause);
    }
  }

  private List<Write> nextGroup() {
    List<Write> group = new ArrayList<>();
    for (Write write; group.size() < MAX_GROUP && (write = queue.poll()) != null; ) {
      group.add(write);
    }
    return group;
  }

  /** Runs on the writer thread: commits what is queued, group after group, until none is left. */
  private void drain() {
    while (true) {
      List<Write> group = nextGroup();
      if (group.isEmpty()) {
        draining.set(false);
        // a write queued after the poll and before the flag cleared would wait for nobody
        if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      commit(group);
    }
  }

  private void commit(List<Write> group) {
    commit(group, false);
  }

  /**
   * Commits {@code group}: first as plain inserts (the mirror says the paths are free, and DuckDB's
   * ON CONFLICT costs several times the insert), then, if that failed, each write on its own with
   * {@code ON CONFLICT DO NOTHING RETURNING}, which settles who won exactly.
   */
  private void commit(List<Write> group, boolean exact) {
    try {
      List<Boolean> outcomes = apply(group, exact);
      commits.incrementAndGet();
      publish(group, outcomes);
    } catch (Error e) {
      // nobody may wait forever for a group that will never commit
      for (Write write : group) {
        write.outcome().completeExceptionally(e);
      }
      throw e;
    } catch (SQLException | RuntimeException e) {
      if (exact) {
        group.get(0).outcome().completeExceptionally(failure(group.get(0), e));
        return;
      }
      // one bad write must not fail its neighbours: each on its own, exactly
      log.debug(
          "commit of {} writes to {} failed, committing them one by one", group.size(), table, e);
      for (Write write : group) {
        commit(List.of(write), true);
      }
    }
  }

  /** Applies the group in one transaction; the outcome of each write, in order. */
  private List<Boolean> apply(List<Write> group, boolean exact) throws SQLException {
    // a commit may run on a background thread (a lock's token compaction) while the database
    // closes: the close waits for it
    return database.whileOpen(() -> applyOpen(group, exact));
  }

  private List<Boolean> applyOpen(List<Write> group, boolean exact) throws SQLException {
    Connection connection = database.connection();
    Statements prepared = prepared(connection);
    boolean createsOnly = group.stream().allMatch(write -> write.document() != null);
    // creates alone are one INSERT statement: its own transaction, committed when it returns
    connection.setAutoCommit(createsOnly);
    try {
      List<Boolean> outcomes = new ArrayList<>(group.size());
      // the group's own view: paths present (mirror plus this group's creates, minus its deletes)
      Map<String, Boolean> present = new HashMap<>();
      List<Integer> pendingCreates = new ArrayList<>();
      for (int i = 0; i < group.size(); i++) {
        Write write = group.get(i);
        boolean exists =
            present.computeIfAbsent(write.path(), path -> mirror.get(path).isPresent());
        if (write.document() != null) {
          outcomes.add(!exists);
          if (!exists) {
            present.put(write.path(), true);
            pendingCreates.add(i);
          }
        } else {
          insertAll(prepared, exact, group, pendingCreates, outcomes);
          outcomes.add(exists && deleteRow(prepared, write.path()));
          present.put(write.path(), false);
        }
      }
      insertAll(prepared, exact, group, pendingCreates, outcomes);
      if (!createsOnly) {
        connection.commit();
      }
      return outcomes;
    } catch (SQLException | RuntimeException e) {
      if (!createsOnly) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
      }
      throw e;
    } finally {
      if (!createsOnly) {
        connection.setAutoCommit(true);
      }
    }
  }

  /** Inserts the pending creates in one statement; those the table refused did not create. */
  private void insertAll(
      Statements prepared,
      boolean exact,
      List<Write> group,
      List<Integer> pending,
      List<Boolean> outcomes)
      throws SQLException {
    if (pending.isEmpty()) {
      return;
    }
    int size = pending.size();
    String[] collections = new String[size];
    String[] ids = new String[size];
    String[] fields = new String[size];
    for (int k = 0; k < size; k++) {
      Document document = requireDocument(group.get(pending.get(k)));
      collections[k] = document.collection();
      ids[k] = document.id();
      fields[k] = DocumentCodec.encode(document.fields());
    }
    Connection connection = database.connection();
    PreparedStatement statement = exact ? prepared.insertIfAbsent() : prepared.insert();
    statement.setArray(1, connection.createArrayOf("VARCHAR", collections));
    statement.setArray(2, connection.createArrayOf("VARCHAR", ids));
    statement.setArray(3, connection.createArrayOf("VARCHAR", fields));
    if (!exact) {
      int inserted = statement.executeUpdate();
      if (inserted != size) {
        throw new SQLException("inserted " + inserted + " of " + size + " rows into " + table);
      }
      pending.clear();
      return;
    }
    Set<String> inserted = new HashSet<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        inserted.add(rows.getString(1) + "/" + rows.getString(2));
      }
    }
    for (int index : pending) {
      if (!inserted.contains(group.get(index).path())) {
        log.warn(
            "{}: {} was in the table but not in its mirror; is the file open twice in this process?",
            table,
            group.get(index).path());
        outcomes.set(index, false);
      }
    }
    pending.clear();
  }

  private boolean deleteRow(Statements prepared, String path) throws SQLException {
    PreparedStatement statement = prepared.delete();
    statement.setString(1, DocumentPaths.collectionOf(path));
    statement.setString(2, DocumentPaths.idOf(path));
    return statement.executeUpdate() > 0;
  }

  /** After the commit: the mirror first, then the callers. */
  private void publish(List<Write> group, List<Boolean> outcomes) {
    for (int i = 0; i < group.size(); i++) {
      Write write = group.get(i);
      if (outcomes.get(i)) {
        Document document = write.document();
        if (document != null) {
          mirror.createIfAbsent(document);
        } else {
          mirror.delete(write.path());
        }
      }
    }
    for (int i = 0; i < group.size(); i++) {
      group.get(i).outcome().complete(outcomes.get(i));
    }
  }

  private Statements prepared(Connection connection) throws SQLException {
    Statements prepared = statements.get(connection);
    if (prepared == null) {
      String rows = " SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[])";
      prepared =
          new Statements(
              connection.prepareStatement("INSERT INTO " + table + rows),
              connection.prepareStatement(
                  "INSERT INTO "
                      + table
                      + rows
                      + " ON CONFLICT DO NOTHING RETURNING collection, id"),
              connection.prepareStatement(
                  "DELETE FROM " + table + " WHERE collection = ? AND id = ?"));
      statements.put(connection, prepared);
    }
    return prepared;
  }

  /** The prepared statements of one connection. */
  private record Statements(
      PreparedStatement insert, PreparedStatement insertIfAbsent, PreparedStatement delete) {}

  private static Document requireDocument(Write write) {
    Document document = write.document();
    if (document == null) {
      throw new IllegalStateException("not a create: " + write.path());
    }
    return document;
  }

  private CoordinationStoreException failure(Write write, Exception e) {
    return new CoordinationStoreException(
        write.path(),
        "DuckDB "
            + (write.document() == null ? "delete" : "create")
            + " failed in "
            + database.description(),
        e);
  }

  private void createAndLoad() {
    Connection connection = database.connection();
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + " (collection VARCHAR NOT NULL, id VARCHAR NOT NULL, fields VARCHAR NOT NULL,"
              + " PRIMARY KEY (collection, id))");
      int loaded = 0;
      try (ResultSet rows = statement.executeQuery("SELECT collection, id, fields FROM " + table)) {
        while (rows.next()) {
          mirror.createIfAbsent(
              Document.of(
                  DocumentPaths.child(rows.getString(1), rows.getString(2)),
                  DocumentCodec.decode(rows.getString(3))));
          loaded++;
        }
      }
      log.debug("loaded {} documents of {} in {}", loaded, table, database.description());
    } catch (SQLException e) {
      throw new CoordinationStoreException(
          table, "cannot create or read the coordination table in " + database.description(), e);
    }
  }

  private static ThreadPoolExecutor callbacks() {
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            4,
            4,
            2,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "courtside-duckdb-callbacks-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** A queued create (with its document) or delete (without). */
  private record Write(
      String path, @Nullable Document document, CompletableFuture<Boolean> outcome) {}
}

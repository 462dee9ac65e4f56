package io.github.courtside.duckdb.coordination;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentPaths;
import io.github.courtside.core.coordination.DocumentQuery;
import io.github.courtside.core.coordination.FieldValues;
import io.github.courtside.duckdb.DuckDbDatabase;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded default {@link CoordinationStore}: documents in one DuckDB table, durable when the
 * database is a file. Locks and completion tracking on top of it survive a process restart.
 *
 * <p>Each document is a row {@code (collection, id, fields)} with primary key {@code (collection,
 * id)}; fields are typed JSON, timestamps to the microsecond. Built for many small writes from many
 * threads:
 *
 * <ul>
 *   <li><b>Group commit.</b> One writer per table commits the creates and deletes that queued while
 *       it committed the previous group, in one transaction: one multi-row {@code INSERT ... ON
 *       CONFLICT DO NOTHING RETURNING} per run of creates (prepared once), so a commit's sync is
 *       shared by every waiting thread. Create-if-absent stays exact (the writer is the only one,
 *       and the primary key still guards the table) and durable: a create returns true only after
 *       its transaction committed.
 *   <li><b>Reads from memory.</b> The committed documents are mirrored in memory, loaded when the
 *       table is first opened in the process: get, query and count (by id prefix, ordered and
 *       limited) never scan the table. Memory grows with the table; delete what is no longer
 *       needed.
 *   <li><b>Pipelined creates.</b> A synchronous create waits for its commit (one sync, about 2.5 ms
 *       on an SSD: a few hundred creates per second per thread); {@link #createIfAbsentAsync}
 *       queues the create and returns, so one thread can keep many in flight and they share commits
 *       ({@code CompletionTracker.recordAsync} builds on it).
 * </ul>
 *
 * <p>All stores on the same {@link DuckDbDatabase} object and table share one writer and one
 * mirror. One process may hold a DuckDB file open for writing; open each file once per process (one
 * {@link DuckDbDatabase}) and share it. Ordering by id is Java's string order, as in the in-memory
 * store (the same as Firestore's UTF-8 byte order except for characters beyond U+FFFF against
 * U+E000 to U+FFFF); ordering by a field uses {@link FieldValues#ORDER}.
 *
 * <pre>{@code
 * try (DuckDbDatabase db = DuckDbDatabase.open(Path.of("courtside.duckdb"))) {
 *   CoordinationStore store = new DuckDbCoordinationStore(db);
 *   LeaseLock locks = new LeaseLock(store, LeaseLockConfig.defaults());
 * }
 * }</pre>
 */
public final class DuckDbCoordinationStore implements CoordinationStore {
  /** The table documents live in unless another is named. */
  public static final String DEFAULT_TABLE = "courtside_documents";

  private final DuckDbDatabase database;
  private final String table;
  private final DocumentTable documents;

  /** A store in {@link #DEFAULT_TABLE} of {@code database}, creating the table when absent. */
  public DuckDbCoordinationStore(DuckDbDatabase database) {
    this(database, DEFAULT_TABLE);
  }

  /**
   * A store in {@code table} of {@code database}, creating the table when absent and reading its
   * documents into memory the first time the table is opened in this process.
   */
  public DuckDbCoordinationStore(DuckDbDatabase database, String table) {
    this.database = Objects.requireNonNull(database, "database");
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("table must be a plain SQL identifier: '" + table + "'");
    }
    this.table = table;
    this.documents = DocumentTable.of(database, table);
  }

  @Override
  public boolean createIfAbsent(Document document) {
    return documents.create(document.truncatedToMicros());
  }

  /**
   * Queues the create for the table's writer thread and returns at once: the future completes after
   * the commit that made it durable (true) or found the path taken (false), so one thread can keep
   * many creates in flight and they share commits (one sync each).
   */
  @Override
  public CompletableFuture<Boolean> createIfAbsentAsync(Document document) {
    return documents.createAsync(document.truncatedToMicros());
  }

  @Override
  public Optional<Document> get(String path) {
    return documents.committed().get(path);
  }

  @Override
  public List<Document> query(DocumentQuery query) {
    return documents.committed().query(query);
  }

  @Override
  public long count(String collection, String idPrefix) {
    return documents.committed().count(collection, idPrefix);
  }

  @Override
  public boolean delete(String path) {
    return documents.delete(DocumentPaths.requireDocumentPath(path));
  }

  @Override
  public String toString() {
    return "DuckDbCoordinationStore[" + database.description() + ", table " + table + "]";
  }
}

package io.github.courtside.duckdb.coordination;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.CoordinationStoreException;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentPaths;
import io.github.courtside.core.coordination.DocumentQuery;
import io.github.courtside.core.coordination.FieldValues;
import io.github.courtside.duckdb.DuckDbDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default {@link CoordinationStore}: documents in one DuckDB table, durable when the
 * database is a file. Locks and completion tracking on top of it survive a process restart.
 *
 * <p>Each document is a row {@code (collection, id, fields)} with primary key {@code (collection,
 * id)}; fields are typed JSON. Create-if-absent is {@code INSERT ... ON CONFLICT DO NOTHING}; when
 * two threads insert the same key at once DuckDB may fail one of them with a transaction conflict,
 * which the store resolves by checking whether the row now exists (then it was someone else's) and
 * retrying otherwise. Ordering by id is DuckDB's byte order of UTF-8 text, as in Firestore;
 * ordering by a field sorts the id-prefix matches in memory with {@link FieldValues#ORDER}.
 *
 * <p>One process may hold a DuckDB file open for writing; share the store between threads (each
 * gets its own connection from {@link DuckDbDatabase}), not between processes.
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

  private static final Logger log = LoggerFactory.getLogger(DuckDbCoordinationStore.class);
  private static final int MAX_CONFLICT_RETRIES = 50;

  private final DuckDbDatabase database;
  private final String table;

  /** A store in {@link #DEFAULT_TABLE} of {@code database}, creating the table when absent. */
  public DuckDbCoordinationStore(DuckDbDatabase database) {
    this(database, DEFAULT_TABLE);
  }

  /** A store in {@code table} of {@code database}, creating the table when absent. */
  public DuckDbCoordinationStore(DuckDbDatabase database, String table) {
    this.database = Objects.requireNonNull(database, "database");
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("table must be a plain SQL identifier: '" + table + "'");
    }
    this.table = table;
    try (Statement statement = database.connection().createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + " (collection VARCHAR NOT NULL, id VARCHAR NOT NULL, fields VARCHAR NOT NULL,"
              + " PRIMARY KEY (collection, id))");
    } catch (SQLException e) {
      throw new CoordinationStoreException(
          table, "cannot create the coordination table in " + database.description(), e);
    }
  }

  @Override
  public boolean createIfAbsent(Document document) {
    String collection = document.collection();
    String id = document.id();
    String fields = DocumentCodec.encode(document.truncatedToMicros().fields());
    for (int attempt = 1; ; attempt++) {
      try (PreparedStatement insert =
          connection()
              .prepareStatement(
                  "INSERT INTO " + table + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
        insert.setString(1, collection);
        insert.setString(2, id);
        insert.setString(3, fields);
        return insert.executeUpdate() == 1;
      } catch (SQLException e) {
        if (!isConflict(e) || attempt >= MAX_CONFLICT_RETRIES) {
          throw new CoordinationStoreException(document.path(), "DuckDB create failed", e);
        }
        if (get(document.path()).isPresent()) {
          return false; // a concurrent writer created it first
        }
        log.debug("create of {} conflicted (attempt {}), retrying", document.path(), attempt);
        backOff(attempt);
      }
    }
  }

  @Override
  public Optional<Document> get(String path) {
    DocumentPaths.requireDocumentPath(path);
    try (PreparedStatement select =
        connection()
            .prepareStatement("SELECT fields FROM " + table + " WHERE collection = ? AND id = ?")) {
      select.setString(1, DocumentPaths.collectionOf(path));
      select.setString(2, DocumentPaths.idOf(path));
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(Document.of(path, DocumentCodec.decode(rows.getString(1))));
      }
    } catch (SQLException e) {
      throw new CoordinationStoreException(path, "DuckDB get failed", e);
    }
  }

  @Override
  public List<Document> query(DocumentQuery query) {
    String collection = query.collection();
    int limit = query.limit().orElse(Integer.MAX_VALUE);
    if (limit == 0) {
      return List.of();
    }
    Optional<String> field = query.orderByField();
    StringBuilder sql =
        new StringBuilder("SELECT id, fields FROM ")
            .append(table)
            .append(" WHERE collection = ? AND starts_with(id, ?) ORDER BY id");
    if (field.isEmpty()) {
      sql.append(query.descending() ? " DESC" : " ASC");
      if (limit != Integer.MAX_VALUE) {
        sql.append(" LIMIT ").append(limit);
      }
    }
    List<Document> documents = new ArrayList<>();
    try (PreparedStatement select = connection().prepareStatement(sql.toString())) {
      select.setString(1, collection);
      select.setString(2, query.idPrefix());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          documents.add(
              Document.of(
                  DocumentPaths.child(collection, rows.getString(1)),
                  DocumentCodec.decode(rows.getString(2))));
        }
      }
    } catch (SQLException e) {
      throw new CoordinationStoreException(collection, "DuckDB query failed: " + query, e);
    }
    if (field.isEmpty()) {
      return List.copyOf(documents);
    }
    return query.sortAndLimit(documents);
  }

  @Override
  public long count(String collection, String idPrefix) {
    DocumentPaths.requireCollectionPath(collection);
    try (PreparedStatement select =
        connection()
            .prepareStatement(
                "SELECT count(*) FROM " + table + " WHERE collection = ? AND starts_with(id, ?)")) {
      select.setString(1, collection);
      select.setString(2, idPrefix);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new CoordinationStoreException(collection, "DuckDB count failed", e);
    }
  }

  @Override
  public boolean delete(String path) {
    DocumentPaths.requireDocumentPath(path);
    for (int attempt = 1; ; attempt++) {
      try (PreparedStatement delete =
          connection()
              .prepareStatement("DELETE FROM " + table + " WHERE collection = ? AND id = ?")) {
        delete.setString(1, DocumentPaths.collectionOf(path));
        delete.setString(2, DocumentPaths.idOf(path));
        return delete.executeUpdate() > 0;
      } catch (SQLException e) {
        if (!isConflict(e) || attempt >= MAX_CONFLICT_RETRIES) {
          throw new CoordinationStoreException(path, "DuckDB delete failed", e);
        }
        backOff(attempt);
      }
    }
  }

  @Override
  public String toString() {
    return "DuckDbCoordinationStore[" + database.description() + ", table " + table + "]";
  }

  private Connection connection() {
    return database.connection();
  }

  private static boolean isConflict(SQLException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return message.contains("conflict")
        || message.contains("duplicate key")
        || message.contains("primary key or unique constraint");
  }

  private static void backOff(int attempt) {
    long micros = ThreadLocalRandom.current().nextLong(50, 200L * Math.min(attempt, 10));
    LockSupport.parkNanos(micros * 1_000);
  }
}

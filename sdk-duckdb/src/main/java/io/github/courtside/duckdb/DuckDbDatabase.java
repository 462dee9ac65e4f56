package io.github.courtside.duckdb;

import io.github.courtside.core.CourtsideException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DuckDB database, in memory or in a file, handing each thread its own connection.
 *
 * <p>DuckDB connections must not be shared between threads (a shared connection fails
 * intermittently), so {@link #connection()} returns a per-thread duplicate of one root connection;
 * all of them see the same database. A thread's connection is closed when a later thread asks for
 * one after the first thread ended (so short-lived pool threads do not pile up connections), and
 * {@link #close()} closes every connection still open.
 *
 * <pre>{@code
 * try (DuckDbDatabase db = DuckDbDatabase.open(Path.of("courtside.duckdb"))) {
 *   try (Statement statement = db.connection().createStatement()) {
 *     statement.execute("CREATE SCHEMA IF NOT EXISTS nba");
 *   }
 * }
 * }</pre>
 */
public final class DuckDbDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DuckDbDatabase.class);

  /** How long {@link #close()} waits for statements run through {@link #whileOpen} to finish. */
  private static final long CLOSE_WAIT_SECONDS = 30;

  private final String description;

  /**
   * Held shared by {@link #whileOpen} work and exclusively by {@link #close()}: DuckDB's JDBC
   * driver deadlocks when a connection is closed while another thread executes a statement on it
   * (the close takes the connection's lock, then each statement's; an execute takes them the other
   * way).
   */
  private final ReentrantReadWriteLock closing = new ReentrantReadWriteLock();

  private final DuckDBConnection root;

  @SuppressWarnings(
      "ThreadLocalUsage") // one per database: each database has its own threads' connections
  private final ThreadLocal<DuckDBConnection> perThread = new ThreadLocal<>();

  private final Map<Thread, DuckDBConnection> handedOut = new HashMap<>();
  private volatile boolean closed;

  private DuckDbDatabase(String url, String description) {
    this.description = description;
    try {
      this.root = DriverManager.getConnection(url).unwrap(DuckDBConnection.class);
    } catch (SQLException e) {
      throw new CourtsideException("cannot open DuckDB database " + description, e);
    }
  }

  /** A private database in memory; it disappears when closed. */
  public static DuckDbDatabase inMemory() {
    return new DuckDbDatabase("jdbc:duckdb:", "in memory");
  }

  /** A database in {@code file}, created when absent. */
  public static DuckDbDatabase open(Path file) {
    Path absolute = Objects.requireNonNull(file, "file").toAbsolutePath();
    return new DuckDbDatabase("jdbc:duckdb:" + absolute, absolute.toString());
  }

  /** This thread's connection; created on first use and closed with the database. */
  public Connection connection() {
    if (closed) {
      throw new IllegalStateException("DuckDB database " + description + " is closed");
    }
    DuckDBConnection connection = perThread.get();
    try {
      if (connection == null || connection.isClosed()) {
        synchronized (handedOut) {
          closeConnectionsOfEndedThreads();
          connection = root.duplicate();
          handedOut.put(Thread.currentThread(), connection);
        }
        perThread.set(connection);
      }
      return connection;
    } catch (SQLException e) {
      throw new CourtsideException("cannot open a connection to DuckDB database " + description, e);
    }
  }

  private void closeConnectionsOfEndedThreads() {
    Iterator<Map.Entry<Thread, DuckDBConnection>> entries = handedOut.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<Thread, DuckDBConnection> entry = entries.next();
      if (!entry.getKey().isAlive()) {
        try {
          entry.getValue().close();
        } catch (SQLException e) {
          // the thread is gone and nobody can use its connection any more; nothing is lost
        }
        entries.remove();
      }
    }
  }

  /**
   * Runs {@code work} (which uses this thread's {@link #connection()}) so that a concurrent {@link
   * #close()} waits for it to end instead of closing the connection under it. For work on
   * background threads (a writer's commits) that may still run when the database is closed.
   */
  public <T> T whileOpen(SqlWork<T> work) throws SQLException {
    closing.readLock().lock();
    try {
      if (closed) {
        throw new SQLException("DuckDB database " + description + " is closed");
      }
      return work.run();
    } finally {
      closing.readLock().unlock();
    }
  }

  /** Work on a connection of this database, for {@link #whileOpen}. */
  @FunctionalInterface
  public interface SqlWork<T> {
    /** Runs the work. */
    T run() throws SQLException;
  }

  /** Where the database lives: a file path or "in memory". */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    boolean exclusive = false;
    if (closing.getReadHoldCount() == 0) { // called from whileOpen work: it cannot wait for itself
      try {
        exclusive = closing.writeLock().tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!exclusive) {
        log.warn(
            "DuckDB database {}: closing while statements of other threads still run", description);
      }
    }
    try {
      closeConnections();
    } finally {
      if (exclusive) {
        closing.writeLock().unlock();
      }
    }
  }

  private void closeConnections() {
    SQLException failure = null;
    synchronized (handedOut) {
      for (DuckDBConnection connection : handedOut.values()) {
        try {
          connection.close();
        } catch (SQLException e) {
          failure = e;
        }
      }
      handedOut.clear();
    }
    try {
      root.close();
    } catch (SQLException e) {
      failure = e;
    }
    if (failure != null) {
      throw new CourtsideException("closing DuckDB database " + description + " failed", failure);
    }
  }

  @Override
  public String toString() {
    return "DuckDbDatabase[" + description + "]";
  }
}

package io.github.courtside.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbDatabaseTest {

  @Test
  void eachThreadGetsItsOwnConnectionToTheSameDatabase() throws Exception {
    try (DuckDbDatabase db = DuckDbDatabase.inMemory()) {
      Connection mine = db.connection();
      assertSame(mine, db.connection());
      try (Statement statement = mine.createStatement()) {
        statement.execute("CREATE TABLE t AS SELECT 42 AS answer");
      }
      Connection theirs = CompletableFuture.supplyAsync(db::connection).get();
      assertNotSame(mine, theirs);
      assertEquals(42, CompletableFuture.supplyAsync(() -> answer(db.connection())).get());
    }
  }

  @Test
  void fileDatabasesSurviveReopening(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("courtside.duckdb");
    try (DuckDbDatabase db = DuckDbDatabase.open(file);
        Statement statement = db.connection().createStatement()) {
      statement.execute("CREATE TABLE t AS SELECT 42 AS answer");
    }
    try (DuckDbDatabase db = DuckDbDatabase.open(file)) {
      assertEquals(42, answer(db.connection()));
    }
  }

  @Test
  void closedDatabaseRefusesConnections() {
    DuckDbDatabase db = DuckDbDatabase.inMemory();
    db.close();
    assertThrows(IllegalStateException.class, db::connection);
  }

  /**
   * Regression: DuckDB's JDBC driver deadlocks when a connection is closed while another thread
   * executes on it (close takes the connection's lock, then the statement's; execute the other way
   * round), seen as a hung test run when a lock's background compaction committed during close.
   * {@code close()} must wait for work run through {@code whileOpen}, and both must finish.
   */
  @Test
  void closeWaitsForACommitRunningInWhileOpenOnAnotherThread(@TempDir Path folder)
      throws Exception {
    Path file = folder.resolve("courtside.duckdb");
    DuckDbDatabase db = DuckDbDatabase.open(file);
    try (Statement statement = db.connection().createStatement()) {
      statement.execute("CREATE TABLE t (answer INTEGER)");
    }
    ExecutorService threads =
        Executors.newFixedThreadPool(
            2,
            runnable -> {
              Thread thread = new Thread(runnable, "close-regression");
              thread.setDaemon(true); // a deadlocked driver must not keep the test JVM alive
              return thread;
            });
    CountDownLatch inTransaction = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    try {
      Future<Integer> work =
          threads.submit(
              () ->
                  db.whileOpen(
                      () -> {
                        Connection connection = db.connection();
                        connection.setAutoCommit(false);
                        try (Statement statement = connection.createStatement()) {
                          statement.execute("INSERT INTO t VALUES (42)");
                          inTransaction.countDown();
                          if (!commit.await(20, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("never told to commit");
                          }
                          int inserted = statement.executeUpdate("INSERT INTO t VALUES (43)");
                          connection.commit();
                          return inserted;
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                          throw new IllegalStateException(e);
                        }
                      }));
      assertTrue(inTransaction.await(20, TimeUnit.SECONDS));
      AtomicReference<Thread> closer = new AtomicReference<>();
      Future<?> closed =
          threads.submit(
              () -> {
                closer.set(Thread.currentThread());
                db.close();
              });
      // the close is waiting for the work (not closing the connection under it)
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!closed.isDone()
          && (closer.get() == null || closer.get().getState() != Thread.State.TIMED_WAITING)) {
        assertTrue(System.nanoTime() < deadline, "close() neither returned nor waited");
        Thread.sleep(1);
      }
      assertFalse(closed.isDone(), "close() returned while work still ran in whileOpen");
      commit.countDown();
      assertEquals(1, work.get(20, TimeUnit.SECONDS), "the work's statement and commit ran");
      closed.get(20, TimeUnit.SECONDS);
      assertThrows(IllegalStateException.class, db::connection);
    } finally {
      commit.countDown();
      threads.shutdownNow();
    }
    try (DuckDbDatabase reopened = DuckDbDatabase.open(file);
        Statement statement = reopened.connection().createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM t")) {
      rows.next();
      assertEquals(2, rows.getInt(1), "the commit made before close() is durable");
    }
  }

  private static int answer(Connection connection) {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT answer FROM t")) {
      rows.next();
      return rows.getInt(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

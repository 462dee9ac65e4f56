package io.github.courtside.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
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

package io.github.courtside.duckdb.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.CoordinationStoreException;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.lock.Lease;
import io.github.courtside.core.lock.LeaseLock;
import io.github.courtside.core.lock.LeaseLockConfig;
import io.github.courtside.core.testkit.CoordinationStoreContract;
import io.github.courtside.duckdb.DuckDbDatabase;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbCoordinationStoreTest extends CoordinationStoreContract {
  private static DuckDbDatabase database;
  private static CoordinationStore store;

  @BeforeAll
  static void open(@TempDir Path folder) {
    database = DuckDbDatabase.open(folder.resolve("coordination.duckdb"));
    store = new DuckDbCoordinationStore(database);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Override
  protected CoordinationStore store() {
    return store;
  }

  @Test
  void documentsAndLockTokensSurviveReopeningTheFile(@TempDir Path folder) {
    Path file = folder.resolve("durable.duckdb");
    Instant at = Instant.parse("2024-04-10T19:30:00.123456Z");
    long firstToken;
    try (DuckDbDatabase db = DuckDbDatabase.open(file)) {
      CoordinationStore durable = new DuckDbCoordinationStore(db);
      durable.createIfAbsent(Document.of("batches/b1", Map.of("at", at, "rows", 3L)));
      try (LeaseLock locks = new LeaseLock(durable, LeaseLockConfig.defaults());
          Lease lease = locks.acquire("nightly")) {
        firstToken = lease.token().value();
      }
    }
    try (DuckDbDatabase db = DuckDbDatabase.open(file)) {
      CoordinationStore reopened = new DuckDbCoordinationStore(db);
      assertEquals(at, reopened.get("batches/b1").orElseThrow().getTimestamp("at").orElseThrow());
      assertFalse(reopened.createIfAbsent(Document.of("batches/b1", Map.of())));
      try (LeaseLock locks = new LeaseLock(reopened, LeaseLockConfig.defaults());
          Lease lease = locks.acquire("nightly")) {
        assertEquals(firstToken + 1, lease.token().value(), "tokens keep increasing");
      }
    }
  }

  @Test
  void pipelinedCreatesFromOneThreadShareCommitsAndAreDurableWhenTheyComplete(
      @TempDir Path folder) {
    Path file = folder.resolve("pipelined.duckdb");
    int creates = 400;
    try (DuckDbDatabase db = DuckDbDatabase.open(file)) {
      CoordinationStore pipelined = new DuckDbCoordinationStore(db, "pipelined");
      DocumentTable table = DocumentTable.of(db, "pipelined");
      long before = table.commits();
      List<CompletableFuture<Boolean>> pending = new ArrayList<>();
      for (int n = 0; n < creates; n++) {
        pending.add(
            pipelined.createIfAbsentAsync(Document.of("p/b/done/i" + n, Map.of("n", (long) n))));
      }
      // a duplicate in flight with its original: exactly one of the two creates
      CompletableFuture<Boolean> again =
          pipelined.createIfAbsentAsync(Document.of("p/b/done/i7", Map.of("n", -1L)));
      for (CompletableFuture<Boolean> create : pending) {
        assertTrue(create.join());
      }
      assertFalse(again.join(), "the second create of i7 found the first");
      long commits = table.commits() - before;
      assertTrue(
          commits <= creates / 4,
          "one thread's " + creates + " pipelined creates took " + commits + " commits");
      assertEquals(creates, pipelined.count("p/b/done", ""));
    }
    try (DuckDbDatabase db = DuckDbDatabase.open(file)) {
      CoordinationStore reopened = new DuckDbCoordinationStore(db, "pipelined");
      assertEquals(creates, reopened.count("p/b/done", ""), "every completed create was durable");
      assertEquals(7L, reopened.get("p/b/done/i7").orElseThrow().getLong("n").orElseThrow());
    }
  }

  @Test
  void aPipelinedCreateWhoseCommitFailsCompletesExceptionally(@TempDir Path folder)
      throws Exception {
    try (DuckDbDatabase db = DuckDbDatabase.open(folder.resolve("failing-async.duckdb"))) {
      CoordinationStore failing = new DuckDbCoordinationStore(db, "failing_async");
      try (Statement statement = db.connection().createStatement()) {
        statement.execute("DROP TABLE failing_async");
      }
      CompletableFuture<Boolean> create =
          failing.createIfAbsentAsync(Document.of("f/a/done/x", Map.of()));
      CompletionException failed = assertThrows(CompletionException.class, create::join);
      assertTrue(failed.getCause() instanceof CoordinationStoreException, failed.toString());
      assertTrue(failing.get("f/a/done/x").isEmpty(), "no document appeared");
    }
  }

  @Test
  void storesOnOneDatabaseAndTableShareTheirDocuments() {
    CoordinationStore other = new DuckDbCoordinationStore(database);
    String path = root + "/shared/doc";
    assertTrue(store.createIfAbsent(Document.of(path, Map.of("v", 1L))));
    assertEquals(1L, other.get(path).orElseThrow().getLong("v").orElseThrow());
    assertFalse(other.createIfAbsent(Document.of(path, Map.of("v", 2L))));
    assertTrue(other.delete(path));
    assertTrue(store.get(path).isEmpty());
  }

  @Test
  void manyConcurrentCreatesAreEachCommittedOnceAndSurviveReopening(@TempDir Path folder)
      throws Exception {
    Path file = folder.resolve("group.duckdb");
    int threads = 32;
    int perThread = 40;
    try (DuckDbDatabase db = DuckDbDatabase.open(file)) {
      CoordinationStore groupCommitted = new DuckDbCoordinationStore(db);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Integer>> wins = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int pair = t / 2;
          wins.add(
              pool.submit(
                  () -> {
                    int won = 0;
                    for (int i = 0; i < perThread; i++) {
                      // every path is contested by the two threads of a pair
                      String path = "batches/b1/done/item-" + pair + "-" + i;
                      won +=
                          groupCommitted.createIfAbsent(Document.of(path, Map.of("i", i))) ? 1 : 0;
                    }
                    return won;
                  }));
        }
        int total = 0;
        for (Future<Integer> win : wins) {
          total += win.get();
        }
        assertEquals(threads / 2 * perThread, total, "one winner per path");
        assertEquals(total, groupCommitted.count("batches/b1/done", ""));
      } finally {
        pool.shutdownNow();
      }
    }
    try (DuckDbDatabase db = DuckDbDatabase.open(file)) {
      CoordinationStore reopened = new DuckDbCoordinationStore(db);
      long kept = reopened.count("batches/b1/done", "");
      assertEquals(threads / 2 * perThread, kept);
      try (Statement statement = db.connection().createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT count(*) FROM " + DuckDbCoordinationStore.DEFAULT_TABLE)) {
        rows.next();
        assertEquals(kept, rows.getLong(1), "the table holds what the store reports");
      }
    }
  }

  @Test
  void aCreateWhoseCommitFailsThrowsAndLeavesNoDocument(@TempDir Path folder) throws Exception {
    try (DuckDbDatabase db = DuckDbDatabase.open(folder.resolve("broken.duckdb"))) {
      CoordinationStore broken = new DuckDbCoordinationStore(db, "docs_to_drop");
      try (Statement statement = db.connection().createStatement()) {
        statement.execute("DROP TABLE docs_to_drop");
      }
      CoordinationStoreException failure =
          assertThrows(
              CoordinationStoreException.class,
              () -> broken.createIfAbsent(Document.of("locks/a", Map.of("v", 1L))));
      assertEquals("locks/a", failure.path());
      assertTrue(broken.get("locks/a").isEmpty());
    }
  }

  @Test
  void aRowWrittenBehindTheStoresBackStillWinsOverALaterCreate(@TempDir Path folder)
      throws Exception {
    try (DuckDbDatabase db = DuckDbDatabase.open(folder.resolve("behind.duckdb"))) {
      CoordinationStore behind = new DuckDbCoordinationStore(db, "docs_behind");
      try (Statement statement = db.connection().createStatement()) {
        statement.execute("INSERT INTO docs_behind VALUES ('locks/a/tokens', '1', '{}')");
      }
      assertFalse(
          behind.createIfAbsent(Document.of("locks/a/tokens/1", Map.of("v", 1L))),
          "the table's primary key decides, not the in-memory mirror");
      assertTrue(behind.createIfAbsent(Document.of("locks/a/tokens/2", Map.of("v", 2L))));
    }
  }

  @Test
  void tableNamesMustBePlainIdentifiers() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DuckDbCoordinationStore(database, "docs; DROP TABLE x"));
  }
}

package io.github.courtside.duckdb.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.lock.Lease;
import io.github.courtside.core.lock.LeaseLock;
import io.github.courtside.core.lock.LeaseLockConfig;
import io.github.courtside.core.testkit.CoordinationStoreContract;
import io.github.courtside.duckdb.DuckDbDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
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
  void tableNamesMustBePlainIdentifiers() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DuckDbCoordinationStore(database, "docs; DROP TABLE x"));
  }
}

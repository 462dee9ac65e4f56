package io.github.courtside.duckdb.coordination;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.testkit.CompletionTrackerContract;
import io.github.courtside.duckdb.DuckDbDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class DuckDbCompletionTrackerTest extends CompletionTrackerContract {
  private static DuckDbDatabase database;
  private static CoordinationStore store;

  @BeforeAll
  static void open(@TempDir Path folder) {
    database = DuckDbDatabase.open(folder.resolve("completion.duckdb"));
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

  @Override
  protected int propertyExamples() {
    return 3;
  }

  @Override
  protected int minEvents() {
    return 2_000; // every example at full size
  }

  @Override
  protected int maxEvents() {
    return 2_000;
  }
}

package io.github.courtside.duckdb.warehouse;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.testkit.ConsolidatorWithLeaseLockContract;
import io.github.courtside.core.warehouse.Warehouse;
import io.github.courtside.duckdb.DuckDbDatabase;
import io.github.courtside.duckdb.coordination.DuckDbCoordinationStore;
import java.time.Clock;

/**
 * The lease-locked consolidator contract on the DuckDB coordination store, sharing one database
 * with the warehouse, as the embedded default runs it.
 */
class ConsolidatorWithLeaseLockTest extends ConsolidatorWithLeaseLockContract {
  private DuckDbDatabase database;

  @Override
  protected Warehouse newWarehouse(Clock clock) {
    database = DuckDbDatabase.inMemory();
    return DuckDbWarehouse.builder().database(database).clock(clock).build();
  }

  @Override
  protected CoordinationStore newCoordinationStore() {
    return new DuckDbCoordinationStore(database);
  }

  @Override
  protected void closeBackend() {
    super.closeBackend();
    database.close();
  }
}

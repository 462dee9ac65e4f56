package io.github.courtside.duckdb.warehouse;

import io.github.courtside.core.testkit.ConsolidatorContract;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.Clock;

/** The consolidator contract and its incident regression tests on the embedded DuckDB warehouse. */
class ConsolidatorTest extends ConsolidatorContract {
  @Override
  protected Warehouse newWarehouse(Clock clock) {
    return DuckDbWarehouse.builder().clock(clock).build();
  }
}

package io.github.courtside.duckdb.warehouse;

import io.github.courtside.core.testkit.ConsolidationCrashContract;
import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.testkit.Predictions;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.Clock;

/** The crash contract on DuckDB, a fresh in-memory database per crash point. */
class ConsolidationCrashTest extends ConsolidationCrashContract {
  @Override
  protected ManualClock newClock() {
    return new ManualClock(Predictions.T0);
  }

  @Override
  protected Warehouse newWarehouse(Clock clock) {
    return DuckDbWarehouse.builder().clock(clock).build();
  }
}

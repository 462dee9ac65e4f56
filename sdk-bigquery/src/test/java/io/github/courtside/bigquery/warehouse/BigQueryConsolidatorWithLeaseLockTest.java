package io.github.courtside.bigquery.warehouse;

import io.github.courtside.bigquery.local.LocalBigQuery;
import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.core.testkit.ConsolidatorWithLeaseLockContract;
import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.testkit.Predictions;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lease-locked consolidator contract, unchanged, on {@link BigQueryWarehouse} against the local
 * BigQuery server (one server for the class, emptied between tests, on a clock shared with the
 * server), the lock on an in-memory coordination store.
 */
class BigQueryConsolidatorWithLeaseLockTest extends ConsolidatorWithLeaseLockContract {
  /** The server's clock and the tests': it only moves forward, so it is shared by the class. */
  private static final ManualClock CLOCK = new ManualClock(Predictions.T0);

  @RegisterExtension static LocalBigQuery bigQuery = LocalBigQuery.builder().clock(CLOCK).build();

  @Override
  protected ManualClock newClock() {
    return CLOCK;
  }

  @Override
  protected Warehouse newWarehouse(Clock clock) {
    BigQueryConsolidatorTest.emptyServer(bigQuery);
    bigQuery.faults().clear();
    return BigQueryWarehouse.builder()
        .bigQueryOptions(bigQuery.options())
        .writeSettings(bigQuery.writeSettings())
        .queryTimeout(Duration.ofSeconds(60))
        .build();
  }

  @Override
  protected CoordinationStore newCoordinationStore() {
    return new InMemoryCoordinationStore();
  }
}

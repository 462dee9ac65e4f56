package io.github.courtside.bigquery.warehouse;

import io.github.courtside.bigquery.local.LocalBigQuery;
import io.github.courtside.core.testkit.ConsolidationCrashContract;
import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.testkit.Predictions;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The crash contract on BigQuery (the local server): the consolidator dies after each of its writes
 * in turn, a new one reruns the batch against the same server.
 */
class BigQueryConsolidationCrashTest extends ConsolidationCrashContract {
  private static final ManualClock CLOCK = new ManualClock(Predictions.T0);

  @RegisterExtension static LocalBigQuery bigQuery = LocalBigQuery.builder().clock(CLOCK).build();

  @Override
  protected ManualClock newClock() {
    return CLOCK;
  }

  @Override
  protected Warehouse newWarehouse(Clock clock) {
    BigQueryConsolidatorTest.emptyServer(bigQuery);
    return BigQueryWarehouse.builder()
        .bigQueryOptions(bigQuery.options())
        .writeSettings(bigQuery.writeSettings())
        .queryTimeout(Duration.ofSeconds(60))
        .build();
  }
}

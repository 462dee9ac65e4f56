package io.github.courtside.bigquery.warehouse;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.Dataset;
import io.github.courtside.bigquery.local.LocalBigQuery;
import io.github.courtside.core.testkit.ConsolidatorContract;
import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.testkit.Predictions;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consolidator contract and its incident regression tests, unchanged, on {@link
 * BigQueryWarehouse} against the local BigQuery server (one server for the class, emptied between
 * tests).
 */
class BigQueryConsolidatorTest extends ConsolidatorContract {
  /** The server's clock and the tests': it only moves forward, so it is shared by the class. */
  private static final ManualClock CLOCK = new ManualClock(Predictions.T0);

  @RegisterExtension static LocalBigQuery bigQuery = LocalBigQuery.builder().clock(CLOCK).build();

  @Override
  protected ManualClock newClock() {
    return CLOCK;
  }

  @Override
  protected Warehouse newWarehouse(Clock clock) {
    emptyServer(bigQuery);
    bigQuery.faults().clear();
    return BigQueryWarehouse.builder()
        .bigQueryOptions(bigQuery.options())
        .writeSettings(bigQuery.writeSettings())
        .queryTimeout(Duration.ofSeconds(60))
        .build();
  }

  /** Every dataset of the project dropped, so each test starts from an empty warehouse. */
  static void emptyServer(LocalBigQuery server) {
    BigQuery client = server.client();
    for (Dataset dataset : client.listDatasets(server.projectId()).iterateAll()) {
      client.delete(dataset.getDatasetId(), BigQuery.DatasetDeleteOption.deleteContents());
    }
  }
}

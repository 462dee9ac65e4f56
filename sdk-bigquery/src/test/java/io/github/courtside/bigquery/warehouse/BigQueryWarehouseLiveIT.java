package io.github.courtside.bigquery.warehouse;

import com.google.cloud.bigquery.BigQuery;
import io.github.courtside.bigquery.LiveBigQuery;
import io.github.courtside.core.testkit.WarehouseContract;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link BigQueryWarehouseTest}'s contract suite ({@link WarehouseContract}) on real BigQuery
 * ({@code -Plive-gcp}, see {@link LiveBigQuery}). The contract writes to the datasets {@code nba}
 * and {@code other}; the suite refuses to run when either exists before it, empties them before
 * each test and deletes them at the end.
 */
class BigQueryWarehouseLiveIT extends WarehouseContract {
  private static final List<String> DATASETS = List.of("nba", "other");

  /** Set once the datasets are known to be the suite's own: only then are they dropped. */
  private static boolean claimed;

  private static BigQuery client() {
    return LiveBigQuery.options().getService();
  }

  @BeforeAll
  static void claimDatasets() {
    LiveBigQuery.claim(client(), DATASETS);
    claimed = true;
  }

  @AfterAll
  static void dropDatasets() {
    if (claimed) {
      LiveBigQuery.drop(client(), DATASETS);
    }
  }

  @Override
  protected Warehouse newWarehouse() {
    LiveBigQuery.drop(client(), DATASETS);
    return BigQueryWarehouse.builder()
        .bigQueryOptions(LiveBigQuery.options())
        .writeSettings(LiveBigQuery.writeSettings())
        .createMissingDatasets(true)
        .queryTimeout(Duration.ofMinutes(5))
        .build();
  }
}

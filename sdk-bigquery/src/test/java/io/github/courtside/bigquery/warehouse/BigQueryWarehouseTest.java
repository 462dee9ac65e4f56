package io.github.courtside.bigquery.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import io.github.courtside.bigquery.local.Fault;
import io.github.courtside.bigquery.local.LocalBigQuery;
import io.github.courtside.bigquery.quota.LoadJobQuotaExceededException;
import io.github.courtside.bigquery.quota.LoadJobQuotaGuard;
import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.testkit.WarehouseContract;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.Warehouse;
import io.github.courtside.core.warehouse.WarehouseException;
import io.github.courtside.core.warehouse.WriteGuard;
import io.github.courtside.core.warehouse.WriteGuardRefusedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The warehouse contract and the BigQuery-specific behaviour of {@link BigQueryWarehouse}, against
 * the local BigQuery server (REST + Storage Write gRPC on loopback), one server for the class.
 */
class BigQueryWarehouseTest extends WarehouseContract {
  @RegisterExtension static LocalBigQuery bigQuery = LocalBigQuery.create();

  private final ManualClock quotaClock = ManualClock.at("2026-01-26T10:00:00Z");

  @Override
  protected Warehouse newWarehouse() {
    emptyServer();
    bigQuery.faults().clear();
    return builder().build();
  }

  private BigQueryWarehouseSetup.Builder builder() {
    return BigQueryWarehouse.builder()
        .bigQueryOptions(bigQuery.options())
        .writeSettings(bigQuery.writeSettings())
        .queryTimeout(Duration.ofSeconds(60));
  }

  /** Every dataset of the project dropped, so each test starts from an empty warehouse. */
  private static void emptyServer() {
    BigQuery client = bigQuery.client();
    for (Dataset dataset : client.listDatasets(bigQuery.projectId()).iterateAll()) {
      client.delete(dataset.getDatasetId(), BigQuery.DatasetDeleteOption.deleteContents());
    }
  }

  private BigQueryWarehouse bigQueryWarehouse() {
    return (BigQueryWarehouse) warehouse;
  }

  @Test
  void replacingAPartitionTwiceLeavesIdenticalTablesWithOneLoadJobPerRun() {
    warehouse.createTable(games, allTypes());
    warehouse.append(games, List.of(row(DAY, "a", 1), row(NEXT_DAY, "z", 26)));
    List<Row> replacement = List.of(row(DAY, "b", 2), row(DAY, "c", 3));
    List<Long> loadJobs = new ArrayList<>();
    List<List<Row>> tables = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      long before = loadJobCount();
      long uploadsBefore = bigQuery.faults().calls("upload");
      assertEquals(2, warehouse.replacePartition(games, DAY, replacement));
      loadJobs.add(loadJobCount() - before);
      assertTrue(bigQuery.faults().calls("upload") > uploadsBefore, "rows went up as a load");
      tables.add(selectAll(games));
    }
    assertEquals(List.of(1L, 1L), loadJobs, "exactly one load job per run");
    assertEquals(tables.get(0), tables.get(1), "the second run changes nothing");
    assertEquals(
        List.of("b", "c", "z"),
        tables.get(1).stream().map(r -> r.getString("player_lookup").orElseThrow()).toList());
  }

  @Test
  void appendUsesTheStorageWriteApiAndNoLoadJob() {
    warehouse.createTable(games, allTypes());
    bigQuery.faults().resetCalls();
    long before = loadJobCount();
    warehouse.append(games, List.of(row(DAY, "a", 1), row(DAY, "b", 2)));
    assertEquals(before, loadJobCount());
    assertEquals(0, bigQuery.faults().calls("upload"));
    assertEquals(1, bigQuery.faults().calls("CreateWriteStream"));
    assertEquals(1, bigQuery.faults().calls("BatchCommitWriteStreams"));
    assertEquals(
        1L,
        warehouse
            .execute("UPDATE " + dialect.table(games) + " SET points = 5 WHERE player_lookup = 'a'")
            .updated(),
        "appended rows are not in a streaming buffer: DML changes them at once");
  }

  @Test
  void theQuotaGuardRefusesTheLoadThatWouldExhaustTheDailyQuota() {
    LoadJobQuotaGuard quota = LoadJobQuotaGuard.builder().dailyLimit(2).clock(quotaClock).build();
    try (BigQueryWarehouse guarded = builder().loadJobQuotaGuard(quota).build()) {
      guarded.createTable(games, allTypes());
      guarded.replacePartition(games, DAY, List.of(row(DAY, "a", 1)));
      guarded.replacePartition(games, DAY, List.of(row(DAY, "b", 2)));
      long before = loadJobCount();
      LoadJobQuotaExceededException refused =
          assertThrows(
              LoadJobQuotaExceededException.class,
              () -> guarded.replacePartition(games, DAY, List.of(row(DAY, "c", 3))));
      assertEquals(2, refused.used());
      assertEquals(before, loadJobCount(), "the refused load never started");
      assertEquals(
          List.of("b"),
          selectAll(games).stream().map(r -> r.getString("player_lookup").orElseThrow()).toList());
      quotaClock.advance(Duration.ofDays(1));
      assertEquals(1, guarded.replacePartition(games, DAY, List.of(row(DAY, "d", 4))));
    }
  }

  @Test
  void rateLimitsAndBackendErrorsAreRetryableAndInvalidRequestsAreNot() {
    BigQueryOptions once =
        bigQuery.options().toBuilder()
            .setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(1).build())
            .build();
    try (BigQueryWarehouse noRetries =
        builder().bigQueryOptions(once).writeSettings(bigQuery.writeSettings()).build()) {
      noRetries.createTable(games, allTypes());
      String sql = "SELECT COUNT(*) AS n FROM " + dialect.table(games);
      bigQuery.faults().failNext("jobs.insert", Fault.rateLimitExceeded(), 1);
      WarehouseException limited =
          assertThrows(WarehouseException.class, () -> noRetries.query(sql));
      assertTrue(limited.retryable(), limited.getMessage());
      assertTrue(limited.jobId().orElseThrow().startsWith("courtside_query_"));
      assertTrue(limited.getMessage().contains(limited.jobId().orElseThrow()));

      bigQuery.faults().failNext("jobs.insert", Fault.backendError(), 1);
      assertTrue(assertThrows(WarehouseException.class, () -> noRetries.query(sql)).retryable());

      bigQuery.faults().failNext("jobs.insert", Fault.quotaExceeded(), 1);
      assertFalse(assertThrows(WarehouseException.class, () -> noRetries.query(sql)).retryable());

      bigQuery.faults().failNext("jobs.insert", Fault.error(400, "invalid", "bad (injected)"), 1);
      assertFalse(assertThrows(WarehouseException.class, () -> noRetries.query(sql)).retryable());

      assertEquals(0L, noRetries.query(sql).get(0).get("n"), "faults used up, the query runs");
    }
  }

  @Test
  void aFencedTransactionIsOneScriptJobAndAFalseGuardWritesNothing() {
    warehouse.createTable(games, allTypes());
    warehouse.append(games, List.of(row(DAY, "a", 1)));
    WriteGuard fence =
        WriteGuard.of("(SELECT COUNT(*) FROM " + dialect.table(games) + ") = 0", "table is empty");
    long inserts = bigQuery.faults().calls("jobs.insert");
    assertThrows(
        WriteGuardRefusedException.class,
        () ->
            warehouse.transaction(
                fence,
                "INSERT INTO "
                    + dialect.table(games)
                    + " (game_date, player_lookup) VALUES (DATE '2024-04-10', 'b')",
                "DELETE FROM " + dialect.table(games) + " WHERE TRUE"));
    assertEquals(inserts + 1, bigQuery.faults().calls("jobs.insert"), "one script job");
    assertEquals(1, count(games), "neither the insert nor the delete happened");
  }

  @Test
  void schemasAreCachedAndForgottenWhenTheSdkChangesThem() {
    warehouse.createTable(games, allTypes());
    warehouse.schema(games);
    long fetches = bigQueryWarehouse().schemaFetches();
    long gets = bigQuery.faults().calls("tables.get");
    warehouse.schema(games);
    warehouse.append(games, List.of(row(DAY, "a", 1)));
    assertEquals(fetches, bigQueryWarehouse().schemaFetches(), "served from the cache");
    assertEquals(gets, bigQuery.faults().calls("tables.get"));

    warehouse.addColumns(games, List.of(Column.nullable("minutes", ColumnType.FLOAT64)));
    assertTrue(warehouse.schema(games).orElseThrow().hasColumn("minutes"));
    warehouse.append(games, List.of(row(DAY, "b", 2).toBuilder().set("minutes", 31.5).build()));
    assertEquals(31.5, selectAll(games).get(1).get("minutes"));
  }

  @Test
  void aColumnAddedByAnotherProcessIsSeenWhenARowNeedsIt() {
    warehouse.createTable(games, allTypes());
    warehouse.schema(games);
    BigQuery other = bigQuery.client();
    Table table =
        other.getTable(
            com.google.cloud.bigquery.TableId.of(bigQuery.projectId(), "nba", "player_game"));
    StandardTableDefinition definition = table.getDefinition();
    List<Field> fields = new ArrayList<>(definition.getSchema().getFields());
    fields.add(Field.of("assists", StandardSQLTypeName.INT64));
    other.update(
        table.toBuilder()
            .setDefinition(definition.toBuilder().setSchema(Schema.of(fields)).build())
            .build());
    assertEquals(
        1,
        warehouse.append(games, List.of(row(DAY, "a", 1).toBuilder().set("assists", 7L).build())));
    assertEquals(7L, selectAll(games).get(0).get("assists"));
  }

  @Test
  void aTableNamedWithTheDefaultProjectIsTheSameTable() {
    TableId qualified = games.inProject(bigQuery.projectId());
    warehouse.createTable(qualified, allTypes());
    warehouse.append(games, List.of(row(DAY, "a", 1)));
    assertEquals(allTypes(), warehouse.schema(qualified).orElseThrow());
    assertEquals(1, warehouse.query("SELECT * FROM " + dialect.table(qualified)).size());
    assertEquals(
        List.of(qualified.sibling("player_game")),
        warehouse.listSiblings(qualified, "player_"),
        "siblings keep the project they were asked for");
  }

  @Test
  void requiredColumnsCannotBeAddedToAnExistingTable() {
    warehouse.createTable(games, allTypes());
    WarehouseException refused =
        assertThrows(
            WarehouseException.class,
            () ->
                warehouse.addColumns(games, List.of(Column.required("minutes", ColumnType.INT64))));
    assertTrue(refused.getMessage().contains("minutes"), refused.getMessage());
  }

  /** Load jobs the server has run, counted from its job listing. */
  private static long loadJobCount() {
    long n = 0;
    for (com.google.cloud.bigquery.Job job :
        bigQuery.client().listJobs(BigQuery.JobListOption.allUsers()).iterateAll()) {
      if (job.getConfiguration() != null
          && job.getConfiguration().getType()
              == com.google.cloud.bigquery.JobConfiguration.Type.LOAD) {
        n++;
      }
    }
    return n;
  }
}

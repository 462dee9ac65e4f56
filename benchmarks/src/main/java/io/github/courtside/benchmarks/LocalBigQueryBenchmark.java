package io.github.courtside.benchmarks;

import io.github.courtside.bigquery.local.LocalBigQuery;
import io.github.courtside.bigquery.local.internal.sql.SqlOverhead;
import io.github.courtside.bigquery.warehouse.BigQueryWarehouse;
import io.github.courtside.core.consolidation.ConsolidationConfig;
import io.github.courtside.core.consolidation.ConsolidationReport;
import io.github.courtside.core.consolidation.Consolidator;
import io.github.courtside.core.merge.MergePlan;
import io.github.courtside.core.merge.MergePlanner;
import io.github.courtside.core.staging.StagingTableName;
import io.github.courtside.core.warehouse.DmlResult;
import io.github.courtside.core.warehouse.SqlDialect;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * {@link ConsolidationBenchmark}'s workload on the local BigQuery server, through the production
 * adapter ({@link BigQueryWarehouse}: the official client, REST on loopback, ZetaSQL analysis,
 * compilation to DuckDB SQL, DuckDB): the bare MERGE the SDK renders in GoogleSQL, and the whole
 * {@link Consolidator}. Compare {@code bareMerge} with {@link ConsolidationBenchmark#bareMerge()}
 * (the same statement straight on DuckDB) for the server's cost, and {@code consolidate} with
 * {@code bareMerge} for the SDK's.
 *
 * <p>With small sizes ({@code -p mainRows=100 -p stagedRows=10}) {@code bareMerge} measures the
 * server's fixed per-statement cost: a query job over HTTP, analysis, compilation, DML statistics.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
@State(Scope.Thread)
public class LocalBigQueryBenchmark {
  private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
  private static final TableId MAIN = ConsolidationBenchmark.MAIN;

  /** Rows in the main table before consolidation ({@code stagedRows} of them in the partition). */
  @Param("10000000")
  public long mainRows;

  /** Rows staged for the partition. */
  @Param("1000000")
  public long stagedRows;

  /** Staging tables the staged rows are spread over. */
  @Param("8")
  public int stagingTables;

  private final LocalBigQuery server = LocalBigQuery.builder().project("bench").build();
  private BigQueryWarehouse warehouse = newWarehouse();
  private Consolidator consolidator = consolidator(warehouse);
  private io.github.courtside.core.warehouse.SqlStatement bareMerge =
      io.github.courtside.core.warehouse.SqlStatement.of("");
  private boolean measuring;
  private long measuredStatements;
  private long measuredOverheadNanos;

  @Setup(Level.Trial)
  public void startServer() {
    server.start();
  }

  /** Only measurement iterations count towards the printed analysis and compilation time. */
  @Setup(Level.Iteration)
  public void iteration(IterationParams params) {
    measuring = params.getType() == IterationType.MEASUREMENT;
  }

  private BigQueryWarehouse newWarehouse() {
    return BigQueryWarehouse.builder()
        .bigQueryOptions(server.start().options())
        .writeSettings(server.writeSettings())
        .createMissingDatasets(true)
        .queryTimeout(Duration.ofMinutes(10))
        .build();
  }

  private static Consolidator consolidator(BigQueryWarehouse warehouse) {
    return Consolidator.create(
        warehouse,
        new ConsolidationBenchmark.SingleHolderLeases(),
        ConsolidationConfig.builder(ConsolidationBenchmark.spec())
            .activeFlag("is_active", "game_id", "player_lookup", "system_id")
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build());
  }

  /** Fresh tables before every measured call, built by GoogleSQL on the server. */
  @Setup(Level.Invocation)
  public void buildTables() {
    for (TableId table : warehouse.listTables(MAIN.dataset(), "")) {
      warehouse.dropTable(table);
    }
    SqlDialect sql = warehouse.dialect();
    warehouse.createTable(MAIN, ConsolidationBenchmark.schema());
    long inPartition = Math.min(mainRows, stagedRows);
    warehouse.execute(
        "INSERT INTO "
            + sql.table(MAIN)
            + " SELECT CONCAT('m', CAST(i AS STRING)), IF(i < "
            + inPartition
            + ", DATE '"
            + ConsolidationBenchmark.DAY
            + "', DATE_SUB(DATE '"
            + ConsolidationBenchmark.DAY
            + "', INTERVAL 1 + MOD(i, 365) DAY)), 'g', CONCAT('p', CAST(i AS STRING)),"
            + " 'catboost', MOD(i, 40) / 2.0, 20.0, TRUE, TIMESTAMP '2026-02-01 06:00:00',"
            + " CAST(NULL AS TIMESTAMP) FROM UNNEST(GENERATE_ARRAY(0, "
            + (mainRows - 1)
            + ")) AS i");
    List<TableId> tables = new ArrayList<>();
    for (int t = 0; t < stagingTables; t++) {
      TableId table =
          StagingTableName.of(MAIN, ConsolidationBenchmark.BATCH, "worker-" + t).tableId();
      warehouse.createTable(
          table, TableSchema.builder().columns(ConsolidationBenchmark.schema().columns()).build());
      // Half the staged keys match partition rows (same line), half are new players.
      warehouse.execute(
          "INSERT INTO "
              + sql.table(table)
              + " SELECT CONCAT('s', CAST(j AS STRING)), DATE '"
              + ConsolidationBenchmark.DAY
              + "', 'g', CONCAT('p', CAST(j + "
              + stagedRows / 2
              + " AS STRING)), 'catboost', MOD(j + "
              + stagedRows / 2
              + ", 40) / 2.0, 25.0, TRUE, TIMESTAMP '2026-02-01 11:00:00',"
              + " CAST(NULL AS TIMESTAMP) FROM UNNEST(GENERATE_ARRAY(0, "
              + (stagedRows - 1)
              + ")) AS j WHERE MOD(j, "
              + stagingTables
              + ") = "
              + t);
      tables.add(table);
    }
    MergePlan plan =
        MergePlanner.plan(
            warehouse, ConsolidationBenchmark.spec(), tables, ConsolidationBenchmark.DAY);
    bareMerge = plan.renderMerge(sql, NOW);
    consolidator = consolidator(warehouse);
  }

  @TearDown(Level.Trial)
  public void stopServer() {
    if (measuredStatements > 0) {
      System.out.printf(
          "%nGoogleSQL analysis + compilation on the local server: %.2f ms per statement"
              + " (%d statements of the measured consolidations)%n",
          measuredOverheadNanos / 1e6 / measuredStatements, measuredStatements);
    }
    warehouse.close();
    server.close();
  }

  /** The MERGE statement the SDK renders in GoogleSQL, alone, as one query job. */
  @Benchmark
  public DmlResult bareMerge() {
    return warehouse.execute(bareMerge);
  }

  /**
   * The whole consolidation on the local server. At the end of the trial it prints the server's
   * warm analysis and compilation time per statement of the measured calls (the SDK's consolidation
   * statements): ZetaSQL table names, catalog and analysis, and compilation to DuckDB SQL, without
   * DuckDB's execution.
   */
  @Benchmark
  public ConsolidationReport consolidate() {
    SqlOverhead.Totals before = SqlOverhead.totals();
    ConsolidationReport report =
        consolidator.consolidate(ConsolidationBenchmark.BATCH, ConsolidationBenchmark.DAY);
    SqlOverhead.Totals after = SqlOverhead.totals();
    if (!measuring) {
      return report;
    }
    measuredStatements += after.statements() - before.statements();
    measuredOverheadNanos +=
        (after.tableNameNanos() + after.analysisNanos() + after.compileNanos())
            - (before.tableNameNanos() + before.analysisNanos() + before.compileNanos());
    return report;
  }
}

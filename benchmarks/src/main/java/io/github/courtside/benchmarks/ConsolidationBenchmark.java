package io.github.courtside.benchmarks;

import io.github.courtside.core.consolidation.ConsolidationConfig;
import io.github.courtside.core.consolidation.ConsolidationReport;
import io.github.courtside.core.consolidation.Consolidator;
import io.github.courtside.core.lock.FencingToken;
import io.github.courtside.core.lock.Lease;
import io.github.courtside.core.lock.LeaseAcquirer;
import io.github.courtside.core.merge.MergePlan;
import io.github.courtside.core.merge.MergePlanner;
import io.github.courtside.core.merge.MergeSpec;
import io.github.courtside.core.staging.StagingTableName;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.duckdb.warehouse.DuckDbWarehouse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

/**
 * Consolidating {@code stagedRows} staged predictions (spread over {@code stagingTables} tables,
 * half of them updates) into a main table of {@code mainRows} rows on the embedded DuckDB
 * warehouse: the whole {@link Consolidator} run (plan, MERGE, verification, supersede, duplicate
 * check, staging drop, journal) against the bare MERGE statement alone. The difference is the cost
 * of the SDK's plan and checks. Each invocation starts from freshly built tables.
 *
 * <p>Defaults are the sizes (1,000,000 into 10,000,000); smoke-run small with {@code -p
 * mainRows=20000 -p stagedRows=2000}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Thread)
public class ConsolidationBenchmark {
  static final TableId MAIN = TableId.of("nba_predictions", "player_prop_predictions");
  static final LocalDate DAY = LocalDate.parse("2026-02-01");
  static final String BATCH = "batch_2026-02-01_1769796743";
  private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

  /** Rows in the main table before consolidation ({@code stagedRows} of them in the partition). */
  @Param("10000000")
  public long mainRows;

  /** Rows staged for the partition. */
  @Param("1000000")
  public long stagedRows;

  /** Staging tables the staged rows are spread over. */
  @Param("8")
  public int stagingTables;

  private DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory();
  private Consolidator consolidator = consolidator(warehouse);
  private io.github.courtside.core.warehouse.SqlStatement bareMerge =
      io.github.courtside.core.warehouse.SqlStatement.of("");

  static TableSchema schema() {
    return TableSchema.builder()
        .column(Column.required("prediction_id", ColumnType.STRING))
        .column(Column.required("game_date", ColumnType.DATE))
        .column(Column.required("game_id", ColumnType.STRING))
        .column(Column.required("player_lookup", ColumnType.STRING))
        .column(Column.required("system_id", ColumnType.STRING))
        .column(Column.nullable("current_points_line", ColumnType.FLOAT64))
        .column(Column.nullable("predicted_points", ColumnType.FLOAT64))
        .column(Column.required("is_active", ColumnType.BOOL).withDefault(true))
        .column(Column.required("created_at", ColumnType.TIMESTAMP))
        .column(Column.nullable("updated_at", ColumnType.TIMESTAMP))
        .partitionBy("game_date")
        .build();
  }

  static MergeSpec spec() {
    return MergeSpec.builder(MAIN)
        .mergeKey("game_id", "player_lookup", "system_id", "current_points_line")
        .newestBy("created_at")
        .excludeFromUpdate("prediction_id", "created_at")
        .refreshOnWrite("updated_at")
        .build();
  }

  static Consolidator consolidator(DuckDbWarehouse warehouse) {
    return Consolidator.create(
        warehouse,
        new SingleHolderLeases(),
        ConsolidationConfig.builder(spec())
            .activeFlag("is_active", "game_id", "player_lookup", "system_id")
            .clock(Clock.fixed(NOW, java.time.ZoneOffset.UTC))
            .build());
  }

  /** Fresh tables before every measured call. */
  @Setup(Level.Invocation)
  public void buildTables() {
    warehouse.close();
    warehouse = DuckDbWarehouse.inMemory();
    warehouse.createTable(MAIN, schema());
    long otherDays = Math.max(0, mainRows - stagedRows);
    long inPartition = Math.min(mainRows, stagedRows);
    // Partition rows: players p0..p(staged-1); the rest spread over a year of other dates.
    warehouse.execute(
        "INSERT INTO nba_predictions.player_prop_predictions SELECT 'm' || i, CASE WHEN i < "
            + inPartition
            + " THEN DATE '"
            + DAY
            + "' ELSE DATE '"
            + DAY
            + "' - CAST(1 + i % 365 AS INTEGER) END, 'g', 'p' || i, 'catboost', (i % 40) / 2.0,"
            + " 20.0, TRUE, TIMESTAMP '2026-02-01 06:00:00', NULL FROM range("
            + (inPartition + otherDays)
            + ") t(i)");
    List<TableId> tables = new ArrayList<>();
    for (int t = 0; t < stagingTables; t++) {
      TableId table = StagingTableName.of(MAIN, BATCH, "worker-" + t).tableId();
      warehouse.createTable(table, TableSchema.builder().columns(schema().columns()).build());
      // Half the staged keys match partition rows (same line), half are new players.
      warehouse.execute(
          "INSERT INTO "
              + warehouse.dialect().table(table)
              + " SELECT 's' || j, DATE '"
              + DAY
              + "', 'g', 'p' || (j + "
              + stagedRows / 2
              + "), 'catboost', ((j + "
              + stagedRows / 2
              + ") % 40) / 2.0, 25.0, TRUE, TIMESTAMP '2026-02-01 11:00:00', NULL FROM range("
              + stagedRows
              + ") r(j) WHERE j % "
              + stagingTables
              + " = "
              + t);
      tables.add(table);
    }
    MergePlan plan = MergePlanner.plan(warehouse, spec(), tables, DAY);
    bareMerge = plan.renderMerge(warehouse.dialect(), NOW);
    consolidator = consolidator(warehouse);
  }

  @TearDown(Level.Trial)
  public void close() {
    warehouse.close();
  }

  /** The whole consolidation: plan, MERGE, verify, supersede, duplicate check, drop, journal. */
  @Benchmark
  public ConsolidationReport consolidate() {
    return consolidator.consolidate(BATCH, DAY);
  }

  /** The MERGE statement the SDK renders, alone. */
  @Benchmark
  public long bareMerge() {
    return warehouse.execute(bareMerge).total();
  }

  DuckDbWarehouse warehouse() {
    return warehouse;
  }

  /** One process, no contention: a lease that is always held, with increasing tokens. */
  static final class SingleHolderLeases implements LeaseAcquirer {
    private final AtomicLong tokens = new AtomicLong();

    @Override
    public Lease acquire(String lockName) {
      FencingToken token = new FencingToken(lockName, tokens.incrementAndGet());
      return new Lease() {
        @Override
        public String lockName() {
          return lockName;
        }

        @Override
        public String owner() {
          return "benchmark";
        }

        @Override
        public FencingToken token() {
          return token;
        }

        @Override
        public Instant expiresAt() {
          return Instant.MAX;
        }

        @Override
        public boolean isHeld() {
          return true;
        }

        @Override
        public void close() {}
      };
    }
  }
}

package io.github.courtside.bigquery.sink;

import com.google.cloud.bigquery.BigQuery;
import io.github.courtside.bigquery.LiveBigQuery;
import io.github.courtside.core.batch.BatchSink;
import io.github.courtside.core.batch.BatchSinkContract;
import io.github.courtside.core.batch.WriteMode;
import io.github.courtside.core.batch.WriteModePolicy;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * {@link StreamingSinkContractTest}'s suite on real BigQuery ({@code -Plive-gcp}, see {@link
 * LiveBigQuery}): the core batch-sink contract for both streaming sinks, in the contract's dataset
 * {@code courtside_contract}, which the suite creates and deletes (and refuses to touch when it
 * exists before the run).
 */
class StreamingSinkContractLiveIT {
  private static final TableId CONTRACT_TABLE = TableId.of("courtside_contract", "sink_events");
  private static final List<String> DATASETS = List.of(CONTRACT_TABLE.dataset());
  private static final WriteModePolicy MODES =
      WriteModePolicy.builder().register(CONTRACT_TABLE, WriteMode.APPEND_ONLY).build();

  private static BigQuery client() {
    return LiveBigQuery.options().getService();
  }

  /** Set once the dataset is known to be the suite's own: only then is it dropped. */
  private static boolean claimed;

  @BeforeAll
  static void claimDataset() {
    LiveBigQuery.claim(client(), DATASETS);
    claimed = true;
  }

  @AfterAll
  static void dropDataset() {
    if (claimed) {
      LiveBigQuery.drop(client(), DATASETS);
    }
  }

  abstract static class OnBigQuery extends BatchSinkContract {
    /** Tells this test's rows from earlier tests' on the same (recreated) table. */
    private final String run = UUID.randomUUID().toString();

    private final List<AutoCloseable> opened = new ArrayList<>();
    private TableSchema schema = SCHEMA;

    abstract BatchSink open(TableId table);

    @Override
    protected Row event(int n) {
      return super.event(n).toBuilder().set("contract_run", run).build();
    }

    @Override
    protected BatchSink createSink(TableId table, TableSchema contractSchema) {
      this.schema =
          contractSchema.toBuilder()
              .column(Column.nullable("contract_run", ColumnType.STRING))
              .build();
      LocalTables.recreate(client(), LiveBigQuery.projectId(), table, schema);
      BatchSink sink = open(table);
      if (sink instanceof AutoCloseable closeable) {
        opened.add(closeable);
      }
      return sink;
    }

    @Override
    protected List<Row> readBack(TableId table) {
      return LocalTables.read(client(), LiveBigQuery.projectId(), table, schema);
    }

    @AfterEach
    void closeSinks() throws Exception {
      for (AutoCloseable closeable : opened) {
        closeable.close();
      }
      opened.clear();
    }
  }

  @Nested
  class StorageWriteAtLeastOnce extends OnBigQuery {
    @Override
    BatchSink open(TableId table) {
      return StorageWriteSink.builder(LiveBigQuery.writeSettings())
          .project(LiveBigQuery.projectId())
          .table(table)
          .writeModes(MODES)
          .build();
    }

    @Override
    protected boolean deduplicates() {
      return false;
    }
  }

  @Nested
  class StorageWriteExactlyOnce extends OnBigQuery {
    @Override
    BatchSink open(TableId table) {
      return StorageWriteSink.builder(LiveBigQuery.writeSettings())
          .project(LiveBigQuery.projectId())
          .table(table)
          .guarantee(DeliveryGuarantee.EXACTLY_ONCE)
          .writeModes(MODES)
          .build();
    }

    @Override
    protected boolean deduplicates() {
      return false;
    }
  }

  @Nested
  class InsertAll extends OnBigQuery {
    @Override
    BatchSink open(TableId table) {
      return InsertAllSink.builder(client())
          .project(LiveBigQuery.projectId())
          .table(table)
          .writeModes(MODES)
          .build();
    }

    @Override
    protected boolean deduplicates() {
      // BigQuery's insertId de-duplication is best effort, but holds for immediate repeats
      return true;
    }
  }
}
